package org.crdl.runtime.secondaries;

import org.crdl.runtime.units.Constants;

/**
 * p̄ production, annihilation and scattering cross sections.
 *
 * <h2>Production (p, He on H, He)</h2>
 * Prompt p̄ from p–p: the Lorentz-invariant cross section of di Mauro, Donato, Goudelis &amp;
 * Serpico (2014, PRD 90, 085017) <b>Eq. 12</b>, with their best-fit parameters
 * <pre>
 *   E d³σ/dp³ = σ_in(s) (1 − x_R)^C1 e^{−C2 x_R} [C3 s^{C4/2} e^{−C5 p_T} + C6 s^{C7/2} e^{−C8 p_T²}]
 *   C1..C8 = 4.499, 3.41, 0.00942 GeV⁻², 0.445, 3.502 GeV⁻¹, 0.0622 GeV⁻², −0.247, 2.576 GeV⁻²
 * </pre>
 * x_R = E_cm/E_cm,max the radial scaling variable in the centre-of-mass frame, E_cm,max = (s − 8m²)/2√s,
 * p_T the transverse momentum; σ_in = σ_tot − σ_el the p–p inelastic cross section from the
 * PDG-form fits used by di Mauro et al. (σ = Z + B ln²(s/s_M) + Y₁(s_M/s)^η₁ − Y₂(s_M/s)^η₂,
 * B = π(ħc)²/M², s_M = (2m_p + M)²; total: Z = 33.44, Y₁ = 13.53, Y₂ = 6.38 mb, η₁ = η₂ = 0.324,
 * M = 2.06 GeV; elastic: Z = 144.98, Y₁ = 2.64, Y₂ = 137.27 mb, η₁ = 1.57, η₂ = −4.65×10⁻³,
 * M = 3.06 GeV), which gives σ_in = 31.7 mb at √s = 17.3 GeV.
 *
 * <p>The energy spectrum in the frame of the gas is dσ/dT = 2π p ∫ dcosθ E d³σ/dp³, integrated
 * with composite 8-point Gauss–Legendre panels in θ that double in width from 0.1 GeV/p; the
 * integral over T agrees with an independent centre-of-mass integral of Eq. 12 to better than
 * 2×10⁻³ at T_n = 12, 158 and 3000 GeV (test; 1×10⁻⁵ at 158 GeV).
 *
 * <p><b>Antineutrons and hyperons.</b> Eq. 12 is fitted to prompt p̄ (feed-down removed). The
 * total is σ_prompt (2 + Δ_IS + 2 Δ_Λ) (Winkler 2017, JCAP 02, 048, §2; the same combination is
 * used by Korsmeier, Donato &amp; di Mauro 2018): the 2 counts p̄ and n̄ (n̄ → p̄ in flight), the
 * isospin excess of n̄ over p̄ is Δ_IS = 0.114/[1 + (s/20736 GeV²)^0.51] and the hyperon
 * (Λ̄, Σ̄ → p̄) contribution Δ_Λ = 0.81 [0.31 + 0.30/(1 + (21316 GeV²/s)^0.9)], Winkler's fit
 * values. The factor is 2.61 at √s = 5.6 GeV and 3.0 at √s = 1 TeV.
 *
 * <p><b>Nuclei.</b> p–He, He–p and He–He are the p–p cross section at the same kinetic energy per
 * nucleon times (A_P A_T)^0.8 (the scaling applied to the di Mauro et al. parametrisation in the
 * CRXS tables of Korsmeier, Donato &amp; di Mauro 2018, PRD 97, 103019; their refined,
 * x_F-dependent form differs from it by ≲ 20 %). The threshold is that of p–p, T_n = 6 m_p.
 *
 * <h2>Loss channels (Tan &amp; Ng 1983, J. Phys. G 9, 227; as used in GALPROP)</h2>
 * <pre>
 *   σ_ann(T)       = 661 (1 + 0.0115 T^−0.774 − 0.948 T^0.0151) mb       (T ≤ 12 GeV)
 *                  = 36 T^−0.5 mb                                         (T &gt; 12 GeV; Moskalenko et al. 2002, ApJ 565, 280)
 *   σ_inel,p̄p(T)   = 24.7 (1 + 0.584 T^−0.115 + 0.856 T^−0.566) mb
 *   σ_non-ann(T)   = σ_inel,p̄p − σ_ann                                  (T ≤ 13.3 GeV)
 *                  = σ_inel,pp(T) = 32.2 (1 + 0.0273 U + 0.01 U² Θ(U)) mb, U = ln(E/200 GeV)   (T &gt; 13.3 GeV)
 * </pre>
 * with T the p̄ kinetic energy in GeV (the fits are for T ≥ 0.05 GeV and are evaluated at 0.05 GeV
 * below). The tertiary redistribution is the usual flat approximation: a non-annihilating
 * collision leaves the p̄ with a kinetic energy T' uniformly distributed in (0, T), so
 * dσ/dT' = σ_non-ann(T)/T.
 */
