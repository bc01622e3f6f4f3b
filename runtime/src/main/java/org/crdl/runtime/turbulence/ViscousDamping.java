package org.crdl.runtime.turbulence;

/**
 * Collisional (viscous) damping of fast modes, Γ = k² [c ν_ion f_v(θ) + ν_neutral f_neutral].
 * <pre>
 *   f_v(θ) = sin²θ = 1 − ξ²          (β ≪ 1)   hopkins2022 (C7), kempski2022 (A5), fornieri2021 (A19)
 *          = (1 − 3 cos²θ)²          (β ≫ 1)   hopkins2022 (C7); fornieri2021 (A19) second branch
 * </pre>
 * Normalisations: Braginskii form Γ = ν_B k² f_v/6 with ν_B ≈ l_mfp v_th (kempski2022 (A5),
 * L594) — with the cascade {@link FastModeCascade#weakIsotropic} it gives k_max L = x_c (1−ξ²)^{-2/3}
 * with x_c = (6 M_A² v_A L/ν_B)^{2/3} = (6ρ δV² L/(η_0 v_A))^{2/3}, fornieri2021 (A19) and L516;
 * hopkins2022 (C2, C4–C6) form Γ = k² ν_visc,eff without the 1/6.
 */
public final class ViscousDamping implements FastModeDamping {
    /** Angular dependence of the ion viscosity (hopkins2022 (C7)). */
    public enum Branch { LOW_BETA, HIGH_BETA }

    private final double ionCoefficient;
    private final double neutralCoefficient;
    private final Branch branch;
    private final String label;

    private ViscousDamping(double ionCoefficient, double neutralCoefficient, Branch branch, String label) {
        if (!(ionCoefficient >= 0) || !(neutralCoefficient >= 0) || Double.isInfinite(ionCoefficient)
                || Double.isInfinite(neutralCoefficient)) {
            throw new IllegalArgumentException("viscous damping needs finite viscosities >= 0, got ion "
                    + ionCoefficient + ", neutral " + neutralCoefficient + " cm^2/s");
        }
        this.ionCoefficient = ionCoefficient;
        this.neutralCoefficient = neutralCoefficient;
        this.branch = branch;
        this.label = label;
    }

    /** Braginskii form Γ = ν_B k² f_v(θ)/6, ν_B [cm²/s] (kempski2022 (A5)). */
    public static ViscousDamping braginskii(double nuB, Branch branch) {
        return new ViscousDamping(nuB / 6.0, 0.0, branch, "viscous(Braginskii)");
    }

    /**
     * The Braginskii form normalised to a given truncation scale x_c (fornieri2021 (A19), L516):
     * ν_B = 6 M_A² v_A L / x_c^{3/2}, so that k_max L = x_c (1 − ξ²)^{-2/3} (β ≪ 1).
     */
    public static ViscousDamping fromTruncationScale(double xc, double injectionScale, double machAlfven,
                                                     double alfvenSpeed, Branch branch) {
        double nu = 6.0 * machAlfven * machAlfven * alfvenSpeed * injectionScale / Math.pow(xc, 1.5);
        return new ViscousDamping(nu / 6.0, 0.0, branch, "viscous(x_c=" + xc + ")");
    }

    /**
     * kempski2022 App. A re-implementation choices (digest §5.3): ν_B = l_mfp v_th with
     * l_mfp = 1e4 cm (T/K)² / (n/cm^-3) and v_th = (k_B T/m_p)^{1/2}.
     */
    public static ViscousDamping kempski(double n, double temperature, Branch branch) {
        return braginskii(KempskiPlasma.meanFreePath(n, temperature) * KempskiPlasma.thermalSpeed(temperature),
                branch);
    }

    /**
     * hopkins2022 (C2, C4–C6): Γ = k² [ν_ion,0 f_v(θ) f_ion + ν_neutral f_neutral] with
     * ν_ion,0 = 0.6e18 cm²/s T_4^{5/2} n_1^{-1}, ν_neutral = 3e20 cm²/s T_4^{1/2} n_1^{-1}.
     */
    public static ViscousDamping hopkins(double n, double temperature, double ionFraction, Branch branch) {
        double t4 = temperature / 1e4;
        double ion = 0.6e18 * Math.pow(t4, 2.5) / n * ionFraction;
        double neutral = 3e20 * Math.sqrt(t4) / n * (1.0 - ionFraction);
        return new ViscousDamping(ion, neutral, branch, "viscous(hopkins C2)");
    }

    @Override
    public double rate(double k, double cosTheta) {
        double c2 = cosTheta * cosTheta;
        double fv = branch == Branch.LOW_BETA ? Math.max(0.0, 1.0 - c2) : (1.0 - 3.0 * c2) * (1.0 - 3.0 * c2);
        return k * k * (ionCoefficient * fv + neutralCoefficient);
    }

    @Override
    public String label() {
        return label;
    }
}
