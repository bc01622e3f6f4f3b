package org.crdl.runtime.structures;

import org.crdl.runtime.units.Constants;

/**
 * The empirical scattering rate every patchy model must reproduce (butsky2024 Eq. 1, L49–L52):
 * ⟨ν⟩_eff ~ ν̄₀ β R_GV^−δ_s with ν̄₀ = 10⁻⁹ s⁻¹ and 0.3 ≤ δ_s ≤ 0.7 (L52, L162); equivalently
 * ℓ_mfp = (c/ν̄₀) R_GV^δ_s ≈ 9.7 pc R_GV^δ_s (Eq. 2). The band over δ_s is what V4 and V9 compare with.
 */
public final class EmpiricalTarget {
    /** ν̄₀ [s^-1] (L52) */
    public static final double NU0 = 1e-9;
    public static final double DELTA_LO = 0.3;
    public static final double DELTA_HI = 0.7;

    private EmpiricalTarget() {
    }

    /** The largest empirical rate at R (δ_s = 0.3 above 1 GV, 0.7 below) [s^-1]. */
    public static double nuMax(double beta, double rigidityGV) {
        return NU0 * beta * Math.max(Math.pow(rigidityGV, -DELTA_LO), Math.pow(rigidityGV, -DELTA_HI));
    }

    /** The smallest empirical rate at R [s^-1]. */
    public static double nuMin(double beta, double rigidityGV) {
        return NU0 * beta * Math.min(Math.pow(rigidityGV, -DELTA_LO), Math.pow(rigidityGV, -DELTA_HI));
    }

    /** The longest empirical mean free path at R, (c/ν̄₀) max(R^0.3, R^0.7) [cm]. */
    public static double meanFreePathMax(double rigidityGV) {
        return Constants.C / NU0 * Math.max(Math.pow(rigidityGV, DELTA_LO), Math.pow(rigidityGV, DELTA_HI));
    }
}
