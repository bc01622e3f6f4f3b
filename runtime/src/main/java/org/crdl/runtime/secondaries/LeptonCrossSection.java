package org.crdl.runtime.secondaries;

import org.crdl.runtime.network.InelasticCrossSection;
import org.crdl.runtime.units.Constants;

/**
 * e± production in p–p (and He) collisions, from π± → μ± → e± decays.
 *
 * <h2>T_p ≥ 1 TeV: Kelner, Aharonian &amp; Bugayov 2006 (PRD 74, 034018)</h2>
 * dσ/dE_e = σ_inel(E_p) F_e(x, E_p)/E_p with x = E_e/E_p, E_p the total proton energy, σ_inel their
 * Eq. 79 ({@link InelasticCrossSection#protonKelner2006Mb}) and their <b>Eqs. 62–65</b>:
 * <pre>
 *   F_e = B_e (1 + k_e ln²x)³ (−ln x)⁵ / [x (1 + 0.3/x^β_e)],   L = ln(E_p/1 TeV)
 *   B_e = 1/(69.5 + 2.65 L + 0.3 L²),  β_e = (0.201 + 0.062 L + 0.00042 L²)^−1/4,
 *   k_e = (0.279 + 0.141 L + 0.0172 L²)/(0.3 + (2.3 + L)²)
 * </pre>
 * fitted to SIBYLL for E_p = 0.1–10⁵ TeV and x ≥ 10⁻³; it is set to 0 below x = 10⁻³, where the
 * (1 + k_e ln²x)³ factor runs away (leptons below 1 GeV from ≥ 1 TeV protons are dropped; at those
 * lepton energies the steep primary spectrum makes the δ-functional part dominate).
 * <b>Why the join is at 1 TeV, not at the paper's 100 GeV:</b> between the decade points the fit
 * misbehaves just above 0.1 TeV. The lepton energy fraction ∫ x F_e dx is 0.056 at 0.1 TeV and
 * 0.060 at 1 TeV but 0.10 at 0.15 TeV (0.087 at 0.2, 0.071 at 0.3 TeV), driven by the near-pole
 * denominator 0.3 + (2.3 + L)² of k_e; one lepton charge cannot carry 10 % of E_p (π± of one charge
 * carry ≈ 0.17 E_p and pass ≈ 27 % of it to the lepton). The δ-functional form below reproduces
 * the fit's energy fraction exactly at 1 TeV and to 7 % at 0.1 TeV. F_e is read as the
 * spectrum of <i>one</i> charge (e⁺ from π⁺, or e⁻ from π⁻): its energy fraction (0.060 at 1 TeV)
 * is close to the ≈ 0.046 expected for one charge (0.17 × 0.27) and far from the ≈ 0.09 of
 * e⁺ + e⁻, and it integrates to 3.6 leptons (x ≥ 10⁻³) per collision at 1 TeV, against the
 * 4–5 π⁺ per collision one estimates from the ISR charged multiplicity (≈ 12 at √s ≈ 45 GeV) and
 * twice that for e⁺ + e⁻. The same F_e is used for e⁺ and e⁻:
 * the production is <b>charge-symmetric</b> in this model (the measured π⁺/π⁻ ≈ 1.3 at 158 GeV/c
 * is not reproduced; e⁺ are underestimated by ~10–15 % and e⁻ overestimated at those energies,
 * more near threshold).
 *
 * <h2>T_p &lt; 1 TeV: δ-functional pions (Kelner et al. 2006 §IV.B)</h2>
 * Each collision makes ñ pions of each charge with energy E_π = K_π T_p, K_π = 0.17 (their value);
 * none when K_π T_p ≤ m_π (T_p &lt; 0.82 GeV). A pion of energy E_π gives e± with the spectrum
 * f_e(x)/E_π, x = E_e/E_π, of the ultra-relativistic π → μ → e chain with an <b>unpolarised</b> muon
 * (muon energy uniform in [r E_π, E_π], r = m_μ²/m_π² = 0.573; Michel spectrum
 * 5/3 − 3y² + 4y³/3 of the electron in muon decay, y = E_e/E_μ):
 * <pre>
 *   (1 − r) f_e(x) = (5/3) ln(1/r) − (3/2) x² (1/r² − 1) + (4/9) x³ (1/r³ − 1)     x ≤ r
 *                  = (5/3) ln(1/x) − 19/18 + (3/2) x² − (4/9) x³                    r &lt; x &lt; 1
 * </pre>
 * normalised to 1 with mean x = (1 + r)/2 · 7/20 = 0.275. ñ = 1.29 is fixed by continuity at
 * 1 TeV: ñ K_π ⟨x⟩ equals the energy fraction ∫ x F_e dx of the high-energy form (0.0602). The
 * low-energy form inherits the δ approximation's limits: the spectrum shape below T_p ~ 10 GeV is
 * rough (no resonances, no angular spread); Kamae et al. 2006 (ApJ 647, 692) is the reference
 * there and is not implemented.
 *
 * <h2>Nuclei</h2>
 * p–He, He–p and He–He: the p–p cross section at the same kinetic energy per nucleon times
 * (A_P A_T)^0.8, the same scaling as {@link AntiprotonCrossSection#nuclearFactor} (a documented
 * approximation; no e±-specific nuclear fit is used).
 */
