package org.crdl.runtime.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;
import org.crdl.runtime.network.BuiltInFragmentation;
import org.crdl.runtime.network.ContinuousLoss;
import org.crdl.runtime.network.Gas;
import org.crdl.runtime.network.HeliumScaling;
import org.crdl.runtime.network.Network;
import org.crdl.runtime.network.Nuclide;
import org.crdl.runtime.network.NuclideTable;
import org.crdl.runtime.network.PartialCrossSections;
import org.crdl.runtime.particles.Kinematics;
import org.crdl.runtime.particles.Species;
import org.crdl.runtime.units.Constants;
import org.junit.jupiter.api.Test;

/** Flat halo against the hopkins2021 digest §6.3 reference model and its identities. */
class FlatHaloTest {
    static final double PC = Constants.PC;
    static final double KPC = Constants.KPC;
    static final double MB = 1e-27;
    static final double GEV = 1e9 * Constants.EV;

    /** 1 SN per century × 1e50 erg over π(10 kpc)², R^−4.3, abundances of the network's primaries */
    static Source source(Network net) {
        Source.Builder b = Source.builder().eventRate(1 / (100 * Constants.YR)).energyPerEvent(1e50).diskRadius(10 * KPC)
                .spectrum(InjectionSpectrum.powerLaw(4.3));
        Map<String, Double> abundance = Map.of("p", 1.0, "He", 0.07, "C", 3e-3, "N", 4e-4, "O", 4e-3);
        abundance.forEach((s, a) -> {
            if (net.contains(s)) {
                b.abundance(s, a);
            }
        });
        return b.build();
    }

    static FlatHalo.Builder base(Network net, Diffusion d) {
        return FlatHalo.builder().network(net).haloHalfHeight(4 * KPC).disk(100 * PC, new Gas(1.0, 0.1, 0.0))
                .diffusion(d).source(source(net));
    }

    private static double rigidityGV(Nuclide n, double ekErg) {
        return Kinematics.rigidityFromEkPerNucleon(n.species(), ekErg) / Constants.GV;
    }

    /**
     * Digest §6.3: N₀ = (Q + Σ n v σ_{j→i} N_j)/(D/(hH) + n v σ_i) for stable species; for ¹⁰Be
     * D/H → (D/ℓ) coth(H/ℓ), ℓ = √(Dγτ). No losses, reacceleration or wind: equal to 1e-4.
     */
    @Test
    void numericalEqualsAnalyticWithoutLosses() {
        Network net = Network.builtIn("O", "N", "C", "B11", "Be10", "Be9", "Li7");
        Diffusion d = Diffusion.betaPowerLaw(3e28, 0.45);
        Gas gas = new Gas(1.0, 0.1, 0.0);
        double h = 100 * PC;
        double hh = 4 * KPC;
        FlatHalo fh = base(net, d).losses(ContinuousLoss.NONE).build();
        EnergyGrid grid = EnergyGrid.perDecade(0.01, 1e4, 8);
        TransportSolution sol = fh.solve(grid);
        Source src = source(net);
        double[][] analytic = new double[net.size()][grid.size()];
        double worst = 0;
        for (int i = 0; i < net.size(); i++) {
            Nuclide nu = net.nuclide(i);
            for (int k = 0; k < grid.size(); k++) {
                double e = grid.ekErg(k);
                double gamma = 1 + e * nu.a() / (nu.species().mass() * Constants.C * Constants.C);
                double v = Constants.C * Math.sqrt(1 - 1 / (gamma * gamma));
                double dd = d.coefficient(nu.species(), rigidityGV(nu, e));
                double num = src.ratePerEnergy(nu.species(), e) / (2 * h);
                for (Network.Production pr : net.productionsInto(i)) {
                    Nuclide par = net.nuclide(pr.parent());
                    double sig = net.partialHydrogenMb(pr, e / GEV) * MB * (1 + 0.1 * HeliumScaling.GEOMETRIC.factor(par.a()));
                    num += gas.hydrogenDensity() * v * sig * analytic[pr.parent()][k];
                }
                double escape = dd / (h * hh);
                if (!nu.isStable()) {
                    double ell = Math.sqrt(dd * gamma * nu.meanLife());
                    escape = dd / (h * ell) / Math.tanh(hh / ell);
                }
                double sigma = net.inelasticHydrogenMb(i, e / GEV) * MB * (1 + 0.1 * HeliumScaling.GEOMETRIC.factor(nu.a()));
                analytic[i][k] = num / (escape + gas.hydrogenDensity() * v * sigma);
            }
            double[] got = sol.density(nu.name());
            for (int k = 0; k < grid.size(); k++) {
                assertEquals(analytic[i][k], got[k], 1e-4 * analytic[i][k], nu.name() + " at " + grid.ekGeV(k) + " GeV/n");
                worst = Math.max(worst, Math.abs(got[k] / analytic[i][k] - 1));
            }
        }
        System.out.printf("flat_halo vs digest §6.3 analytic: max relative difference %.1e%n", worst);
    }

