package org.crdl.runtime.turbulence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import org.crdl.runtime.plasma.ModelException;
import org.crdl.runtime.units.Constants;
import org.junit.jupiter.api.Test;

/** Damping laws and the truncation k_max L(ξ) (fornieri2021 §2.8, kempski2022 App. A, hopkins2022 C2–C7). */
class TruncationAndDampingTest {
    private static final double L = 100 * Constants.PC;
    private static final double GAMMA_CODE = 0.939 / 0.000510998918;

    private static TurbulenceEnvironment fastOnly(double ma, List<FastModeDamping> damping, Conventions c) {
        return new TurbulenceEnvironment("test", L, ma, 0.1, 1e6, 1e-6, EnumSet.of(ModeFamily.FAST), damping,
                FastModeCascade.weakIsotropic(L, ma, 1e6), TurbulenceEnvironment.alfvenCutoff(1e-6, c.constants()),
                Double.NaN, c);
    }

    /** fornieri2021 (A18), L509, as printed. */
    private static double a18(double ma, double beta, double gamma, double xi) {
        return 4 * Math.pow(ma, 4) * gamma * xi * xi / (Math.PI * beta * Math.pow(1 - xi * xi, 2))
                * Math.exp(2 / (beta * gamma * xi * xi));
    }

    /** digest §2.8 table: the rate balance with the (A18)-normalised rate reproduces (A18) and its numbers. */
    @Test
    void collisionlessRateBalanceReproducesA18() {
        for (double ma : new double[] {0.1, 0.3, 0.5, 1, 2}) {
            CollisionlessDamping d = new CollisionlessDamping(0.1, 1e6, GAMMA_CODE, CollisionlessDamping.Form.FORNIERI_A18);
            FastModeTruncation t = new FastModeTruncation(fastOnly(ma, List.of(d), Conventions.physical()));
            for (double xi : new double[] {0.1, 0.3, 0.5, 0.7, 0.9}) {
                assertEquals(a18(ma, 0.1, GAMMA_CODE, xi), t.kMaxLAtCosTheta(xi), 1e-9 * a18(ma, 0.1, GAMMA_CODE, xi),
                        "M_A=" + ma + ", xi=" + xi);
            }
        }
        FastModeTruncation t1 = new FastModeTruncation(fastOnly(1, List.of(new CollisionlessDamping(0.1, 1e6,
                1837.577, CollisionlessDamping.Form.FORNIERI_A18)), Conventions.physical()));
        assertEquals(708.9, t1.kMaxLAtCosTheta(0.1), 0.1);
        assertEquals(1.086e4, t1.kMaxLAtCosTheta(0.5), 1e1);
        assertEquals(5.321e5, t1.kMaxLAtCosTheta(0.9), 1e2);
        FastModeTruncation t01 = new FastModeTruncation(fastOnly(0.1, List.of(new CollisionlessDamping(0.1, 1e6,
                1837.577, CollisionlessDamping.Form.FORNIERI_A18)), Conventions.physical()));
        assertEquals(0.0709, t01.kMaxLAtCosTheta(0.1), 1e-4, "M_A = 0.1: k_max L < 1 (fully damped)");
    }

    /** fornieri2021 (A19), L513–L516: viscous truncation x_c (1 − ξ²)^{-2/3}; digest §2.8 numbers. */
    @Test
    void viscousRateBalanceReproducesA19() {
        ViscousDamping v = ViscousDamping.fromTruncationScale(1e6, L, 1.0, 1e6, ViscousDamping.Branch.LOW_BETA);
        FastModeTruncation t = new FastModeTruncation(fastOnly(1, List.of(v), Conventions.physical()));
        assertEquals(1e6, t.kMaxLAtCosTheta(1e-9), 1e-3);
        assertEquals(1.211e6, t.kMaxLAtCosTheta(0.5), 1e3);
        assertEquals(3.026e6, t.kMaxLAtCosTheta(0.9), 1e3);
        assertEquals(1.36e7, t.kMaxLAtCosTheta(0.99), 1e5);
    }