public final class AntiprotonCrossSection {
    /** proton (and p̄) rest energy [GeV] */
    public static final double PROTON_MASS_GEV = Constants.M_P * Constants.C * Constants.C / Constants.GEV;
    /** production threshold in kinetic energy per nucleon: s = 16 m_p² ⇔ T_n = 6 m_p [GeV] */
    public static final double THRESHOLD_TN_GEV = 6 * PROTON_MASS_GEV;

    private static final double M = PROTON_MASS_GEV;
    private static final double HBARC2_GEV2_MB = 0.38937966;
    private static final double[] C = {4.499, 3.41, 0.00942, 0.445, 3.502, 0.0622, -0.247, 2.576};
    private static final double LOWEST_FIT_TGEV = 0.05;

    private AntiprotonCrossSection() {
    }

    /**
     * dσ/dT_p̄ [mb/GeV] for a projectile of mass number {@code projectileA} (1 or 4) at kinetic energy
     * per nucleon {@code projectileTnGeV} on a target of mass number {@code targetA} (1 or 4): prompt
     * p̄ × (2 + Δ_IS + 2Δ_Λ) (antineutrons and hyperons) × (A_P A_T)^0.8; 0 below threshold.
     */
    public static double dSigmaDTMbPerGeV(int projectileA, int targetA, double projectileTnGeV, double pbarTGeV) {
        double s = mandelstamSGeV2(projectileTnGeV);
        if (s <= 16 * M * M) {
            return 0;
        }
        return nuclearFactor(projectileA, targetA) * antineutronHyperonFactor(s)
                * promptPpDSigmaDTMbPerGeV(projectileTnGeV, pbarTGeV);
    }

    /** (A_P A_T)^0.8 for A ∈ {1, 4} */
    public static double nuclearFactor(int projectileA, int targetA) {
        checkA(projectileA, "projectile");
        checkA(targetA, "target");
        return Math.pow(projectileA * (double) targetA, 0.8);
    }

    /** 2 + Δ_IS(s) + 2 Δ_Λ(s) of Winkler 2017 (see the class comment); s in GeV² */
    public static double antineutronHyperonFactor(double sGeV2) {
        double isospin = 0.114 / (1 + Math.pow(sGeV2 / 20736.0, 0.51));
        double hyperon = 0.81 * (0.31 + 0.30 / (1 + Math.pow(21316.0 / sGeV2, 0.9)));
        return 2 + isospin + 2 * hyperon;
    }

    /** s = 4m² + 2m T_n [GeV²] of a nucleon–nucleon collision with one nucleon at rest */
    public static double mandelstamSGeV2(double projectileTnGeV) {
        return 4 * M * M + 2 * M * projectileTnGeV;
    }

    /** di Mauro et al. 2014 Eq. 12: prompt p–p → p̄ invariant cross section E d³σ/dp³ [mb GeV⁻²] */
    public static double invariantPromptMbPerGeV2(double sGeV2, double cmEnergyGeV, double transverseMomentumGeV) {
        if (sGeV2 <= 16 * M * M) {
            return 0;
        }
        double eMax = (sGeV2 - 8 * M * M) / (2 * Math.sqrt(sGeV2));
        double xR = cmEnergyGeV / eMax;
        if (xR >= 1) {
            return 0;
        }
        double pt = transverseMomentumGeV;
        return ppInelasticMb(sGeV2) * Math.pow(1 - xR, C[0]) * Math.exp(-C[1] * xR)
                * (C[2] * Math.pow(sGeV2, C[3] / 2) * Math.exp(-C[4] * pt)
                        + C[5] * Math.pow(sGeV2, C[6] / 2) * Math.exp(-C[7] * pt * pt));
    }