    /**
     * ¹⁰B fed by ¹⁰Be decaying in the halo: with equal D for parent and daughter the feed is
     * Γ_p/(Γ_p − Γ_d)(k_p − k_d) N_p (derived in the FlatHalo Javadoc), with and without wind;
     * the solver's adjoint-quadrature route must agree.
     */
    @Test
    void decayFeedMatchesClosedForm() {
        Network net = Network.builtIn("C", "Be10", "B10");
        double worst = 0;
        for (double wind : new double[] {0, 20e5}) {
            FlatHalo fh = base(net, Diffusion.constant(3e28)).losses(ContinuousLoss.NONE).spallation(false, true)
                    .convection(wind).adiabaticLosses(false).build();
            EnergyGrid grid = EnergyGrid.perDecade(0.03, 300, 4);
            TransportSolution sol = fh.solve(grid);
            double[] be = sol.density("Be10");
            double[] b = sol.density("B10");
            double[] c = sol.density("C");
            Nuclide be10 = net.nuclide(net.indexOf("Be10"));
            double h = 100 * PC;
            double hh = 4 * KPC;
            Gas gas = new Gas(1.0, 0.1, 0.0);
            for (int k = 0; k < grid.size(); k++) {
                double e = grid.ekErg(k);
                double gamma = 1 + e * 10 / (be10.species().mass() * Constants.C * Constants.C);
                double v = Constants.C * Math.sqrt(1 - 1 / (gamma * gamma));
                double gRad = Math.log(2) / (gamma * be10.halfLife());
                double kp = escape(3e28, wind, gRad, hh);
                double kd = escape(3e28, wind, 0, hh);
                double prod = gas.hydrogenDensity() * v * 18.1 * MB * (1 + 0.1 * HeliumScaling.GEOMETRIC.factor(12)) * c[k];
                double expected = (prod + (kp - kd) * be[k] / (2 * h)) / (kd / (2 * h));
                assertEquals(expected, b[k], 1e-7 * expected, "wind " + wind + ", E = " + grid.ekGeV(k));
                worst = Math.max(worst, Math.abs(b[k] / expected - 1));
            }
        }
        System.out.printf("flat_halo decay feed (adjoint quadrature) vs closed form: max relative difference %.1e%n", worst);
    }

    /** k = V + D S coth(SH/2), S = √(V²/D² + 4Γ/D), written out independently. */
    private static double escape(double d, double wind, double gRad, double hh) {
        double s = Math.sqrt(wind * wind / (d * d) + 4 * gRad / d);
        if (s == 0) {
            return 2 * d / hh;
        }
        return wind + d * s / Math.tanh(s * hh / 2);
    }

