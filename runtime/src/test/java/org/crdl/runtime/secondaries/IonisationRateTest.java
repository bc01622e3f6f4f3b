package org.crdl.runtime.secondaries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.crdl.runtime.units.Constants;
import org.junit.jupiter.api.Test;

class IonisationRateTest {
    private static final double MP = AntiprotonCrossSection.PROTON_MASS_GEV;

    /**
     * hopkins2021 digest §7 ([FLAG] variant, i.e. the Bethe/Spitzer–Tomasko form): σ_p = 1.11e-17 (2 MeV),
     * 2.66e-18 (10 MeV), 3.7e-19 (100 MeV), 1.03e-19 cm² (1 GeV).
     */
    @Test
    void protonCrossSectionsMatchTheDigest() {
        assertEquals(1.11e-17, IonisationRate.crossSectionCm2(1, MP, 2e-3), 0.01e-17);
        assertEquals(2.66e-18, IonisationRate.crossSectionCm2(1, MP, 1e-2), 0.015e-18);
        assertEquals(3.7e-19, IonisationRate.crossSectionCm2(1, MP, 0.1), 0.05e-19);
        assertEquals(1.03e-19, IonisationRate.crossSectionCm2(1, MP, 1.0), 0.01e-19);
    }

    /**
     * Closed form: for J = K/σ(T) the integrand Jσ is constant, so ζ = 4π · 1.5 · K (T_high − T_low)
     * exactly; the table (40 nodes per decade) only approximates J by power laws between nodes.
     */
    @Test
    void closedFormForIntensityInverseToTheCrossSection() {
        double k = 1e-3;
        double[] t = SecondarySourceTest.logGrid(1e-3, 1e5, 40);
        double[] j = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            j[i] = k / IonisationRate.crossSectionCm2(1, MP, t[i]);
        }
        IonisationRate.Result r = IonisationRate.perHydrogenAtom(List.of(new IonisationRate.Population("p", 1, MP, t, j)));
        assertEquals(4 * Math.PI * 1.5 * k * (1e4 - 2e-3), r.perHydrogenAtom(), 1e-4 * r.perHydrogenAtom());
        assertEquals(2e-3, r.lowestGeVPerNucleon(), 1e-12);
        assertEquals(1e4, r.highestGeVPerNucleon(), 1e-8);
    }

    /** Equal velocity, charge Z: σ ∝ Z², so an alpha particle at the same T/n ionises 4 times as much. */
    @Test
    void nucleiScaleWithChargeSquared() {
        double mHe = 4 * Constants.M_U * Constants.C * Constants.C / Constants.GEV / 4;
        for (double t : new double[] {0.005, 0.3, 30}) {
            assertEquals(4.0, IonisationRate.crossSectionCm2(2, mHe, t) / IonisationRate.crossSectionCm2(1, mHe, t), 1e-12);
        }
        // electrons at the same velocity as a 10 MeV proton: same σ
        double gamma = 1 + 0.01 / MP;
        double me = LeptonCrossSection.ELECTRON_MASS_GEV;
        assertEquals(IonisationRate.crossSectionCm2(1, MP, 0.01), IonisationRate.crossSectionCm2(1, me, (gamma - 1) * me), 1e-30);
    }

    /**
     * The local interstellar spectrum: protons from the Vos &amp; Potgieter (2015, ApJ 815, 119) LIS,
     * J = 2.70 T^1.12 β⁻² ((T + 0.67)/1.67)^−3.93 m⁻² s⁻¹ sr⁻¹ MeV⁻¹ (T in GeV; formula recalled), and
     * alphas at 0.1 of it per nucleon. Cummings et al. (2016, ApJ 831, 18) derive ζ_H = 1.51–1.64e-17 s⁻¹
     * from the Voyager 1 spectra (nuclei and electrons); hopkins2021 quotes ~1e-17 for the diffuse LISM.
     * Measured here: 1.2e-17 s⁻¹ (protons 8.7e-18). Within a factor 2 of Cummings.
     */
    @Test
    void localInterstellarSpectrumGivesTheObservedRate() {
        double[] t = SecondarySourceTest.logGrid(1e-3, 1e4, 40);
        double[] jp = new double[t.length];
        double[] ja = new double[t.length];
        double mHe = Constants.M_U * Constants.C * Constants.C / Constants.GEV;
        for (int i = 0; i < t.length; i++) {
            double g = 1 + t[i] / MP;
            double b2 = 1 - 1 / (g * g);
            jp[i] = 2.70 * Math.pow(t[i], 1.12) / b2 * Math.pow((t[i] + 0.67) / 1.67, -3.93) * 1e3 * 1e-4;
            ja[i] = 0.1 * jp[i];
        }
        double zeta = IonisationRate.perHydrogenAtom(List.of(new IonisationRate.Population("p", 1, MP, t, jp),
                new IonisationRate.Population("He", 2, mHe, t, ja))).perHydrogenAtom();
        assertTrue(zeta > 1.55e-17 / 2 && zeta < 1.55e-17 * 2, "zeta = " + zeta);
    }

    /** A table above 2 MeV/n is integrated from its first node (a lower bound), reported as such. */
    @Test
    void reportsTheCoveredRange() {
        double[] t = SecondarySourceTest.logGrid(0.01, 100, 10);
        double[] j = new double[t.length];
        java.util.Arrays.fill(j, 1.0);
        IonisationRate.Result r = IonisationRate.perHydrogenAtom(List.of(new IonisationRate.Population("p", 1, MP, t, j)));
        assertEquals(0.01, r.lowestGeVPerNucleon(), 1e-12);
        assertEquals(100, r.highestGeVPerNucleon(), 1e-9);
        assertEquals(0, IonisationRate.perHydrogenAtom(List.of()).perHydrogenAtom());
    }
}
