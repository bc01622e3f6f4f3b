package org.crdl.runtime.turbulence;

/**
 * Traces of the magnetic correlation tensors, Tr M(k) = ⟨δB²⟩-density / B_0² per d³k, normalised
 * to ∫ d³k Tr M = ⟨δB²⟩/B_0² (fornieri2021 (A8), digest §2.4), in cgs (k in cm^-1, L in cm).
 * <pre>
 *   Alfvén, M_A ≤ 1  (A9):  Tr M = M_A^{4/3} L^{-1/3}/(6π) k_⊥^{-10/3} exp(−L^{1/3}|k_∥|/(M_A^{4/3} k_⊥^{2/3})),  k_⊥ ≥ 1/ℓ_tr = 1/(L M_A²)
 *   Alfvén, M_A &gt; 1  (A10): Tr M = M_A L^{-1/3}/(6π) k_⊥^{-10/3} exp(−L^{1/3}|k_∥|/(M_A k_⊥^{2/3})),          k_⊥ ≥ 1/ℓ_A = M_A³/L
 *   fast             (A7):  Tr M = M_A² L^{-1/2}/(8π) k^{-7/2},  k ≥ 1/L   ((A17) prints L^{+1/2}: typo, digest §6.4 item 5)
 * </pre>
 * The normalisations are M_A⁴ (sub-Alfvénic, ⟨δB²⟩ at ℓ_tr), 1 (super-Alfvénic, at ℓ_A) and M_A²
 * (fast). The D_μμ prefactors of {@link QuasiLinearScattering} follow from these tensors with the
 * resonance function of {@link ResonanceFunction} (checked by a brute-force test of eq. (1)).
 */
public final class TurbulenceSpectra {
    private TurbulenceSpectra() {
    }

    /** Tr M^A(k_∥, k_⊥) [cm³] of (A9)/(A10); 0 below the lower k_⊥ limit. */
    public static double alfvenTrace(double kPar, double kPerp, double machAlfven, double injectionScale) {
        double ma = machAlfven;
        double l = injectionScale;
        boolean sub = ma <= 1;
        double kMin = sub ? 1.0 / (l * ma * ma) : ma * ma * ma / l;
        if (kPerp < kMin) {
            return 0.0;
        }
        double c = (sub ? Math.pow(ma, 4.0 / 3.0) : ma) * Math.pow(l, -1.0 / 3.0) / (6 * Math.PI);
        double div = sub ? Math.pow(ma, 4.0 / 3.0) : ma;
        return c * Math.pow(kPerp, -10.0 / 3.0)
                * Math.exp(-Math.cbrt(l) * Math.abs(kPar) / (div * Math.pow(kPerp, 2.0 / 3.0)));
    }

    /** Tr M^F(k) [cm³] of (A7); 0 below k = 1/L. */
    public static double fastTrace(double k, double machAlfven, double injectionScale) {
        if (k < 1.0 / injectionScale) {
            return 0.0;
        }
        return machAlfven * machAlfven / (8 * Math.PI * Math.sqrt(injectionScale)) * Math.pow(k, -3.5);
    }
}