    /** digest §2.8: viscous and collisionless truncations cross at ξ ≈ 0.977 (M_A = 1, β = 0.14). */
    @Test
    void diskTruncationsCrossNearXi0977() {
        TurbulenceEnvironment disk = Environments.fornieriDisk(100, 1.0,
                Conventions.physical().withTruncation(Conventions.TruncationCombination.MIN_OF_TRUNCATIONS));
        FastModeTruncation t = new FastModeTruncation(disk);
        double[] bp = t.breakpoints();
        boolean found = false;
        for (double b : bp) {
            found |= Math.abs(b - 0.977) < 0.002;
        }
        assertTrue(found, "breakpoints " + java.util.Arrays.toString(bp));
        assertEquals(7.9e6, t.kMaxLAtCosTheta(0.977), 0.2e6, "k_max L ~ 1e7 at the crossing (L166)");
        // the minimum over ξ of the collisionless truncation: 358.7 at ξ = 0.0875 (CODE-2020 printed 358.74)
        double min = Double.MAX_VALUE;
        for (int i = 1; i < 2000; i++) {
            min = Math.min(min, t.kMaxLAtCosTheta(i / 2000.0));
        }
        assertEquals(358.74, min, 0.5);
    }

    /** digest §5.2 item 24 / §6.4 item 1: CODE-2020 cap at x_⊥,max and the reversed-θ pairing. */
    @Test
    void code2020CapAndXiMapping() {
        TurbulenceEnvironment halo = Environments.fornieriHaloCode2020();
        FastModeTruncation t = new FastModeTruncation(halo);
        assertEquals(9.1564e11, halo.alfvenXPerpMax(), 0.0001e11);
        assertEquals(9.1564e11, t.kMaxL(0.999), 1e7, "capped near xi -> 1");
        // used at ξ: k_max L(ξ' = sin(πξ/2))
        double xi = 0.3;
        assertEquals(t.kMaxLAtCosTheta(Math.sin(Math.PI * xi / 2)), t.kMaxL(xi), 0.0);
        double min = Double.MAX_VALUE;
        for (int i = 1; i < 4000; i++) {
            min = Math.min(min, t.kMaxL(i / 4000.0));
        }
        assertEquals(707.44, min, 0.5, "CODE-2020 halo printed k_max L range starts at 707.44");
        // the tabulated interpolant used by the quadrature agrees with the exact truncation
        for (double q = 0.01; q < 0.995; q += 0.0137) {
            double exact = t.kMaxL(q);
            assertEquals(exact, t.kMaxLInterpolated(q), 1e-4 * exact, "xi=" + q);
        }
    }

    /** The sum of rates truncates at or below the minimum of the single-mechanism truncations. */
    @Test
    void sumOfRatesTruncatesNoLaterThanTheMinimum() {
        TurbulenceEnvironment sum = Environments.fornieriDisk(100, 1.0, Conventions.physical());
        TurbulenceEnvironment min = sum.withConventions(
                Conventions.physical().withTruncation(Conventions.TruncationCombination.MIN_OF_TRUNCATIONS));
        FastModeTruncation ts = new FastModeTruncation(sum);
        FastModeTruncation tm = new FastModeTruncation(min);
        for (double xi = 0.05; xi < 1; xi += 0.05) {
            assertTrue(ts.kMaxLAtCosTheta(xi) <= tm.kMaxLAtCosTheta(xi) * (1 + 1e-12), "xi=" + xi);
            assertTrue(ts.kMaxLAtCosTheta(xi) >= tm.kMaxLAtCosTheta(xi) / 4.0, "at most a factor 4 (Γ ∝ k or k²)");
        }
    }