    /** Digest §6.3 / checkpoint A7: X = (9/2) μ H ν̄₀ R^−δ / c, independent of β and species; X ∝ H/D. */
    @Test
    void grammageIdentities() {
        Network net = Network.builtIn("C", "Be10", "B11", "He", "p");
        double nu0 = 1e-9;
        double delta = 0.5;
        FlatHalo fh = FlatHalo.builder().network(net).haloHalfHeight(7 * KPC).disk(100 * PC, new Gas(1.0, 0.1, 0.0))
                .diffusion(Diffusion.fromScatteringRate(nu0, delta)).source(source(net)).build();
        double mu = fh.surfaceDensity();
        assertEquals(1.45e-3, mu, 0.01 * 1.45e-3); // μ = 2 h n_H (m_p + 0.4 m_u) ≈ 1.4 m_p per H
        for (String s : List.of("p", "He", "C", "Be10", "B11")) {
            for (double r : new double[] {0.2, 1, 3, 10, 100, 1000}) {
                double expected = 4.5 * mu * 7 * KPC * nu0 / Constants.C * Math.pow(r, -delta);
                assertEquals(expected, fh.grammage(s, r), 1e-10 * expected, s + " at " + r + " GV");
            }
        }
        // digest table (C-like, A/Z = 2): X = 4.7, 2.7, 1.5, 0.85, 0.47 g/cm²; H²/2D = 156, 50, 24, 13.5, 7.4 Myr
        double[] r = {1, 3, 10, 30, 100};
        double[] x = {4.7, 2.7, 1.5, 0.85, 0.47};
        double[] t = {156, 50, 24, 13.5, 7.4};
        for (int i = 0; i < r.length; i++) {
            assertEquals(x[i], fh.grammage("C", r[i]), 0.03 * x[i]);
            assertEquals(t[i], fh.residenceTimeMyr("C", r[i]), 0.03 * t[i]);
        }
        // X ∝ H/D
        FlatHalo twiceH = FlatHalo.builder().network(net).haloHalfHeight(14 * KPC).disk(100 * PC, new Gas(1.0, 0.1, 0.0))
                .diffusion(Diffusion.fromScatteringRate(nu0, delta)).source(source(net)).build();
        FlatHalo twiceD = FlatHalo.builder().network(net).haloHalfHeight(7 * KPC).disk(100 * PC, new Gas(1.0, 0.1, 0.0))
                .diffusion(Diffusion.fromScatteringRate(nu0, delta).times(2)).source(source(net)).build();
        assertEquals(2.0, twiceH.grammage("C", 5) / fh.grammage("C", 5), 1e-12);
        assertEquals(0.5, twiceD.grammage("C", 5) / fh.grammage("C", 5), 1e-12);
        // escape time hH/D
        double dd = Diffusion.fromScatteringRate(nu0, delta).coefficient(Species.byName("C").orElseThrow(), 5);
        assertEquals(100 * PC * 7 * KPC / dd / Constants.MYR, fh.escapeTimeMyr("C", 5), 1e-9 * fh.escapeTimeMyr("C", 5));
    }

    /** Digest §6.3 optional extension: with a wind V, D/H → V/(1 − e^{−VH/D}); V → 0 recovers D/H. */
    @Test
    void convectionEscape() {
        Network net = Network.builtIn("C");
        Diffusion d = Diffusion.betaPowerLaw(3e28, 0.5);
        double v = 15e5;
        FlatHalo fh = base(net, d).convection(v).build();
        FlatHalo slow = base(net, d).convection(1e-3).build();
        FlatHalo none = base(net, d).build();
        Species c = Species.byName("C").orElseThrow();
        for (double r : new double[] {0.5, 2, 20, 500}) {
            double dd = d.coefficient(c, r);
            double vel = Kinematics.betaFromRigidity(c, r * Constants.GV) * Constants.C;
            double expected = fh.surfaceDensity() * vel * -Math.expm1(-v * 4 * KPC / dd) / (2 * v);
            assertEquals(expected, fh.grammage("C", r), 1e-9 * expected);
            assertEquals(none.grammage("C", r), slow.grammage("C", r), 1e-6 * none.grammage("C", r));
            // residence time H²/2D without wind
            assertEquals(16 * KPC * KPC / (2 * dd) / Constants.MYR, none.residenceTimeMyr("C", r), 1e-9 * none.residenceTimeMyr("C", r));
        }
    }

