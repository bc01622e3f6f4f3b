package org.crdl.runtime.turbulence;

/**
 * Ion–neutral damping, isotropic in θ.
 * <pre>
 *   weak coupling (k v_A ≫ ν_ni):   Γ_w = 1e-9 s^-1 f_neutral (T/1000 K)^{1/2} (ρ/1e-24 g cm^-3)   hopkins2022 L179
 *   strong coupling (k v_A ≪ ν_ni): Γ_s = (ρ_n/ρ) k² v_A² / (2 ν_ni),  ν_ni = ν_in ρ_i/ρ_n,  ν_in = 2 Γ_w
 *   Γ = Γ_w Γ_s / (Γ_w + Γ_s)
 * </pre>
 * The strong-coupling limit and the harmonic interpolation between the two limits are the
 * standard Kulsrud &amp; Pearce (1969) results, not in the digests [external]; fornieri2021 (L139)
 * and kempski2022 (L234) neglect this damping. A k-independent Γ_w truncates the weak cascade
 * (rate ∝ k^{1/2}) only at the injection scale, so its effect enters through Γ_s.
 */
public final class IonNeutralDamping implements FastModeDamping {
    private final double weak;
    private final double strongCoefficient;

    /**
     * @param neutralFraction f_neutral = ρ_n/ρ (0 ≤ f &lt; 1)
     * @param temperature     T [K]
     * @param density         ρ [g cm^-3]
     * @param alfvenSpeed     v_A = B/(4πρ)^{1/2} [cm/s] (total density)
     */
    public IonNeutralDamping(double neutralFraction, double temperature, double density, double alfvenSpeed) {
        if (!(neutralFraction >= 0 && neutralFraction < 1) || !(temperature > 0) || !(density > 0)
                || !(alfvenSpeed > 0)) {
            throw new IllegalArgumentException("ion-neutral damping needs 0 <= f_neutral < 1, T > 0, rho > 0, v_A > 0");
        }
        this.weak = 1e-9 * neutralFraction * Math.sqrt(temperature / 1000.0) * (density / 1e-24);
        double nuIn = 2.0 * weak;
        double fIon = 1.0 - neutralFraction;
        double nuNi = neutralFraction > 0 ? nuIn * fIon / neutralFraction : Double.POSITIVE_INFINITY;
        this.strongCoefficient = neutralFraction > 0 ? neutralFraction * alfvenSpeed * alfvenSpeed / (2.0 * nuNi) : 0.0;
    }

    /** Γ_w [s^-1] */
    public double weakCouplingRate() {
        return weak;
    }

    @Override
    public double rate(double k, double cosTheta) {
        if (weak == 0.0) {
            return 0.0;
        }
        double strong = strongCoefficient * k * k;
        return weak * strong / (weak + strong);
    }

    @Override
    public String label() {
        return "ion-neutral";
    }
}
