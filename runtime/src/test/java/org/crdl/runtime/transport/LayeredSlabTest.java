package org.crdl.runtime.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.crdl.runtime.network.BuiltInFragmentation;
import org.crdl.runtime.network.ContinuousLoss;
import org.crdl.runtime.network.Gas;
import org.crdl.runtime.network.Network;
import org.crdl.runtime.network.PartialCrossSections;
import org.crdl.runtime.particles.Kinematics;
import org.crdl.runtime.particles.Species;
import org.crdl.runtime.units.Constants;
import org.junit.jupiter.api.Test;

/** The kempski2022 two-phase model (digest §3) and the layered-slab identities. */
class LayeredSlabTest {
    static final double PC = Constants.PC;
    static final double KPC = Constants.KPC;
    static final double GV = Constants.GV;
    static final double ZW = 500 * PC;
    static final double TOP = 10 * KPC;
    static final double H = 200 * PC;
    static final double N_DISK = 1.25;
    static final double SIGMA = 61e-27;
    // hot ISM / halo (L326)
    static final double N_HOT = 0.003;
    static final double T_HOT = 3e6;
    static final double B_HOT = 1e-6;
    static final double KAPPA_TURB = 5e28; // ≈ the digest's re-implemented WIM κ_turb, 3–6e28 (§5.3)

    static final Network NET = Network.builder().species("p", "C", "B11")
            .partials(BuiltInFragmentation.constant(Map.of(new PartialCrossSections.Channel(6, 12, 5, 11), 61.0))).build();
    static final Source SOURCE = Source.builder().eventRate(1 / (100 * Constants.YR)).energyPerEvent(1e50)
            .diskRadius(10 * KPC).spectrum(InjectionSpectrum.powerLaw(4.3)).abundance("p", 1).abundance("C", 1e-3).build();

    static Layer wim() {
        return Layer.Diffusive.of("WIM", ZW, Diffusion.velocityScaled(Diffusion.constant(KAPPA_TURB)));
    }

    static Layer halo(double thickness) {
        return Layer.SelfConfinedNll.of("halo", thickness, N_HOT, T_HOT, B_HOT);
    }

    static LayeredSlab.Builder twoPhase() {
        return LayeredSlab.builder().fragmentsAtEqualRigidity(true).network(NET).disk(H, Gas.neutralHydrogen(N_DISK)).layer(wim()).layer(halo(TOP - ZW))
                .source(SOURCE);
    }