    /** hopkins2021 L1246 / digest §6.3: ψ_obs = ψ_inj + δ − 2 (I ∝ E^−ψ_obs) at high energy, full physics. */
    @Test
    void highEnergySlope() {
        Network net = Network.builtIn("He", "p");
        for (double delta : new double[] {0.33, 0.5}) {
            FlatHalo fh = base(net, Diffusion.betaPowerLaw(3e28, delta)).reacceleration(30e5, FlatHalo.REACCELERATION_ISOTROPIC)
                    .build();
            EnergyGrid grid = EnergyGrid.perDecade(1e-2, 1e6, 10);
            TransportSolution s = fh.solve(grid);
            double[] f = s.fluxLis("p");
            double[] e = s.ekGeVPerNucleon();
            int k1 = index(e, 1e4);
            int k2 = index(e, 1e5);
            double slope = Math.log(f[k2] / f[k1]) / Math.log(e[k2] / e[k1]);
            assertEquals(-(4.3 + delta - 2), slope, 0.005, "δ = " + delta);
        }
    }

    static int index(double[] e, double x) {
        int best = 0;
        for (int k = 0; k < e.length; k++) {
            if (Math.abs(Math.log(e[k] / x)) < Math.abs(Math.log(e[best] / x))) {
                best = k;
            }
        }
        return best;
    }

    /**
     * Digest §6.3 ¹⁰Be suppression (ℓ_d/H) tanh(H/ℓ_d), ℓ_d = √(Dγτ): exact with a test nucleus "X10"
     * (Z = 5, A = 10, t_1/2 = 1.51 Myr), including the limits ℓ/H for H ≫ ℓ and 1 for H ≪ ℓ.
     */
    @Test
    void be10SuppressionFormulaAndLimits() {
        Species x10 = Species.nucleus("X10", 5, 10);
        NuclideTable table = NuclideTable.builtIn()
                .with(Nuclide.radioactive(x10, NuclideTable.BE10_HALF_LIFE_HOPKINS2021_MYR * Constants.MYR, "C"));
        PartialCrossSections xs = BuiltInFragmentation.constant(Map.of(new PartialCrossSections.Channel(8, 16, 5, 10), 10.0));
        Network net = Network.builder().table(table).species("O", "X10").partials(xs).build();
        Diffusion d = Diffusion.fromScatteringRate(1e-9, 0.5);
        double hh = 7 * KPC;
        for (double r : new double[] {0.2, 1, 10, 100, 1e5}) {
            double supp = suppression(net, "X10", d, r, hh);
            double dd = d.coefficient(x10, r);
            double e = Kinematics.ekPerNucleonFromRigidity(x10, r * Constants.GV);
            double gamma = 1 + e * 10 / (x10.mass() * Constants.C * Constants.C);
            double ell = Math.sqrt(dd * gamma * 2.178 * Constants.MYR);
            assertEquals(ell / hh * Math.tanh(hh / ell), supp, 1e-3 * supp, "R = " + r);
            if (r < 1) {
                assertEquals(ell / hh, supp, 0.01 * supp); // H ≫ ℓ
            } else if (r > 1e4) {
                assertEquals(1.0, supp, 2e-3); // H ≪ ℓ
            }
        }
    }

