package org.crdl.runtime.leptons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.crdl.runtime.network.Gas;
import org.crdl.runtime.units.Constants;
import org.junit.jupiter.api.Test;

/**
 * Each lepton loss against its closed form and the hopkins2021 digest checkpoints (§3.2 and §8.4, L1–L3; the
 * digest's [D] loss times are computed from the paper's formulas with CODATA constants, not from this code).
 */
class LeptonLossesTest {
    private static final double EV = Constants.EV;
    private static final double GEV = Constants.GEV;
    private static final double MEC2 = Constants.M_E * Constants.C * Constants.C;
    private static final double UG = 1e-6;
    private static final LeptonLosses.HaloWeight ONE = LeptonLosses.HaloWeight.constant(1);

    private static double myr(double tErg, double rate) {
        return tErg / Math.abs(rate) / Constants.MYR;
    }

    /** a field without photons */
    private static RadiationField onlyB(double b) {
        return new RadiationField(b, List.of());
    }

    @Test
    void synchrotronIsFourThirdsSigmaTcGammaSquaredUB() {
        LeptonLosses l = new LeptonLosses(onlyB(3 * UG), ONE);
        for (double tGeV : new double[] {1, 10, 1000}) {
            double g = 1 + tGeV * GEV / MEC2;
            double b2 = 1 - 1 / (g * g);
            double uB = Math.pow(3 * UG, 2) / (8 * Math.PI);
            double expected = -4.0 / 3 * 6.6524587321e-25 * 2.99792458e10 * b2 * g * g * uB;
            assertEquals(expected, l.synchrotron(tGeV * GEV), 1e-12 * Math.abs(expected));
        }
        // ∝ γ² in the relativistic limit
        assertEquals(4.0, l.synchrotron(2000 * GEV) / l.synchrotron(1000 * GEV), 1e-5);
        // u_B = 0.0248 eV cm⁻³ at 1 µG (digest (h), L1546–1549)
        assertEquals(0.0248, onlyB(UG).magneticEnergyDensity() / EV, 1e-4);
    }

    /** Digest L1: t = 1.04 Myr at T = 100 GeV for u_B + u_rad = 3 eV cm⁻³ (paper L1535–1536) in the Thomson regime. */
    @Test
    void thomsonLossTimeCheckpointL1() {
        double uB = 1 * EV;
        double b = Math.sqrt(8 * Math.PI * uB);
        // a cold grey body: γ_K ~ 6e8 ≫ γ(100 GeV) = 2e5, so the KN factor is 1 − 1e-7
        RadiationField f = new RadiationField(b, List.of(new RadiationField.GreyBody("cold", 2 * EV, 2.7255)));
        LeptonLosses l = new LeptonLosses(f, ONE);
        double t = 100 * GEV;
        assertEquals(1.04, myr(t, l.synchrotron(t) + l.inverseCompton(t)), 0.01);
        assertEquals(l.inverseComptonThomson(t), l.inverseCompton(t), 1e-6 * Math.abs(l.inverseCompton(t)));
        assertEquals(10.4, myr(10 * GEV, l.synchrotron(10 * GEV) + l.inverseCompton(10 * GEV)), 0.1);
    }

    /** Klein–Nishina: γ_K = 3√5 m_ec²/(8π kT); far above γ_K the IC loss rate is (4/3)σ_T c u γ_K², independent of γ. */
    @Test
    void kleinNishinaSuppression() {
        RadiationField.GreyBody star = new RadiationField.GreyBody("starlight", 0.54 * EV, 4000);
        double kT = Constants.K_B * 4000;
        assertEquals(3 * Math.sqrt(5) / (8 * Math.PI) * MEC2 / kT, star.kleinNishinaGamma(), 1e-9 * star.kleinNishinaGamma());
        assertEquals(0.2669, 3 * Math.sqrt(5) / (8 * Math.PI), 1e-4);
        LeptonLosses l = new LeptonLosses(new RadiationField(0, List.of(star)), ONE);
        double gk = star.kleinNishinaGamma();
        double deep = -4.0 / 3 * Constants.SIGMA_T * Constants.C * 0.54 * EV * gk * gk;
        double t = 1e4 * gk * MEC2;
        assertEquals(deep, l.inverseCompton(t), 1e-4 * Math.abs(deep));
        // at γ = γ_K exactly half of the Thomson rate
        double tk = (gk - 1) * MEC2;
        assertEquals(0.5, l.inverseCompton(tk) / l.inverseComptonThomson(tk), 1e-12);
        // the solar-neighbourhood field: CMB a T⁴ = 0.260 eV cm⁻³, total 1.11 eV cm⁻³, B = 5.99 µG (Draine 2011 Table 1.5)
        RadiationField sn = RadiationField.solarNeighbourhood();
        assertEquals(0.2606, RadiationField.cmb().energyDensity() / EV, 5e-4);
        assertEquals(1.11, sn.radiationEnergyDensity() / EV, 0.01);
        assertEquals(5.99, sn.magneticField() / UG, 0.01);
    }

