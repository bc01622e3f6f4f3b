package org.crdl.runtime.turbulence;

/**
 * The broadened resonance function of fornieri2021 eq. (2) (L91–L92, Yan &amp; Lazarian 2008):
 * <pre>
 *   R_n(Δ) = √π / (|k_∥| v_⊥ M_A^{1/2}) · exp(−Δ² / (k_∥² v_⊥² M_A)),   Δ = k_∥ v_∥ − ω + nΩ,  v_⊥ = v (1−μ²)^{1/2}
 * </pre>
 * For fixed k_∥ it integrates to π over Δ for any M_A and tends to π δ(Δ) as M_A → 0
 * (L94, L403; digest §5.1 item 22). {@link Conventions.ResonanceWidth#CODE2023} is the later
 * code's √π/√2 prefactor with variance 2k_∥²v_⊥²M_A (same integral, √2 wider).
 */
public final class ResonanceFunction {
    private ResonanceFunction() {
    }

    /**
     * R_n [s] at frequency mismatch Δ [s^-1].
     *
     * @param delta      Δ = k_∥ v_∥ − ω + nΩ [s^-1]
     * @param kPar       k_∥ [cm^-1] (≠ 0)
     * @param vPerp      v_⊥ [cm/s] (&gt; 0)
     * @param machAlfven M_A
     * @param width      broadening convention
     */
    public static double value(double delta, double kPar, double vPerp, double machAlfven,
                               Conventions.ResonanceWidth width) {
        double a = Math.abs(kPar) * vPerp * Math.sqrt(machAlfven);
        if (!(a > 0)) {
            throw new IllegalArgumentException("the resonance function needs k_par != 0, v_perp > 0, M_A > 0");
        }
        if (width == Conventions.ResonanceWidth.CODE2023) {
            return Math.sqrt(Math.PI) / (Math.sqrt(2.0) * a) * Math.exp(-delta * delta / (2.0 * a * a));
        }
        return Math.sqrt(Math.PI) / a * Math.exp(-delta * delta / (a * a));
    }
}