    /**
     * Digest §6.3 table: suppression 0.087, 0.19, 0.44, 0.77, 0.95 at 1, 3, 10, 30, 100 GV (H = 7 kpc,
     * ν̄₀ = 1e-9, δ = 0.5, τ = 2.178 Myr). The digest's script takes D at A/Z = 2 (its "C-like" D column)
     * and γ of ¹⁰Be at the same R; with a consistent A/Z = 2 we get 0.089, 0.203, 0.482, 0.804, 0.960,
     * with ¹⁰Be's own A/Z = 2.5 throughout 0.080, 0.181, 0.437, 0.768, 0.950. Reproduced here with ¹⁰Be and
     * carbon's D(R).
     */
    @Test
    void be10SuppressionMatchesDigestTable() {
        NuclideTable table = NuclideTable.builtIn().withHalfLife("Be10", NuclideTable.BE10_HALF_LIFE_HOPKINS2021_MYR * Constants.MYR);
        PartialCrossSections xs = BuiltInFragmentation.constant(Map.of(new PartialCrossSections.Channel(8, 16, 4, 10), 10.0));
        Network net = Network.builder().table(table).species("O", "Be10").partials(xs).build();
        Species carbon = Species.byName("C").orElseThrow();
        Diffusion cLike = (s, r) -> Diffusion.fromScatteringRate(1e-9, 0.5).coefficient(carbon, r);
        double[] r = {1, 3, 10, 30, 100};
        double[] expected = {0.087, 0.19, 0.44, 0.77, 0.95};
        for (int i = 0; i < r.length; i++) {
            assertEquals(expected[i], suppression(net, "Be10", cLike, r[i], 7 * KPC), 0.006, "R = " + r[i]);
        }
    }

    /** N(with decay)/N(without decay) of a pure secondary at rigidity R, no destruction or losses */
    private static double suppression(Network net, String species, Diffusion d, double r, double hh) {
        Species s = net.nuclide(net.indexOf(species)).species();
        FlatHalo.Builder b = FlatHalo.builder().network(net).haloHalfHeight(hh).disk(100 * PC, new Gas(1.0, 0.1, 0.0))
                .diffusion(d).source(source(net)).losses(ContinuousLoss.NONE).spallation(false, true);
        double e = Kinematics.ekPerNucleonFromRigidity(s, r * Constants.GV) / GEV;
        EnergyGrid g = EnergyGrid.logSpaced(e / 1.01, e * 1.01, 3);
        return b.decay(true).build().solve(g).density(species)[1] / b.decay(false).build().solve(g).density(species)[1];
    }

    /**
     * Convergence of the loss scheme against the exact solution for constant Ė (the hopkins2021 §3.1(a)
     * rate is energy-independent) and constant removal λ = D/(hH):
     * N(E) = |Ė|⁻¹ ∫_E^∞ S(E') e^{−λ(E'−E)/|Ė|} dE'. Second order: error(20)/error(40) ≈ 4.
     */
    @Test
    void lossSchemeConvergesAtSecondOrder() {
        Network net = Network.builtIn("p");
        Gas gas = new Gas(1.0, 0.0, 0.0);
        double dd = 1e28;
        double h = 100 * PC;
        double hh = 4 * KPC;
        Source src = SourceTest.kempskiProtons();
        FlatHalo.Builder b = FlatHalo.builder().network(net).haloHalfHeight(hh).disk(h, gas).diffusion(Diffusion.constant(dd))
                .source(src).spallation(false, false).losses(ContinuousLoss.HOPKINS2021);
        double a = -ContinuousLoss.HOPKINS2021.dEdtPerNucleon(net.nuclide(0), GEV, gas);
        double lambda = dd / (h * hh);
        Species p = Species.proton();
        IterativeLegendreGaussIntegrator gl = new IterativeLegendreGaussIntegrator(8, 1e-12, 1e-15);
        double[] check = {1e-3, Math.pow(10, -2.5), 1e-2, Math.pow(10, -1.5), 0.1, Math.pow(10, -0.5), 1};
        double[] exact = new double[check.length];
        double scale = a / lambda;
        for (int i = 0; i < check.length; i++) {
            double e0 = check[i] * GEV;
            double sum = 0;
            double lo = 0;
            double hi = 1e-3 * e0; // geometric pieces: the source is steep (∝ E^−1.65) just above E
            while (lo < 60 * scale) {
                double top = Math.min(hi, 60 * scale);
                sum += gl.integrate(1_000_000, u -> src.ratePerEnergy(p, e0 + u) / (2 * h) * Math.exp(-lambda * u / a), lo, top);
                lo = top;
                hi = Math.min(2 * hi, hi + scale);
            }
            exact[i] = sum / a;
        }
        double[] err = new double[4];
        int[] perDecade = {10, 20, 40, 80};
        for (int m = 0; m < perDecade.length; m++) {
            EnergyGrid g = EnergyGrid.perDecade(1e-4, 1e4, perDecade[m]);
            double[] n = b.build().solve(g).density("p");
            double[] e = g.ekGeVPerNucleon();
            for (int i = 0; i < check.length; i++) {
                int k = index(e, check[i]);
                assertEquals(check[i], e[k], 1e-9 * check[i]);
                err[m] = Math.max(err[m], Math.abs(n[k] / exact[i] - 1));
            }
        }
        System.out.printf("flat_halo loss scheme: max rel. error at 10/20/40/80 points per decade = %.2e %.2e %.2e %.2e%n",
                err[0], err[1], err[2], err[3]);
        assertTrue(err[1] / err[2] > 3.0 && err[2] / err[3] > 3.0, "order < 1.6: " + java.util.Arrays.toString(err));
        assertTrue(err[1] < 3e-3 && err[2] < 1e-3, "error at 20/40 per decade " + err[1] + ", " + err[2]);
    }