    /** p–p inelastic cross section σ_tot − σ_el [mb] of di Mauro et al. 2014 (see the class comment) */
    public static double ppInelasticMb(double sGeV2) {
        return pdgForm(sGeV2, 33.44, 13.53, 6.38, 0.324, 0.324, 2.06)
                - pdgForm(sGeV2, 144.98, 2.64, 137.27, 1.57, -4.65e-3, 3.06);
    }

    private static double pdgForm(double s, double z, double y1, double y2, double eta1, double eta2, double mGeV) {
        double b = Math.PI * HBARC2_GEV2_MB / (mGeV * mGeV);
        double sM = (2 * M + mGeV) * (2 * M + mGeV);
        double l = Math.log(s / sM);
        return z + b * l * l + y1 * Math.pow(sM / s, eta1) - y2 * Math.pow(sM / s, eta2);
    }

    /**
     * Prompt p–p → p̄ spectrum dσ/dT [mb/GeV] in the frame of the target proton: Eq. 12 integrated
     * over the p̄ direction, 2π p ∫ dcosθ E d³σ/dp³.
     */
    public static double promptPpDSigmaDTMbPerGeV(double projectileTnGeV, double pbarTGeV) {
        double s = mandelstamSGeV2(projectileTnGeV);
        if (s <= 16 * M * M || !(pbarTGeV > 0)) {
            return 0;
        }
        double rootS = Math.sqrt(s);
        double eMax = (s - 8 * M * M) / (2 * rootS);
        double eProj = projectileTnGeV + M;
        double gamma = (eProj + M) / rootS;
        double betaGamma = Math.sqrt(projectileTnGeV * (projectileTnGeV + 2 * M)) / rootS;
        double e = pbarTGeV + M;
        double p = Math.sqrt(pbarTGeV * (pbarTGeV + 2 * M));
        double cosMin = (gamma * e - eMax) / (betaGamma * p);
        if (cosMin >= 1) {
            return 0;
        }
        double thetaMax = Math.acos(Math.max(-1, cosMin));
        double integral = Quadrature.geometric(theta -> {
            double cmEnergy = gamma * e - betaGamma * p * Math.cos(theta);
            return Math.sin(theta) * invariantPromptMbPerGeV2(s, cmEnergy, p * Math.sin(theta));
        }, Math.min(0.1 / p, thetaMax), thetaMax);
        return 2 * Math.PI * p * integral;
    }

    /** p̄ annihilation cross section on H [mb] at p̄ kinetic energy T (Tan &amp; Ng 1983; class comment) */
    public static double annihilationMb(double pbarTGeV) {
        double t = Math.max(pbarTGeV, LOWEST_FIT_TGEV);
        if (t > 12) {
            return 36 / Math.sqrt(t);
        }
        return 661 * (1 + 0.0115 * Math.pow(t, -0.774) - 0.948 * Math.pow(t, 0.0151));
    }

    /** non-annihilating inelastic p̄–p cross section [mb] (the "tertiary" channel; class comment) */
    public static double nonAnnihilatingMb(double pbarTGeV) {
        double t = Math.max(pbarTGeV, LOWEST_FIT_TGEV);
        if (t > 13.3) {
            double u = Math.log((t + M) / 200.0);
            return 32.2 * (1 + 0.0273 * u + (u > 0 ? 0.01 * u * u : 0));
        }
        double inelastic = 24.7 * (1 + 0.584 * Math.pow(t, -0.115) + 0.856 * Math.pow(t, -0.566));
        double annihilation = 661 * (1 + 0.0115 * Math.pow(t, -0.774) - 0.948 * Math.pow(t, 0.0151));
        return inelastic - annihilation;
    }

    /**
     * dσ/dT' [mb/GeV] of the tertiary redistribution: a p̄ of kinetic energy T scattering inelastically
     * (non-annihilating) on H to kinetic energy T' &lt; T, flat in T': σ_non-ann(T)/T for 0 &lt; T' &lt; T.
     */
    public static double tertiaryDSigmaDTMbPerGeV(double pbarTGeV, double pbarTPrimeGeV) {
        if (!(pbarTGeV > 0) || !(pbarTPrimeGeV > 0) || pbarTPrimeGeV >= pbarTGeV) {
            return 0;
        }
        return nonAnnihilatingMb(pbarTGeV) / pbarTGeV;
    }

    private static void checkA(int a, String what) {
        if (a != 1 && a != 4) {
            throw new IllegalArgumentException(what + " mass number must be 1 (H) or 4 (He), got " + a);
        }
    }
}