public final class LeptonCrossSection {
    /** T_p where the Kelner et al. 2006 analytic form takes over [GeV] (class comment: why not 100) */
    public static final double JOIN_TP_GEV = 1000.0;
    /** K_π of the δ-functional approximation (Kelner et al. 2006 §IV.B) */
    public static final double K_PI = 0.17;
    /** electron rest energy [GeV] */
    public static final double ELECTRON_MASS_GEV = Constants.M_E * Constants.C * Constants.C / Constants.GEV;
    /** charged-pion rest energy [GeV] (PDG) */
    public static final double PION_MASS_GEV = 0.13957039;
    /** muon rest energy [GeV] (PDG) */
    public static final double MUON_MASS_GEV = 0.1056583755;
    /** r = m_μ²/m_π² */
    public static final double R = MUON_MASS_GEV * MUON_MASS_GEV / (PION_MASS_GEV * PION_MASS_GEV);

    /** lower end of the validity of Kelner et al.'s F_e in x = E_e/E_p */
    public static final double MIN_X = 1e-3;

    private static final double MP = AntiprotonCrossSection.PROTON_MASS_GEV;
    /** ñ: pions of each charge per collision in the δ-functional form, from continuity at 1 TeV */
    public static final double PION_MULTIPLICITY = kelnerEnergyFraction(JOIN_TP_GEV + MP) / (K_PI * meanChainFraction());

    private LeptonCrossSection() {
    }

    /**
     * dσ/dT_e [mb/GeV] for positrons ({@code positron} = true) or electrons, projectile of mass number
     * {@code projectileA} (1 or 4) at kinetic energy per nucleon {@code projectileTnGeV} on a target of
     * mass number {@code targetA} (1 or 4), lepton kinetic energy {@code leptonTGeV}. Charge-symmetric
     * (see the class comment): the flag selects nothing yet.
     */
    public static double dSigmaDTMbPerGeV(boolean positron, int projectileA, int targetA, double projectileTnGeV,
            double leptonTGeV) {
        return nuclearFactor(projectileA, targetA) * ppDSigmaDTMbPerGeV(projectileTnGeV, leptonTGeV);
    }

    /** (A_P A_T)^0.8 for A ∈ {1, 4} */
    public static double nuclearFactor(int projectileA, int targetA) {
        return AntiprotonCrossSection.nuclearFactor(projectileA, targetA);
    }

    /** p–p → e± (one charge) dσ/dT_e [mb/GeV]; analytic form from 1 TeV, δ-functional pions below */
    public static double ppDSigmaDTMbPerGeV(double projectileTnGeV, double leptonTGeV) {
        if (!(leptonTGeV > 0) || !(projectileTnGeV > 0)) {
            return 0;
        }
        double eE = leptonTGeV + ELECTRON_MASS_GEV;
        double sigma = InelasticCrossSection.protonKelner2006Mb(projectileTnGeV);
        if (projectileTnGeV >= JOIN_TP_GEV) {
            double ep = projectileTnGeV + MP;
            return sigma * kelnerFe(eE / ep, ep) / ep;
        }
        double ePion = K_PI * projectileTnGeV;
        if (ePion <= PION_MASS_GEV) {
            return 0;
        }
        return sigma * PION_MULTIPLICITY * chainSpectrum(eE / ePion) / ePion;
    }

    /** Kelner et al. 2006 Eq. 62: F_e(x, E_p), E_p the total proton energy [GeV]; 0 outside 10⁻³ ≤ x &lt; 1 */
    public static double kelnerFe(double x, double protonEnergyGeV) {
        if (!(x >= MIN_X && x < 1)) {
            return 0;
        }
        double l = Math.log(protonEnergyGeV / 1000.0);
        double b = 1 / (69.5 + 2.65 * l + 0.3 * l * l);
        double beta = Math.pow(0.201 + 0.062 * l + 0.00042 * l * l, -0.25);
        double k = (0.279 + 0.141 * l + 0.0172 * l * l) / (0.3 + (2.3 + l) * (2.3 + l));
        double lx = Math.log(x);
        double a = 1 + k * lx * lx;
        return b * a * a * a * Math.pow(-lx, 5) / (x * (1 + 0.3 / Math.pow(x, beta)));
    }

    /** f_e(x): e± spectrum per pion decay chain, x = E_e/E_π (unpolarised muon; class comment) */
    public static double chainSpectrum(double x) {
        if (!(x > 0 && x < 1)) {
            return 0;
        }
        double x2 = x * x;
        double x3 = x2 * x;
        double value = x <= R
                ? (5.0 / 3) * Math.log(1 / R) - 1.5 * x2 * (1 / (R * R) - 1) + (4.0 / 9) * x3 * (1 / (R * R * R) - 1)
                : (5.0 / 3) * Math.log(1 / x) - 19.0 / 18 + 1.5 * x2 - (4.0 / 9) * x3;
        return value / (1 - R);
    }

    /** ⟨x⟩ of the chain spectrum, (1 + r)/2 · 7/20 */
    static double meanChainFraction() {
        return (1 + R) / 2 * 0.35;
    }

    /** ∫ x F_e(x, E_p) dx over 10⁻³ ≤ x &lt; 1: the fraction of E_p carried by one lepton charge */
    static double kelnerEnergyFraction(double protonEnergyGeV) {
        double sum = 0;
        double lo = Math.log(MIN_X);
        int panels = 40;
        double h = -lo / panels;
        for (int i = 0; i < panels; i++) {
            sum += Quadrature.panel(u -> {
                double x = Math.exp(u);
                return x * x * kelnerFe(x, protonEnergyGeV);
            }, lo + i * h, lo + (i + 1) * h);
        }
        return sum;
    }
}