    static double[] rigidities(double lo, double hi, int perDecade) {
        int n = (int) Math.round(Math.log10(hi / lo) * perDecade) + 1;
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            r[i] = lo * Math.pow(10, i / (double) perDecade);
        }
        return r;
    }

    // ---------------------------------------------------------------- independent kempski2022 formulas

    static double vA() {
        return B_HOT / Math.sqrt(4 * Math.PI * N_HOT * Constants.M_P);
    }

    static double protonMomentum(double rGV) {
        return rGV * GV * Constants.Q_E / Constants.C;
    }

    static double speed(Species s, double rGV) {
        return Kinematics.betaFromRigidity(s, rGV * GV) * Constants.C;
    }

    /** eq. 11 (L112), v_th = √(k_B T/m_p), Ω₀ = eB/(m_p c) */
    static double xEq11(double rGV) {
        double p = protonMomentum(rGV);
        double vp = speed(Species.proton(), rGV);
        double omega0 = Constants.Q_E * B_HOT / (Constants.M_P * Constants.C);
        double vth = Math.sqrt(Constants.K_B * T_HOT / Constants.M_P);
        return vp * vp / (2 * Math.PI * Math.PI * omega0)
                * Math.sqrt(8 * vth * omega0 * B_HOT * B_HOT / (Constants.M_P * vA() * Math.pow(vp, 3) * Math.pow(p, 3)));
    }

    /** kempski Q(p) per side in f-units × cm/s */
    static double q(double rGV) {
        return SOURCE.phaseSpaceRatePerSide(Species.proton(), protonMomentum(rGV));
    }

    /** f (per d³p) from a density per GV: n = 4πp² (dp/dR) f */
    static double toF(double nPerGV, double rGV) {
        double p = protonMomentum(rGV);
        return nPerGV / GV / (4 * Math.PI * p * p * Constants.Q_E / Constants.C);
    }

    /** digest §2.2 derived-phase table: v_A = 39.8 km/s; §5.3 [re-impl]: X²/(Q v_A r) = 0.33 (10 GV), 6.5 (100 GV) */
    @Test
    void nllCoefficientMatchesDigest() {
        assertEquals(39.8e5, vA(), 0.05e5);
        assertEquals(0.33, xEq11(10) * xEq11(10) / (q(10) * vA() * TOP), 0.01);
        assertEquals(6.5, xEq11(100) * xEq11(100) / (q(100) * vA() * TOP), 0.1);
        Layer.SelfConfinedNll layer = (Layer.SelfConfinedNll) halo(TOP);
        for (double r : new double[] {1, 30, 1000}) {
            assertEquals(xEq11(r), layer.x(protonMomentum(r), speed(Species.proton(), r)), 1e-12 * xEq11(r));
        }
        assertEquals(vA(), layer.alfvenSpeed(), 1e-12 * vA());
    }

    /**
     * Eq. 14 (L126) for a self-confined halo from the disk to r with f(r) = 0, no losses; it must also
     * satisfy eq. 12 (checked by finite differences) and reach the limits Q/v_A (X² ≪ Q v_A r) and
     * r Q²/X² (X² ≫ Q v_A r) (L128).
     */
    @Test
    void nllHaloMatchesEq14() {
        LayeredSolution s = LayeredSlab.builder().fragmentsAtEqualRigidity(true).network(NET).disk(H, Gas.neutralHydrogen(N_DISK)).layer(halo(TOP))
                .source(SOURCE).losses(ContinuousLoss.NONE, LayeredSlab.LossTreatment.PAPER).build()
                .solve(new double[] {0.3, 3, 30, 300, 3e4});
        double[] r = s.rigiditiesGV();
        for (int i = 0; i < r.length; i++) {
            double x2 = xEq11(r[i]) * xEq11(r[i]);
            double qq = q(r[i]);
            double va = vA();
            for (double z : new double[] {0, 1 * KPC, 5 * KPC, 9 * KPC, 9.9 * KPC}) {
                double eq14 = qq / va + x2 / (va * va * (z - TOP - x2 / (qq * va)));
                double f = toF(s.densityAt("p", i, z), r[i]);
                assertEquals(eq14, f, 1e-9 * eq14, "R = " + r[i] + ", z = " + z / KPC);
                // eq. 12: v_A f + X (−∂f/∂z)^{1/2} = Q, finite differences
                double dz = 1e-4 * KPC;
                double grad = (toF(s.densityAt("p", i, z + dz), r[i]) - toF(s.densityAt("p", i, z), r[i])) / dz;
                double flux = va * f + Math.sqrt(x2) * Math.sqrt(-grad);
                assertEquals(qq, flux, 1e-4 * qq, "eq. 12 at R = " + r[i]);
            }
            double f0 = toF(s.density("p")[i], r[i]);
            double ratio = x2 / (qq * va * TOP);
            if (ratio < 0.01) {
                assertEquals(qq / va, f0, 2 * ratio * qq / va);
            } else if (ratio > 100) {
                assertEquals(TOP * qq * qq / x2, f0, 2 / ratio * TOP * qq * qq / x2);
            }
        }
    }

    /** digest §3.3 step 6 [derived]: B/C = (h/τ_spall)[z_W/κ_B + (1/v_A)(1 − (s₀/(r − z_W + s₀))^{v_p/v_B})]. */
    @Test
    void twoPhaseBoverCMatchesDerivedFormula() {
        LayeredSolution s = twoPhase().losses(ContinuousLoss.NONE, LayeredSlab.LossTreatment.PAPER).build()
                .solve(rigidities(1, 1e4, 4));
        double[] r = s.rigiditiesGV();
        double[] bc = s.ratio(List.of("B11"), List.of("C"));
        double[] wimPart = s.layerContribution("B11", 0);
        double[] haloPart = s.layerContribution("B11", 1);
        double[] c = s.density("C");
        Species b11 = Species.byName("B11").orElseThrow();
        Species carbon = Species.byName("C").orElseThrow();
        for (int i = 0; i < r.length; i++) {
            double hOverTau = H * N_DISK * SIGMA * speed(carbon, r[i]);
            double vp = speed(Species.proton(), r[i]);
            double vb = speed(b11, r[i]);
            double kappaB = vb / vp * KAPPA_TURB;
            double s0 = xEq11(r[i]) * xEq11(r[i]) / (q(r[i]) * vA());
            double wim = hOverTau * ZW / kappaB;
            double halo = hOverTau / vA() * (1 - Math.pow(s0 / (TOP - ZW + s0), vp / vb));
            assertEquals(wim + halo, bc[i], 1e-9 * bc[i], "R = " + r[i]);
            assertEquals(wim, wimPart[i] / c[i], 1e-9 * wim);
            assertEquals(halo, haloPart[i] / c[i], 1e-9 * halo);
        }
    }

    /**
     * Continuity of n and of the flux at z_W, and conservation: the flux escaping at the top equals
     * injection minus disk losses (protons: ionization; B: destruction), EXACT loss treatment.
     */
    @Test
    void continuityAndConservation() {
        LayeredSlab slab = twoPhase().losses(ContinuousLoss.KEMPSKI2022, LayeredSlab.LossTreatment.EXACT)
                .spallation(true, true).build();
        LayeredSolution s = slab.solve(new double[] {0.5, 5, 50, 500});
        double[] r = s.rigiditiesGV();
        Gas gas = Gas.neutralHydrogen(N_DISK);
        for (int i = 0; i < r.length; i++) {
            double eps = 1e-6 * ZW;
            double dz = 1e-4 * KPC;
            // protons: f, flux below (−κ ∂f) and above (v_A f + X √(−∂f))
            double fb = toF(s.densityAt("p", i, ZW - eps), r[i]);
            double fa = toF(s.densityAt("p", i, ZW + eps), r[i]);
            assertEquals(fb, fa, 1e-5 * fb, "continuity of f_p at R = " + r[i]);
            double kappa = KAPPA_TURB;
            double gb = (toF(s.densityAt("p", i, ZW - eps), r[i]) - toF(s.densityAt("p", i, ZW - eps - dz), r[i])) / dz;
            double ga = (toF(s.densityAt("p", i, ZW + eps + dz), r[i]) - toF(s.densityAt("p", i, ZW + eps), r[i])) / dz;
            double fluxBelow = -kappa * gb;
            double fluxAbove = vA() * fa + xEq11(r[i]) * Math.sqrt(-ga);
            assertEquals(fluxBelow, fluxAbove, 1e-4 * fluxBelow, "flux continuity at R = " + r[i]);
            // at the top
            // second-order one-sided difference at the top (the NLL profile curves on the scale s₀)
            double gt = (3 * toF(s.densityAt("p", i, TOP), r[i]) - 4 * toF(s.densityAt("p", i, TOP - dz), r[i])
                    + toF(s.densityAt("p", i, TOP - 2 * dz), r[i])) / (2 * dz);
            double fluxTop = xEq11(r[i]) * Math.sqrt(-gt);
            double qq = q(r[i]);
            double ek = Kinematics.ekPerNucleonFromRigidity(Species.proton(), r[i] * GV);
            double lossRate = H / ContinuousLoss.KEMPSKI2022.momentumLossTime(NET.nuclide(NET.indexOf("p")), ek, gas)
                    + H * NET.destructionRate(NET.indexOf("p"), ek, gas);
            double f0 = toF(s.density("p")[i], r[i]);
            assertEquals(qq - lossRate * f0, fluxTop, 2e-4 * qq, "escape = injection − losses, p at R = " + r[i]);
            // boron: flux at the top = production − destruction in the disk (in density-per-GV units)
            int ib = NET.indexOf("B11");
            int ic = NET.indexOf("C");
            double ekB = Kinematics.ekPerNucleonFromRigidity(NET.nuclide(ib).species(), r[i] * GV);
            double ekC = Kinematics.ekPerNucleonFromRigidity(NET.nuclide(ic).species(), r[i] * GV);
            double prod = H * N_DISK * SIGMA * NET.speed(ic, ekC) * s.density("C")[i];
            double destr = H * NET.destructionRate(ib, ekB, gas) * s.density("B11")[i];
            assertEquals(prod - destr, s.escapeFlux("B11")[i], 1e-9 * prod);
            double nbGrad = (3 * s.densityAt("B11", i, TOP) - 4 * s.densityAt("B11", i, TOP - dz)
                    + s.densityAt("B11", i, TOP - 2 * dz)) / (2 * dz);
            // B flux near the top: v_A n − κ_B ∂n, κ_B = (v_B/v_p) κ_p with κ_p = X (−∂f_p)^{-1/2}
            double kappaP = xEq11(r[i]) / Math.sqrt(-gt);
            double kappaB = speed(NET.nuclide(ib).species(), r[i]) / speed(Species.proton(), r[i]) * kappaP;
            double fluxB = vA() * s.densityAt("B11", i, TOP) - kappaB * nbGrad;
            assertEquals(prod - destr, fluxB, 2e-3 * prod, "B escape at R = " + r[i]);
        }
    }

    static double slope(double[] x, double[] y, int i, int j) {
        return Math.log(y[j] / y[i]) / Math.log(x[j] / x[i]);
    }

    /**
     * Qualitative results (digest §1 items 6–8, §3.5; L304, L328, L339–341), fiducial model with proton
     * losses (eq. 33 corrected): halo and WIM B/C contributions cross near 100 GV; a proton spectral
     * break (hardening) between 10² and 10³ GeV, steeper than injection above 10 GeV.
     */
    @Test
    void twoPhaseQualitativeResults() {
        LayeredSolution s = twoPhase().build().solve(rigidities(1, 1e4, 10));
        double[] r = s.rigiditiesGV();
        double[] wim = s.layerContribution("B11", 0);
        double[] halo = s.layerContribution("B11", 1);
        double cross = Double.NaN;
        for (int i = 0; i + 1 < r.length; i++) {
            if (halo[i] > wim[i] && halo[i + 1] <= wim[i + 1]) {
                cross = r[i];
            }
        }
        System.out.printf("layers: halo/WIM B/C crossing at R ≈ %.0f GV%n", cross);
        assertTrue(cross > 50 && cross < 200, "crossing at " + cross + " GV");
        double[] j = s.fluxLis("p");
        double[] e = s.ekGeVPerNucleon("p");
        double[] je = new double[e.length];
        int min = FlatHaloTest.index(e, 10);
        for (int i = 0; i < e.length; i++) {
            je[i] = j[i] * Math.pow(e[i], 2.7);
            if (e[i] > 10 && je[i] < je[min]) {
                min = i;
            }
        }
        double lowSlope = slope(e, j, FlatHaloTest.index(e, 20), FlatHaloTest.index(e, 60));
        double highSlope = slope(e, j, FlatHaloTest.index(e, 2000), FlatHaloTest.index(e, 6000));
        System.out.printf("layers: proton j E^2.7 minimum at %.0f GeV; slope %.2f (20–60 GeV), %.2f (2–6 TeV); j E^2.7 = %.3g at 20 GeV%n",
                e[min], lowSlope, highSlope, je[FlatHaloTest.index(e, 20)]);
        assertTrue(e[min] > 100 && e[min] < 1000, "break at " + e[min]);
        assertTrue(lowSlope < -2.75 && highSlope > -2.5, lowSlope + ", " + highSlope);
        assertTrue(lowSlope < -2.3 - 0.3, "steeper than the injection j ∝ E^−2.3");
        // AMS-02 level ~1e4 m⁻² s⁻¹ sr⁻¹ GeV^1.7 at 10–200 GeV (digest §3.3 step 1)
        assertTrue(je[FlatHaloTest.index(e, 20)] > 5e3 && je[FlatHaloTest.index(e, 20)] < 2e4);
    }

    /** L341: fast modes everywhere (κ_w below z_W, κ_h to 5 kpc): B/C nearly flat, f_p ∝ p^−γ_inj. */
    @Test
    void fastModesEverywhereGiveFlatBoverC() {
        LayeredSolution s = LayeredSlab.builder().fragmentsAtEqualRigidity(true).network(NET).disk(H, Gas.neutralHydrogen(N_DISK)).layer(wim())
                .layer(Layer.Diffusive.of("halo", 5 * KPC - ZW, Diffusion.velocityScaled(Diffusion.constant(5.5e28))))
                .source(SOURCE).build().solve(rigidities(10, 1000, 2));
        double[] bc = s.ratio(List.of("B11"), List.of("C"));
        double[] r = s.rigiditiesGV();
        assertEquals(1.0, bc[0] / bc[bc.length - 1], 0.02, "B/C(10 GV)/B/C(1 TV)");
        double[] fp = new double[r.length];
        for (int i = 0; i < r.length; i++) {
            fp[i] = toF(s.density("p")[i], r[i]);
        }
        assertEquals(-4.3, slope(r, fp, 0, r.length - 1), 0.02);
    }

    /** L128, L341: a self-confined halo alone gives f_p ∝ p^{3−2γ} = p^−5.6 at high energy — too steep. */
    @Test
    void selfConfinedHaloAloneIsTooSteep() {
        LayeredSolution s = LayeredSlab.builder().fragmentsAtEqualRigidity(true).network(NET).disk(H, Gas.neutralHydrogen(N_DISK)).layer(halo(TOP))
                .source(SOURCE).build().solve(new double[] {1e3, 3e3, 1e4, 3e4});
        double[] r = s.rigiditiesGV();
        double[] f = new double[r.length];
        for (int i = 0; i < r.length; i++) {
            f[i] = toF(s.density("p")[i], r[i]);
        }
        assertEquals(-5.6, slope(r, f, 2, 3), 0.05);
        double[] j = s.fluxLis("p");
        double[] e = s.ekGeVPerNucleon("p");
        assertTrue(slope(e, j, 0, 1) < -3.2, "intensity slope " + slope(e, j, 0, 1) + " vs observed ≈ −2.7");
    }

    /** The paper's loss factor (eq. 33 corrected) against the exact flux balance. */
    @Test
    void paperLossFactorAgreesWithExact() {
        double[] r = {0.3, 1, 3, 30, 300};
        LayeredSolution paper = twoPhase().losses(ContinuousLoss.KEMPSKI2022, LayeredSlab.LossTreatment.PAPER).build().solve(r);
        LayeredSolution exact = twoPhase().losses(ContinuousLoss.KEMPSKI2022, LayeredSlab.LossTreatment.EXACT).build().solve(r);
        double[] a = paper.density("p");
        double[] b = exact.density("p");
        StringBuilder sb = new StringBuilder("layers: f_p(0) PAPER/EXACT");
        for (int i = 0; i < r.length; i++) {
            sb.append(String.format(" %.4f@%sGV", a[i] / b[i], r[i]));
            assertEquals(1.0, a[i] / b[i], 2e-3, "R = " + r[i]); // measured ≤ 5e-4 (the halo is nearly linear where losses act)
        }
        System.out.println(sb);
        // losses matter only at low energy: h/(v_A τ) = 0.073 at 1 GeV/c (digest §5.2)
        LayeredSolution none = twoPhase().losses(ContinuousLoss.NONE, LayeredSlab.LossTreatment.PAPER).build().solve(r);
        assertTrue(none.density("p")[0] / b[0] > 2, "strong losses at 0.3 GV");
        assertEquals(1.0, none.density("p")[4] / b[4], 1e-3);
    }
}