    /**
     * Reacceleration: (1) conservative — with constant λ and zero flux at the grid ends,
     * Σ λ N ΔE = Σ S ΔE exactly; (2) v_A → 0 recovers the solution without reacceleration;
     * (3) converged — 20 vs 40 points per decade differ by < 1e-3.
     */
    @Test
    void reaccelerationIsConservativeAndConverged() {
        Network net = Network.builtIn("p");
        Gas gas = new Gas(1.0, 0.0, 0.0);
        double dd = 2e28;
        double h = 100 * PC;
        double hh = 4 * KPC;
        Source src = SourceTest.kempskiProtons();
        FlatHalo.Builder b = FlatHalo.builder().network(net).haloHalfHeight(hh).disk(h, gas).diffusion(Diffusion.constant(dd))
                .source(src).spallation(false, false).losses(ContinuousLoss.NONE);
        EnergyGrid g = EnergyGrid.perDecade(1e-3, 1e5, 20);
        double[] n = b.reacceleration(60e5, FlatHalo.REACCELERATION_ISOTROPIC).build().solve(g).density("p");
        double lambda = dd / (h * hh);
        double in = 0;
        double out = 0;
        for (int k = 0; k < g.size(); k++) {
            in += src.ratePerEnergy(Species.proton(), g.ekErg(k)) / (2 * h) * g.widthErg(k);
            out += lambda * n[k] * g.widthErg(k);
        }
        assertEquals(in, out, 1e-9 * in);
        double[] off = b.reacceleration(0, FlatHalo.REACCELERATION_ISOTROPIC).build().solve(g).density("p");
        double[] tiny = b.reacceleration(1e-3, FlatHalo.REACCELERATION_ISOTROPIC).build().solve(g).density("p");
        for (int k = 0; k < g.size(); k++) {
            assertEquals(off[k], tiny[k], 1e-8 * off[k]);
        }
        // reacceleration changes the spectrum noticeably near 1 GeV
        int k1 = index(g.ekGeVPerNucleon(), 1.0);
        assertTrue(Math.abs(n[k1] / off[k1] - 1) > 0.02, "reacceleration effect " + n[k1] / off[k1]);
        // refinement with full physics: second order, 40 points per decade within 4e-3 of 80 (0.1–1000 GeV/n)
        Network full = Network.builtIn("C", "B11", "B10", "He", "p");
        FlatHalo fh = base(full, Diffusion.betaPowerLaw(3e28, 0.5)).reacceleration(60e5, FlatHalo.seoPtuskin(0.5)).build();
        TransportSolution[] sol = new TransportSolution[3];
        for (int m = 0; m < 3; m++) {
            sol[m] = fh.solve(EnergyGrid.perDecade(1e-3, 1e5, 20 << m));
        }
        double[] worst = new double[2];
        for (String s : List.of("p", "C", "B11")) {
            double[] ref = sol[2].fluxLis(s);
            double[] e = sol[0].ekGeVPerNucleon();
            for (int m = 0; m < 2; m++) {
                double[] f = sol[m].fluxLis(s);
                for (int k = 0; k < e.length; k++) {
                    if (e[k] >= 0.1 && e[k] <= 1e3) { // a decade above the zero-flux boundary at 1e-3
                        worst[m] = Math.max(worst[m], Math.abs(f[k << m] / ref[k << 2] - 1));
                    }
                }
            }
        }
        System.out.printf("flat_halo with reacceleration: max deviation from 80 points per decade at 20/40 = %.2e %.2e%n",
                worst[0], worst[1]);
        assertTrue(worst[0] / worst[1] > 3 && worst[1] < 4e-3, "not converging at second order: " + worst[0] + ", " + worst[1]);
    }