    /** Digest L2: bremsstrahlung on ionised H (n = 1, Z(Z+1) = 2) at 1 GeV: 28.7 Myr; 67 Myr at 10 MeV (digest (e)). */
    @Test
    void bremsstrahlungCheckpointL2() {
        Gas ionised = new Gas(1, 0, 1);
        assertEquals(28.7, myr(GEV, LeptonLosses.bremsstrahlung(GEV, ionised)), 0.2);
        assertEquals(18, myr(100 * GEV, LeptonLosses.bremsstrahlung(100 * GEV, ionised)), 0.5);
        // neutral H, complete screening: t = X₀/(ρ c) = 63.04 g cm⁻²/(m_p c) = 39.9 Myr, independent of E
        Gas neutral = new Gas(1, 0, 0);
        double expected = 63.04 / (Constants.M_P * Constants.C) / Constants.MYR;
        assertEquals(expected, myr(100 * GEV, LeptonLosses.bremsstrahlung(100 * GEV, neutral)), 1e-3 * expected);
        assertEquals(39.9, expected, 0.1);
    }

    /** Digest L3: ionisation at 1 GeV, n_HI = 1: 96 Myr, Ė = 3.3×10⁻⁷ eV s⁻¹; 1.5 Myr at 10 MeV, 11.5 Myr at 100 MeV. */
    @Test
    void ionisationCheckpointL3() {
        Gas neutral = new Gas(1, 0, 0);
        assertEquals(96, myr(GEV, LeptonLosses.ionisation(GEV, neutral)), 1);
        assertEquals(3.3e-7, -LeptonLosses.ionisation(GEV, neutral) / EV, 0.05e-7);
        assertEquals(11.5, myr(0.1 * GEV, LeptonLosses.ionisation(0.1 * GEV, neutral)), 0.2);
        assertEquals(0, Math.abs(LeptonLosses.ionisation(GEV, new Gas(1, 0, 1))));
    }

    /** Digest (g): Coulomb at n_e = 1: 1.1, 10.2, 99 Myr at 10 MeV, 100 MeV, 1 GeV; ħω_pl = 3.7e-11 eV. */
    @Test
    void coulombDigestValues() {
        Gas ionised = new Gas(1, 0, 1);
        assertEquals(99, myr(GEV, LeptonLosses.coulomb(GEV, ionised)), 1);
        assertEquals(10.2, myr(0.1 * GEV, LeptonLosses.coulomb(0.1 * GEV, ionised)), 0.2);
        // the digest's 1.1 Myr at 10 MeV is E/|Ė| with the total energy E = T + m_ec² (T/|Ė| = 1.05 Myr)
        assertEquals(1.1, myr(0.01 * GEV + MEC2, LeptonLosses.coulomb(0.01 * GEV, ionised)), 0.01);
        double omega = Math.sqrt(4 * Math.PI * Constants.Q_E * Constants.Q_E / Constants.M_E);
        assertEquals(3.7e-11, LeptonLosses.HBAR * omega / EV, 0.05e-11);
        assertEquals(0, Math.abs(LeptonLosses.coulomb(GEV, new Gas(1, 0, 0))));
    }

    /** Digest (i), Dirac form with the (γ+1)⁻¹ prefactor: 6.7e-26 cm² at γ = 10; 5.2, 16, 95 Myr at γ = 2, 10, 100. */
    @Test
    void positronAnnihilation() {
        assertEquals(6.7e-26, Annihilation.diracCm2(10), 0.05e-26);
        Gas gas = new Gas(1, 0, 1);
        for (double[] gt : new double[][] {{2, 5.2}, {10, 16}, {100, 95}}) {
            double t = (gt[0] - 1) * MEC2;
            double myr = 1 / Annihilation.positronRate(t, gas) / Constants.MYR;
            assertEquals(gt[1], myr, 0.03 * gt[1]);
        }
    }

    @Test
    void radiativeWeightMultipliesOnlySynchrotronAndIc() {
        Gas gas = new Gas(1, 0.1, 0.5);
        RadiationField f = RadiationField.solarNeighbourhood();
        double t = 10 * GEV;
        LeptonLosses one = new LeptonLosses(f, ONE);
        LeptonLosses twenty = new LeptonLosses(f, LeptonLosses.HaloWeight.constant(20));
        double gasPart = LeptonLosses.bremsstrahlung(t, gas) + LeptonLosses.ionisation(t, gas) + LeptonLosses.coulomb(t, gas);
        double rad = one.synchrotron(t) + one.inverseCompton(t);
        assertEquals(gasPart + 20 * rad, twenty.total(t, gas), 1e-12 * Math.abs(twenty.total(t, gas)));
        assertTrue(rad < 0 && gasPart < 0);
    }

    /** ∫₀^H sinh(b(H−z))/sinh(bH) dz / h: H/2h for a long cooling length, ℓ = √(D t_loss) over h for a short one */
    @Test
    void flatHaloWeightLimits() {
        double h = 100 * Constants.PC;
        double bigH = 4 * Constants.KPC;
        double d = 3e28;
        LeptonLosses.HaloWeight w = LeptonLosses.HaloWeight.flatHalo(bigH, h, t -> d);
        assertEquals(20, w.at(GEV, 1e30), 1e-6);
        double tl = 1e13;  // ℓ = √(3e41) cm = 0.18 kpc ≪ H
        assertEquals(Math.sqrt(d * tl) / h, w.at(GEV, tl), 1e-9 * Math.sqrt(d * tl) / h);
        // in between, the closed form tanh(bH/2)/(bh) against a midpoint sum of the profile
        double tmid = bigH * bigH / d;
        double b = 1 / Math.sqrt(d * tmid);
        double sum = 0;
        int n = 100000;
        for (int i = 0; i < n; i++) {
            double z = (i + 0.5) * bigH / n;
            sum += Math.sinh(b * (bigH - z)) / Math.sinh(b * bigH) * bigH / n;
        }
        assertEquals(sum / h, w.at(GEV, tmid), 1e-6 * sum / h);
    }
}