    /** kempski2022 (A6) full form → small-angle limit (26) with √(πβ) (digest §2.5); finite, never NaN. */
    @Test
    void collisionlessSmallAngleLimitAndEdges() {
        double beta = 0.2;
        double va = 4e6;
        CollisionlessDamping d = new CollisionlessDamping(beta, va);
        double k = 1e-15;
        double theta = 0.01;
        double full = d.rate(k, Math.cos(theta));
        double me = Constants.M_E / Constants.M_P;
        double small = Math.sqrt(Math.PI * beta) * theta * theta / 4 * k * va
                * (Math.sqrt(me) * Math.exp(-me / beta) + 5 * Math.exp(-1 / beta));
        assertEquals(small, full, 1e-3 * small);
        assertEquals(0.0, d.rate(k, 1.0), 0.0);
        assertEquals(0.0, d.rate(k, 0.0), 0.0);
        assertFalse(Double.isNaN(d.rate(k, 1e-200)));
        // at β ≈ 0.2 the ion term is comparable to the electron term (digest §2.5)
        double ionShare = 5 * Math.exp(-1 / beta) / Math.sqrt(me);
        assertTrue(ionShare > 1.0 && ionShare < 2.0, "ion/electron = " + ionShare);
    }

    /** hopkins2022 (C2, C4–C7) and kempski2022 (A5): angular branches and normalisations. */
    @Test
    void viscousBranchesAndNormalisations() {
        ViscousDamping low = ViscousDamping.braginskii(6e18, ViscousDamping.Branch.LOW_BETA);
        ViscousDamping high = ViscousDamping.braginskii(6e18, ViscousDamping.Branch.HIGH_BETA);
        double k = 1e-14;
        assertEquals(1e18 * k * k * 0.75, low.rate(k, 0.5), 1e-6);
        assertEquals(1e18 * k * k * 0.0625, high.rate(k, 0.5), 1e-6);
        assertEquals(0.0, high.rate(k, 1 / Math.sqrt(3)), 1e-12);
        ViscousDamping h = ViscousDamping.hopkins(1.0, 1e4, 1.0, ViscousDamping.Branch.LOW_BETA);
        assertEquals(0.6e18 * k * k, h.rate(k, 0.0), 1e-6 * 0.6e18 * k * k);
        ViscousDamping hn = ViscousDamping.hopkins(1.0, 1e4, 0.5, ViscousDamping.Branch.LOW_BETA);
        assertEquals((0.3e18 + 1.5e20) * k * k, hn.rate(k, 0.0), 1e-6 * 1.5e20 * k * k);
    }

    /** hopkins2022 L179 weak-coupling ion–neutral rate and the k² strong-coupling limit. */
    @Test
    void ionNeutralLimits() {
        IonNeutralDamping d = new IonNeutralDamping(0.5, 8000, 2e-24, 1e6);
        double weak = 1e-9 * 0.5 * Math.sqrt(8.0) * 2.0;
        assertEquals(weak, d.weakCouplingRate(), 1e-15 * weak);
        assertEquals(weak, d.rate(1e-6, 0.3), 1e-6 * weak, "k v_A >> nu: weak coupling");
        double k = 1e-22;
        double strong = 0.5 * k * k * 1e12 / (2 * 2 * weak * 1.0);
        assertEquals(strong, d.rate(k, 0.3), 1e-6 * strong, "k v_A << nu: strong coupling ~ k^2");
        assertEquals(0.0, new IonNeutralDamping(0.0, 8000, 2e-24, 1e6).rate(1e-10, 0.5), 0.0);
    }

    /** kempski2022 (27)/(A7) wandering angle, and angle averaging of a constant and of sin²θ. */
    @Test
    void angleAveraging() {
        AngleAveragedDamping avg = new AngleAveragedDamping((k, c) -> 3.0, L, 1.0);
        assertEquals(3.0, avg.rate(1e-15, 0.3), 1e-12);
        double kl = 1e6;
        assertEquals(Math.pow(kl, -0.25), avg.wanderingAngle(kl / L, 0.0), 1e-12, "eq. (27) at θ = 0");
        AngleAveragedDamping sin2 = new AngleAveragedDamping((k, c) -> 1 - c * c, L, 1.0);
        double theta = 0.0;
        double dt = avg.wanderingAngle(kl / L, theta);
        // average of sin²θ' over (−δ, δ) = 1/2 − sin(2δ)/(4δ)
        assertEquals(0.5 - Math.sin(2 * dt) / (4 * dt), sin2.rate(kl / L, Math.cos(theta)), 1e-10);
        assertTrue(sin2.rate(kl / L, 1.0) > 0, "no undamped cone at θ = 0 once averaged");
    }