    /** A species missing from the network but present in the source is an error naming it. */
    @Test
    void sourceSpeciesMustBeTransported() {
        org.junit.jupiter.api.Assertions.assertThrows(org.crdl.runtime.plasma.ModelException.class,
                () -> FlatHalo.builder().network(Network.builtIn("p")).haloHalfHeight(4 * KPC).disk(100 * PC, new Gas(1, 0, 0))
                        .diffusion(Diffusion.constant(1e28)).source(source(Network.builtIn("p", "C"))).build());
    }

    /** Issue 15: v_A → 0 recovers the solution without reacceleration exactly, for both regions and conventions. */
    @Test
    void vanishingAlfvenSpeedRecoversTheSolutionWithoutReacceleration() {
        Network net = Network.builtIn("p", "C", "B11", "B10");
        Diffusion d = (s, r) -> 3.7e28 * Kinematics.betaFromRigidity(s, r * Constants.GV) * Math.pow(r / 4, 0.45);
        EnergyGrid grid = EnergyGrid.perDecade(0.01, 1e4, 20);
        TransportSolution none = base(net, d).build().solve(grid);
        for (boolean halo : new boolean[] {true, false}) {
            TransportSolution zero = base(net, d).reacceleration(0, FlatHalo.dragon2Ptuskin94(0.45))
                    .reaccelerationInHalo(halo).build().solve(grid);
            org.junit.jupiter.api.Assertions.assertArrayEquals(none.ratioLis(List.of("B10", "B11"), List.of("C")),
                    zero.ratioLis(List.of("B10", "B11"), List.of("C")), 0.0);
        }
    }

    /**
     * Whole-volume reacceleration (GALPROP/DRAGON2) in the thin-disk solution: for a stable species
     * without wind the halo profile is ψ = 1 − |z|/H, ∫₋H^H ψ dz = H, so a halo-wide v_A' acts like a
     * disk-only v_A with 2h v_A² = H v_A'², v_A = v_A' √(H/2h) (derivation in the FlatHalo comment).
     * Also: the DRAGON2 "Ptuskin94" prefactor is 3/4 of GALPROP's Seo–Ptuskin one.
     */
    @Test
    void haloWideReaccelerationEqualsTheDiskEquivalentSpeed() {
        Network net = Network.builtIn("p", "C", "B11");
        Diffusion d = (s, r) -> 3.7e28 * Kinematics.betaFromRigidity(s, r * Constants.GV) * Math.pow(r / 4, 0.45);
        EnergyGrid grid = EnergyGrid.perDecade(0.01, 1e4, 20);
        double va = 13e5;
        double eta = FlatHalo.dragon2Ptuskin94(0.45);
        TransportSolution halo = base(net, d).reacceleration(va, eta).reaccelerationInHalo(true).build().solve(grid);
        TransportSolution disk = base(net, d).reacceleration(va * Math.sqrt(4 * KPC / (2 * 100 * PC)), eta)
                .reaccelerationInHalo(false).build().solve(grid);
        double[] a = halo.ratioLis(List.of("B11"), List.of("C"));
        double[] b = disk.ratioLis(List.of("B11"), List.of("C"));
        for (int k = 0; k < a.length; k++) {
            assertEquals(b[k], a[k], 1e-9 * b[k]);
        }
        assertEquals(0.75, FlatHalo.dragon2Ptuskin94(0.45) / FlatHalo.seoPtuskin(0.45), 1e-12);
    }

