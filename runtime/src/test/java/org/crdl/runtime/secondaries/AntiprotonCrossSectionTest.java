package org.crdl.runtime.secondaries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AntiprotonCrossSectionTest {
    private static final double M = AntiprotonCrossSection.PROTON_MASS_GEV;

    /** ∫ dT f(T) on a log grid from 1e-4 GeV to tMax (midpoint rule in ln T, 2000 cells) */
    private static double integrateLog(java.util.function.DoubleUnaryOperator f, double tMax) {
        int n = 2000;
        double a = Math.log(1e-4);
        double b = Math.log(tMax);
        double h = (b - a) / n;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double t = Math.exp(a + (i + 0.5) * h);
            sum += t * f.applyAsDouble(t) * h;
        }
        return sum;
    }

    private static double tnFromPlab(double plabGeV) {
        return Math.sqrt(plabGeV * plabGeV + M * M) - M;
    }

    /**
     * NA49, p + p at p_lab = 158 GeV/c (√s = 17.3 GeV), the data di Mauro et al. 2014 fit: total
     * prompt p̄ multiplicity ⟨n_p̄⟩ = 0.0386 ± 0.0018 (Anticic et al. 2010, EPJC 65, 9; value
     * recalled, not re-read). ⟨n⟩ = σ(pp → p̄X)/σ_in = ∫ dT dσ_prompt/dT / σ_in. Measured: 0.0397.
     */
    @Test
    void promptMultiplicityMatchesNa49() {
        double tn = tnFromPlab(158);
        double s = AntiprotonCrossSection.mandelstamSGeV2(tn);
        assertEquals(17.27, Math.sqrt(s), 0.01);
        double sigma = integrateLog(t -> AntiprotonCrossSection.promptPpDSigmaDTMbPerGeV(tn, t), tn);
        double multiplicity = sigma / AntiprotonCrossSection.ppInelasticMb(s);
        assertEquals(0.0386, multiplicity, 0.15 * 0.0386);
    }

    /** PDG: σ_inel(pp) ≈ 31.5–32 mb at √s = 17.3 GeV (σ_tot 38.9 mb − σ_el 7.1 mb). */
    @Test
    void inelasticPpCrossSectionAtNa49Energy() {
        double s = AntiprotonCrossSection.mandelstamSGeV2(tnFromPlab(158));
        assertEquals(31.8, AntiprotonCrossSection.ppInelasticMb(s), 0.8);
    }

    /**
     * Lorentz invariance: the lab-frame spectrum integrated over T equals the centre-of-mass integral
     * ∫ (d³p_cm / E_cm) (E d³σ/dp³) = ∫ 2π p_T dp_T dp_L f / E_cm, done independently on a (p_T, p_L) grid.
     * Checks the boost and the angular quadrature of {@code promptPpDSigmaDTMbPerGeV}.
     */
    @Test
    void labSpectrumIntegratesToCentreOfMassCrossSection() {
        for (double tn : new double[] {12.0, 158.0, 3000.0}) {
            double s = AntiprotonCrossSection.mandelstamSGeV2(tn);
            double lab = integrateLog(t -> AntiprotonCrossSection.promptPpDSigmaDTMbPerGeV(tn, t), tn);
            double eMax = (s - 8 * M * M) / (2 * Math.sqrt(s));
            double pMax = Math.sqrt(eMax * eMax - M * M);
            int n = 800;
            double h = pMax / n;
            double cm = 0;
            for (int i = 0; i < n; i++) {
                double pt = (i + 0.5) * h;
                for (int j = 0; j < 2 * n; j++) {
                    double pl = -pMax + (j + 0.5) * h;
                    double e = Math.sqrt(M * M + pt * pt + pl * pl);
                    cm += 2 * Math.PI * pt / e * AntiprotonCrossSection.invariantPromptMbPerGeV2(s, e, pt) * h * h;
                }
            }
            assertEquals(cm, lab, 2e-3 * cm, "T_n = " + tn + " GeV");
        }
    }

    /**
     * Threshold: s = 16 m_p² ⇔ T_n = 6 m_p = 5.63 GeV; just above it the p̄ moves with the centre of
     * mass, γ_cm = (T_n + 2m)/√s = 2, i.e. T_p̄ = m_p. Nothing below threshold; nothing outside the
     * kinematic range.
     */
    @Test
    void zeroBelowThresholdAndOutsideKinematics() {
        assertEquals(6 * M, AntiprotonCrossSection.THRESHOLD_TN_GEV, 1e-12);
        for (int pa : new int[] {1, 4}) {
            for (int ta : new int[] {1, 4}) {
                assertEquals(0, AntiprotonCrossSection.dSigmaDTMbPerGeV(pa, ta, 5.0, M));
                assertEquals(0, AntiprotonCrossSection.dSigmaDTMbPerGeV(pa, ta, 6 * M * (1 - 1e-9), M));
                assertTrue(AntiprotonCrossSection.dSigmaDTMbPerGeV(pa, ta, 6 * M * 1.05, M) > 0);
            }
        }
        // 1.05 × threshold: p̄ far from T = m_p are kinematically forbidden
        assertEquals(0, AntiprotonCrossSection.dSigmaDTMbPerGeV(1, 1, 6 * M * 1.05, 0.05));
        assertEquals(0, AntiprotonCrossSection.dSigmaDTMbPerGeV(1, 1, 6 * M * 1.05, 3.0));
        assertEquals(0, AntiprotonCrossSection.dSigmaDTMbPerGeV(1, 1, 100, 100));
    }

    /** (A_P A_T)^0.8: p–He = He–p = 4^0.8 = 3.031 × p–p; He–He = 16^0.8 = 9.190 × p–p. */
    @Test
    void nuclearScaling() {
        double pp = AntiprotonCrossSection.dSigmaDTMbPerGeV(1, 1, 50, 3);
        assertTrue(pp > 0);
        assertEquals(3.0314, AntiprotonCrossSection.dSigmaDTMbPerGeV(1, 4, 50, 3) / pp, 1e-4);
        assertEquals(3.0314, AntiprotonCrossSection.dSigmaDTMbPerGeV(4, 1, 50, 3) / pp, 1e-4);
        assertEquals(9.1896, AntiprotonCrossSection.dSigmaDTMbPerGeV(4, 4, 50, 3) / pp, 1e-4);
        assertThrows(IllegalArgumentException.class, () -> AntiprotonCrossSection.dSigmaDTMbPerGeV(12, 1, 50, 3));
    }

    /**
     * Winkler 2017 factor at √s = 17.27 GeV (s = 298.3 GeV²), by hand: Δ_IS = 0.114/(1 + 0.01439^0.51)
     * = 0.1022; Δ_Λ = 0.81 (0.31 + 0.30/(1 + 71.46^0.9)) = 0.2562; 2 + Δ_IS + 2Δ_Λ = 2.615. At
     * √s → ∞: Δ_IS → 0, Δ_Λ → 0.81 · 0.61, factor → 2.988.
     */
    @Test
    void antineutronAndHyperonFactor() {
        double s = AntiprotonCrossSection.mandelstamSGeV2(tnFromPlab(158));
        assertEquals(2.615, AntiprotonCrossSection.antineutronHyperonFactor(s), 0.002);
        assertEquals(2.988, AntiprotonCrossSection.antineutronHyperonFactor(1e12), 0.003);
        double tn = 200;
        double ratio = AntiprotonCrossSection.dSigmaDTMbPerGeV(1, 1, tn, 5)
                / AntiprotonCrossSection.promptPpDSigmaDTMbPerGeV(tn, 5);
        assertEquals(AntiprotonCrossSection.antineutronHyperonFactor(AntiprotonCrossSection.mandelstamSGeV2(tn)), ratio, 1e-12);
    }

    /**
     * Tan &amp; Ng 1983 fits, evaluated by hand: σ_ann(1 GeV) = 661 (1 + 0.0115 − 0.948) = 41.97 mb;
     * σ_ann(10) = 661 (1 + 0.0115·0.1683 − 0.948·1.03538) = 13.48 mb; σ_ann(0.05) = 661 (1 + 0.0115·10.16
     * − 0.948·0.9558) = 139.3 mb; σ_ann(100) = 36/10 = 3.6 mb; σ_non-ann(1) = 24.7·2.44 − 41.97 = 18.30 mb;
     * σ_non-ann(100) = 32.2 (1 + 0.0273 ln(100.94/200)) = 31.60 mb.
     */
    @Test
    void tanAndNgValues() {
        assertEquals(41.97, AntiprotonCrossSection.annihilationMb(1), 0.02);
        assertEquals(13.48, AntiprotonCrossSection.annihilationMb(10), 0.02);
        assertEquals(139.3, AntiprotonCrossSection.annihilationMb(0.05), 0.2);
        assertEquals(139.3, AntiprotonCrossSection.annihilationMb(0.01), 0.2);
        assertEquals(3.6, AntiprotonCrossSection.annihilationMb(100), 1e-9);
        assertEquals(18.30, AntiprotonCrossSection.nonAnnihilatingMb(1), 0.02);
        assertEquals(31.60, AntiprotonCrossSection.nonAnnihilatingMb(100), 0.02);
        // the two non-annihilating branches join at 13.3 GeV (29.9 mb)
        assertEquals(AntiprotonCrossSection.nonAnnihilatingMb(13.2999), AntiprotonCrossSection.nonAnnihilatingMb(13.3001), 0.05);
    }

    /** Flat tertiary redistribution: ∫_0^T dσ/dT' dT' = σ_non-ann(T); nothing at T' ≥ T. */
    @Test
    void tertiaryRedistributionIsNormalised() {
        for (double t : new double[] {0.3, 5, 80}) {
            int n = 1000;
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += AntiprotonCrossSection.tertiaryDSigmaDTMbPerGeV(t, (i + 0.5) * t / n) * t / n;
            }
            assertEquals(AntiprotonCrossSection.nonAnnihilatingMb(t), sum, 1e-9 * sum);
            assertEquals(0, AntiprotonCrossSection.tertiaryDSigmaDTMbPerGeV(t, t));
            assertEquals(0, AntiprotonCrossSection.tertiaryDSigmaDTMbPerGeV(t, 2 * t));
        }
    }
}
