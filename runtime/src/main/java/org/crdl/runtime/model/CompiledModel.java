package org.crdl.runtime.model;

import org.crdl.runtime.params.ParameterSet;
import org.crdl.runtime.plasma.PhaseModel;
import org.crdl.runtime.turbulence.DampingLaw;
import org.crdl.runtime.waves.ScatteringModel;

/**
 * A checked model ready to run: implemented by the class generated from a model file and,
 * for the reference path, by the interpreter. Phases and scattering blocks are created for a
 * parameter set, so a caller can override parameters without recompiling.
 */
public interface CompiledModel {

    /** The model's name (its {@code model} header, or the file name). */
    String name();

    /** SHA-256 of the model text (all files, in load order), as in the generated header. */
    String sourceHash();

    /** The parameters with their declared values and ranges. */
    ParameterSet defaultParameters();

    String[] phaseNames();

    String[] scatteringNames();

    /** The named phase; a {@link org.crdl.runtime.plasma.ModelException} lists the names when unknown. */
    PhaseModel phase(String name, ParameterSet parameters);

    /** The named scattering block; a {@link org.crdl.runtime.plasma.ModelException} lists the names when unknown. */
    ScatteringModel scattering(String name, ParameterSet parameters);

    /** The damping laws written in terms of the fast-mode wavevector (k, cos_theta). */
    String[] dampingLawNames();

    /** The named fast-mode damping law (for turbulence environments). */
    DampingLaw dampingLaw(String name, ParameterSet parameters);
}
