package org.crdl.runtime.transport.evolve;

import java.util.List;
import org.crdl.runtime.plasma.ModelException;
import org.crdl.runtime.units.Constants;

/**
 * Everything a {@link SelfConsistentSlab} needs, in cgs: the model name (for messages), the halo
 * half-height H (free escape e'_cr(H) = 0), the disk half-thickness h (the injection region), the
 * regions from the mid-plane up (the first ends at h, the last at H), the rigidity grid [GV], the
 * injection q(R) = d e'_cr/dt in the disk [erg cm⁻³ s⁻¹ per ln R], the number of z cells, the end
 * time t_max, the steady-state tolerance over the window, the wave treatment, the field
 * geometry (tangled: D = v²/(9ν̄_s) as flat_halo; vertical: κ_∥ = v²/(3ν̄_s) as layers) and
 * whether the flux is limited to v e'_cr (with the mean free path in ell_grad; off = pure diffusion).
 */
public record EvolveSetup(String model, double haloHeight, double diskHeight, List<EvolveRegion> regions,
                          double[] rigiditiesGV, double[] diskInjection, int cells, double tMax, double tolerance,
                          double window, WaveMode waves, boolean tangled, boolean fluxLimit) {

    /** How the resonant wave energy follows the CR state. */
    public enum WaveMode {
        /** local steady state S = Γe at every step (hopkins2022 L355 default) */
        BALANCE,
        /** de/dt = S − Γe integrated by backward Euler with the CR step ("very similar results", L355) */
        ODE
    }

    /** the default window over which the relative change must stay below the tolerance: 100 Myr */
    public static final double DEFAULT_WINDOW = 100 * Constants.MYR;

    public EvolveSetup {
        regions = List.copyOf(regions);
        rigiditiesGV = rigiditiesGV.clone();
        diskInjection = diskInjection.clone();
        if (!(diskHeight > 0) || !(haloHeight > diskHeight) || Double.isInfinite(haloHeight)) {
            throw new ModelException("transport evolve: need 0 < h < H < infinity; got h = " + diskHeight / Constants.PC
                    + " pc, H = " + haloHeight / Constants.KPC + " kpc");
        }
        if (regions.size() < 2 || Math.abs(regions.get(0).zTop() - diskHeight) > 1e-9 * diskHeight
                || Math.abs(regions.get(regions.size() - 1).zTop() - haloHeight) > 1e-9 * haloHeight) {
            throw new ModelException("transport evolve: the regions must be the disk (up to h) and the halo (up to H)");
        }
        if (rigiditiesGV.length < 1 || rigiditiesGV.length != diskInjection.length) {
            throw new ModelException("transport evolve: one injection rate per rigidity is needed");
        }
        if (cells < 8) {
            throw new ModelException("transport evolve: need at least 8 z cells, got " + cells);
        }
        if (!(tMax > 0) || Double.isInfinite(tMax) || !(tolerance > 0) || !(window > 0)) {
            throw new ModelException("transport evolve: t_max, tolerance and window must be positive and finite");
        }
    }
}
