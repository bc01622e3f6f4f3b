package org.crdl.runtime.turbulence;

/**
 * Bessel kernels of the resonance integrals with their large-argument means.
 * <p>
 * Deep in the oscillatory regime the x-integrals of J_1'²(z) and J_1²(z) against smooth
 * weights are evaluated with the oscillation-averaged kernels (A&amp;S 9.2.5, 9.2.11 with
 * P, Q, R, S to second order):
 * <pre>
 *   ⟨J_1²(z)⟩  = (1/(πz)) (1 − 3/(32 z²)),     ⟨J_1'²(z)⟩ = (1/(πz)) (1 − 1/(8 z²))
 * </pre>
 * The switch is at z = {@link #Z_SWITCH} = 17π/4, a zero of cos 2z, where the antiderivative of
 * the dropped oscillating part (∝ cos 2z/(πz)) vanishes: the leading boundary error cancels and
 * the remainder is O(1/(4Z²)), 0.1–0.4 % of the local x-integral where the resonance itself lies
 * beyond the switch (small ξ). Moving the switch to 33π/4 changes the halo and kempski2022 D_xx
 * curves by less than 1e-5 (measured), at three times the cost. Tests compare with fully
 * resolved quadrature.
 */
final class BesselMeans {
    /** 17π/4 ≈ 13.35 */
    static final double Z_SWITCH = 17.0 * Math.PI / 4.0;

    private BesselMeans() {
    }

    /** J_1'(z)² exactly below the switch, its mean above (z ≥ 0). */
    static double j1PrimeSquared(double z, double[] scratch) {
        if (z >= Z_SWITCH) {
            return (1.0 - 1.0 / (8.0 * z * z)) / (Math.PI * z);
        }
        Bessel.j01(z, scratch);
        double d = Bessel.j1PrimeFrom(z, scratch[0], scratch[1]);
        return d * d;
    }

    /** J_1(z)²/z² exactly below the switch, its mean above; → 1/4 at z → 0 (fornieri2021 §6.3). */
    static double j1OverZSquared(double z, double[] scratch) {
        if (z >= Z_SWITCH) {
            return (1.0 - 3.0 / (32.0 * z * z)) / (Math.PI * z * z * z);
        }
        if (z < 1e-4) {
            return 0.25 - z * z / 16.0;
        }
        Bessel.j01(z, scratch);
        double r = scratch[1] / z;
        return r * r;
    }
}