    /** A damping law given as a lambda (the compiled-law plug-in point) gives the same truncation. */
    @Test
    void pluggableDampingLambda() {
        CollisionlessDamping builtIn = new CollisionlessDamping(0.1, 1e6, GAMMA_CODE, CollisionlessDamping.Form.FORNIERI_A18);
        FastModeDamping lambda = FastModeDamping.named("compiled", builtIn::rate);
        FastModeTruncation a = new FastModeTruncation(fastOnly(1, List.of(builtIn), Conventions.physical()));
        FastModeTruncation b = new FastModeTruncation(fastOnly(1, List.of(lambda), Conventions.physical()));
        for (double xi = 0.05; xi < 1; xi += 0.1) {
            assertEquals(a.kMaxLAtCosTheta(xi), b.kMaxLAtCosTheta(xi), 0.0);
        }
        FastModeDamping bad = FastModeDamping.named("bad", (k, c) -> Double.NaN);
        FastModeTruncation t = new FastModeTruncation(fastOnly(1, List.of(bad), Conventions.physical()));
        ModelException e = assertThrows(ModelException.class, () -> t.kMaxLAtCosTheta(0.5));
        assertTrue(e.getMessage().contains("bad") && e.getMessage().contains("test"), e.getMessage());
    }

    /** A damping that kills the whole inertial range gives zero fast-mode scattering, not negative or NaN. */
    @Test
    void fullyDampedRangeContributesZero() {
        FastModeDamping strong = FastModeDamping.named("strong", (k, c) -> 1.0);
        TurbulenceEnvironment env = fastOnly(1, List.of(strong), Conventions.physical());
        FastModeTruncation t = new FastModeTruncation(env);
        assertTrue(t.kMaxLAtCosTheta(0.5) <= 1.0);
        QuasiLinearScattering q = new QuasiLinearScattering(env, org.crdl.runtime.particles.Species.proton(),
                QuadratureSettings.coarse());
        double[] d = q.pitchAngleDiffusion(10, 0.5, 0);
        assertEquals(0.0, d[1], 0.0);
        assertEquals(0.0, d[2], 0.0);
        SpatialDiffusion sd = q.at(10);
        assertEquals(Double.POSITIVE_INFINITY, sd.dxxFast(), "no scattering: ballistic");
    }

    /**
     * A damping law that switches regime (kempski2022 L606: viscous below k_∥ l_mfp v_A/v_th = 1,
     * collisionless above) can exceed the cascade only in a window narrower than the scan step.
     * Here Γ/τ⁻¹ = exp(1.5 (ln kL − s) + 0.075) below the switch at ln kL = s and Γ = 0 above it, so
     * the damping wins only on [s − 0.05, s]: the truncation must be k_max L = e^(s − 0.05) wherever
     * s falls relative to the scan grid.
     */
    @Test
    void dampingWindowNarrowerThanTheScanStepIsFound() {
        FastModeCascade cascade = FastModeCascade.weakIsotropic(L, 1, 1e6);
        for (int j = 0; j <= 30; j++) {
            double s = 5.0 + 0.013 * j;
            FastModeDamping window = FastModeDamping.named("window", (k, c) -> {
                double lnX = Math.log(k * L);
                return lnX < s ? cascade.rate(k, c) * Math.exp(1.5 * (lnX - s) + 0.075) : 0.0;
            });
            FastModeTruncation t = new FastModeTruncation(fastOnly(1, List.of(window), Conventions.physical()));
            assertEquals(Math.exp(s - 0.05), t.kMaxLAtCosTheta(0.5), 1e-6 * Math.exp(s), "switch at ln kL = " + s);
        }
    }
}
