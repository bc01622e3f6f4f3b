package org.crdl.runtime.plasma;

import org.crdl.runtime.particles.Species;

/**
 * A compiled (or interpreted) `phase` declaration. Fields that depend on the rigidity (for
 * example e_cr = 0.6 [eV cm^-3] (R / 1 [GV])^-0.7) are evaluated per species and rigidity;
 * all others once.
 */
public interface PhaseModel {

    String name();

    /** All fields of the phase, in cgs, for this species at rigidity R [statV]. */
    PhaseState at(Species species, double rigidityStatV);
}
