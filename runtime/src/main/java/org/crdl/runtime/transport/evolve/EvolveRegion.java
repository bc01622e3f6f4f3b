package org.crdl.runtime.transport.evolve;

import org.crdl.runtime.plasma.ModelException;
import org.crdl.runtime.plasma.PhaseModel;
import org.crdl.runtime.waves.ScatteringModel;

/**
 * One vertical region of a {@link SelfConsistentSlab}: the slab between the top of the region
 * below (0 for the first) and {@code zTop} [cm], with its ISM phase, its scattering block (bound
 * at every face and step with the CR state of the solution) and whether CRs stream at v_A,eff
 * down their gradient there.
 */
public record EvolveRegion(String name, double zTop, PhaseModel phase, ScatteringModel scattering, boolean streaming) {
    public EvolveRegion {
        if (!(zTop > 0) || Double.isInfinite(zTop)) {
            throw new ModelException("evolve region " + name + ": its top must be positive and finite, got " + zTop + " cm");
        }
    }
}