    /**
     * Radial boundary (leading Bessel mode J₀(ζ₁r/R_max)): the halo loss rate gains Dζ₁²/R_max², so
     * without wind and decay the escape coefficient is (2D/H)·x coth x with x = ζ₁H/R_max; grammage
     * ratio to the infinite slab = 1/(x coth x) = 0.830 for H = 4, R_max = 12 kpc.
     */
    @Test
    void radialBoundaryReducesGrammageByTheLeadingBesselMode() {
        Network net = Network.builtIn("p");
        Diffusion d = Diffusion.constant(3e28);
        double slab = base(net, d).build().grammage("p", 10);
        double cyl = base(net, d).radialBoundary(12 * KPC).build().grammage("p", 10);
        double x = 2.404825557695773 * 4 / 12;
        assertEquals(Math.tanh(x) / x, cyl / slab, 1e-12);
    }

    /**
     * First-order reacceleration at high energy, derived for this test: with N = N₀ + N₁, N₁ = τ_esc R[N₀],
     * R[f] = p⁻² ∂_p(p² D_pp ∂_p f), f₀ ∝ p^−g (g = γ_inj + δ), D_pp = η v_A² p²/D and D ∝ p^δ give
     * R[f₀] = g(g + δ − 3) η v_A² f₀/D; with τ_esc = hH/D and the halo-wide weight H/(2h):
     * N₁/N₀ = (H²/2) g(g + δ − 3) η v_A²/D². Checked for a pure primary (no losses, no spallation)
     * at 1 and 3 TeV/n, where N₁/N₀ is a few per cent (second order ≈ (N₁/N₀)²).
     */
    @Test
    void firstOrderReaccelerationGainAtHighEnergy() {
        Network net = Network.builtIn("C");
        double delta = 0.45;
        Diffusion d = (s, r) -> 3.7e28 * Kinematics.betaFromRigidity(s, r * Constants.GV) * Math.pow(r / 4, delta);
        EnergyGrid grid = EnergyGrid.perDecade(0.01, 1e5, 40);
        double va = 100e5;
        double eta = FlatHalo.dragon2Ptuskin94(delta);
        FlatHalo.Builder plain = base(net, d).losses(ContinuousLoss.NONE).spallation(false, false);
        TransportSolution without = plain.build().solve(grid);
        TransportSolution with = base(net, d).losses(ContinuousLoss.NONE).spallation(false, false)
                .reacceleration(va, eta).reaccelerationInHalo(true).build().solve(grid);
        double g = 4.3 + delta;
        double hh = 4 * KPC;
        double[] ek = grid.ekGeVPerNucleon();
        double[] a = with.fluxLis("C");
        double[] b = without.fluxLis("C");
        Nuclide c = net.nuclide(0);
        for (double target : new double[] {1e3, 3e3}) {
            int k = 0;
            while (ek[k] < target) {
                k++;
            }
            double dd = d.coefficient(c.species(), rigidityGV(c, ek[k] * Constants.GEV));
            double expected = hh * hh / 2 * g * (g + delta - 3) * eta * va * va / (dd * dd);
            assertEquals(expected, a[k] / b[k] - 1, 0.1 * expected, "N1/N0 at " + ek[k] + " GeV/n");
        }
    }
}
