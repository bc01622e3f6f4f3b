package org.crdl.runtime.waves;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.crdl.runtime.plasma.ModelException;
import org.junit.jupiter.api.Test;

/**
 * The split-wave root of hopkins2022 App. B (digest §3.2, checkpoint C44) against the closed
 * forms of B2 and against the defining equations (B3)–(B4) themselves. Expected values are
 * written out here from the digest formulas, never taken from the solver.
 *
 * Notation: a = γ_L + h̃; x̄ = x₊ + x₋; D = x₊ − x₋; v̄_A/v_A,eff = D/x̄.
 */
class SplitWaveBalanceTest {
    private static final double TOL = 1e-10;

    private static SplitWaveBalance.Roots roots(double gammaL, double gammaNL, double sEt, double gTilde, double hTilde) {
        return SplitWaveBalance.roots(new SplitWaveBalance.Inputs(gammaL, gammaNL, sEt, gTilde, hTilde), "test");
    }

    private static void close(double expected, double actual, double rel, String what) {
        assertEquals(expected, actual, rel * Math.abs(expected), what);
    }

    /** ET limit (g̃ = 0), digest §3.2 "ET limit" with the T13 correction (§9): x̄ = (a/γ_NL)(−1 + [1 + 4γ_NL s_et/a²]^½). */
    @Test
    void extrinsicLimitIsTheCorrectedT13Form() {
        double[][] cases = {
            // γ_L, γ_NL, s_et, h̃  — from linear-dominated (4γ_NL s_et/a² << 1) to NLL-dominated (>> 1)
            {2.6e-8, 2.0e-5, 1.0e-15, 2.8e-9},
            {2.6e-8, 2.0e-5, 1.3e-11, 2.8e-9},
            {2.6e-8, 2.0e-5, 1.0e-6, 2.8e-9},
            {1e-3, 1e-1, 1e-4, 0},
            {1e-9, 3.0, 1e-2, 5e-10},
        };
        for (double[] c : cases) {
            double a = c[0] + c[3];
            double want = a / c[1] * (-1 + Math.sqrt(1 + 4 * c[1] * c[2] / (a * a)));
            if (4 * c[1] * c[2] / (a * a) < 1e-6) {
                want = 2 * c[2] / a * (1 - c[1] * c[2] / (a * a));   // series: avoid the cancellation in the root
            }
            SplitWaveBalance.Roots r = roots(c[0], c[1], c[2], 0, c[3]);
            close(want, r.xBar(), TOL, "x̄ for γ_L, γ_NL, s_et, h̃ = " + java.util.Arrays.toString(c));
            assertEquals(0.0, r.streaming(), 0.0, "balanced waves: v̄_A/v_A,eff = 0 when g̃ = 0");
        }
        // the printed form of L924 (square missing, T13) is not what the solver returns in the mixed regime
        double gL = 2.6e-8;
        double gNL = 2.0e-5;
        double s = 1.3e-11;
        double h = 2.8e-9;
        double a = gL + h;
        double printed = a / gNL * (-1 + Math.sqrt(1 + 4 * gNL * s / a));
        double x = roots(gL, gNL, s, 0, h).xBar();
        assertTrue(x / printed > 1e6, "T13: the printed form is off by orders of magnitude (" + printed + " vs " + x + ")");
        // limits named in the digest: linear e± ≈ S_et/(Γ_L(1+φ)), i.e. x̄ → 2 s_et/a; NLL x̄ → 2 (s_et/γ_NL)^½
        close(2 * 1e-18 / a, roots(gL, gNL, 1e-18, 0, h).xBar(), 1e-6, "linear-damping ET limit");
        close(2 * Math.sqrt(1e-2 / gNL), roots(gL, gNL, 1e-2, 0, h).xBar(), 1e-3, "NLL-dominated ET limit");
    }

    /**
     * Linear damping only (γ_NL = 0), (B6): x̄ = s_et(1 + √(1+Φ²))/(γ_L + h̃), Φ = (g̃/s_et)(1 + h̃/γ_L),
     * through the intermediate Φ ~ 1; v̄_A/v_A,eff = D/x̄ with D = −g̃/γ_L.
     */
    @Test
    void linearOnlyFollowsB6ForEveryPhi() {
        double gL = 2.6e-8;
        double h = 2.8e-9;
        double sEt = 1e-13;
        for (double phi : new double[] {1e-4, 0.1, 0.5, 1, 2, 10, 1e4}) {
            double g = phi * sEt / (1 + h / gL);
            double want = sEt * (1 + Math.sqrt(1 + phi * phi)) / (gL + h);
            SplitWaveBalance.Roots r = roots(gL, 0, sEt, g, h);
            close(want, r.xBar(), TOL, "x̄ at Φ = " + phi);
            close(-g / gL / want, r.streaming(), 1e-9, "v̄_A/v_A,eff at Φ = " + phi);
        }
        // ET side: v̄_A/v_A,eff → −Φ/2 (digest: "→ Φ/2 ≪ 1", sign = streaming down the gradient); SC side → −1
        double phi = 1e-4;
        SplitWaveBalance.Roots et = roots(gL, 0, sEt, phi * sEt / (1 + h / gL), h);
        close(-phi / 2, et.streaming(), 1e-6, "ET limit of the streaming speed");
        SplitWaveBalance.Roots sc = roots(gL, 0, sEt, 1e6 * sEt, h);
        assertEquals(-1, sc.streaming(), 1e-6, "SC limit of the streaming speed");
    }

    /** SC limit (s_et = 0): x̄(γ_L + γ_NL x̄) = g̃ — the C43 quadratic — and v̄_A/v_A,eff = −1 exactly (one branch). */
    @Test
    void selfConfinementLimitIsTheA3Quadratic() {
        double[][] cases = {
            // γ_L, γ_NL, g̃, h̃
            {2.6e-8, 0, 2.5e-13, 2.8e-9},
            {0, 2.0e-5, 2.5e-13, 2.8e-9},
            {5.2e-9, 2.0e-5, 2.5e-13, 2.8e-9},
            {1e-3, 1e-1, 1e-4, 0},
        };
        for (double[] c : cases) {
            double want = c[1] == 0 ? c[2] / c[0]
                    : c[0] == 0 ? Math.sqrt(c[2] / c[1])
                    : c[0] / (2 * c[1]) * (-1 + Math.sqrt(1 + 4 * c[2] * c[1] / (c[0] * c[0])));
            SplitWaveBalance.Roots r = roots(c[0], c[1], 0, c[2], c[3]);
            close(want, r.xBar(), TOL, "x̄ for γ_L, γ_NL, g̃, h̃ = " + java.util.Arrays.toString(c));
            assertEquals(-1, r.streaming(), 1e-12, "streaming at v_A,eff down the gradient");
            // a negative g̃ (gradient the other way) streams the other way with the same amplitude
            SplitWaveBalance.Roots flipped = roots(c[0], c[1], 0, -c[2], c[3]);
            close(want, flipped.xBar(), TOL, "x̄ for −g̃");
            assertEquals(1, flipped.streaming(), 1e-12, "v̄_A/v_A,eff = −sign(g̃)");
        }
    }

    @Test
    void noDriveIsFreeStreamingOrSaturatedGrowthOrAnError() {
        SplitWaveBalance.Roots decay = roots(2.6e-8, 2e-5, 0, 0, 2.8e-9);
        assertEquals(0, decay.xBar(), 0, "nothing drives the waves: x̄ = 0 (free streaming)");
        // net linear growth (γ_L < −h̃) saturated by NLL: x̄(2a + γ_NL x̄) = 0 ⇒ x̄ = −2a/γ_NL
        SplitWaveBalance.Roots grown = roots(-2.6e-8, 2e-5, 0, 0, 2.8e-9);
        close(2 * (2.6e-8 - 2.8e-9) / 2e-5, grown.xBar(), TOL, "x̄ = −2a/γ_NL");
        ModelException noNll = assertThrows(ModelException.class, () -> roots(-2.6e-8, 0, 0, 0, 2.8e-9));
        assertTrue(noNll.getMessage().contains("unbounded"), noNll.getMessage());
        ModelException withEt = assertThrows(ModelException.class, () -> roots(-2.6e-8, 0, 1e-13, 0, 2.8e-9));
        assertTrue(withEt.getMessage().contains("unbounded"), withEt.getMessage());
        ModelException withSc = assertThrows(ModelException.class, () -> roots(-2.6e-8, 0, 0, 1e-13, 0));
        assertTrue(withSc.getMessage().contains("unbounded"), withSc.getMessage());
    }

    /** Digest C44: the root satisfies (B4) for both branches, with f̃ from (B3), x± ≥ 0, for any positive inputs. */
    @Property(tries = 400)
    void rootSolvesTheSteadyStateEquationsB3B4(@ForAll("inputs") SplitWaveBalance.Inputs in) {
        SplitWaveBalance.Roots r = SplitWaveBalance.roots(in, "property");
        double x = r.xBar();
        assertTrue(x > 0 && Double.isFinite(x), "x̄ = " + x);
        double d = r.streaming() * x;
        double xp = (x + d) / 2;
        double xm = (x - d) / 2;
        assertTrue(xp >= -1e-9 * x && xm >= -1e-9 * x, "x± ≥ 0: " + xp + ", " + xm);
        double f = (d * in.hTilde() - in.gTilde()) / x;                       // (B3)
        for (int sign : new int[] {1, -1}) {
            double xs = sign > 0 ? xp : xm;
            double lhs = sign * f * xs;
            double[] rhs = {in.hTilde() * xs, in.gammaL() * xs, in.gammaNL() * xs * xs, -in.sEt()};
            double scale = Math.abs(lhs) + Math.abs(f * x);
            double sum = 0;
            for (double t : rhs) {
                sum += t;
                scale += Math.abs(t);
            }
            assertEquals(0, (lhs - sum) / scale, 1e-7, "(B4" + (sign > 0 ? "+" : "−") + ") at " + in);
        }
        // and the quintic P(x̄) of the digest is zero (relative to the size of its terms)
        double lin = in.gammaL() + in.gammaNL() * x;
        double twoA = 2 * (in.gammaL() + in.hTilde()) + in.gammaNL() * x;
        double p1 = twoA * x * x * lin * lin;
        double p2 = twoA * in.gTilde() * in.gTilde();
        double p3 = 4 * in.sEt() * x * lin * lin;
        assertEquals(0, (p1 - p2 - p3) / (Math.abs(p1) + Math.abs(p2) + Math.abs(p3)), 1e-9, "P(x̄) at " + in);
    }

    @Provide
    Arbitrary<SplitWaveBalance.Inputs> inputs() {
        Arbitrary<Double> gL = logUniform(-12, -2);
        Arbitrary<Double> gNL = Arbitraries.oneOf(Arbitraries.just(0.0), logUniform(-8, 2));
        Arbitrary<Double> sEt = Arbitraries.oneOf(Arbitraries.just(0.0), logUniform(-16, -4));
        Arbitrary<Double> g = logUniform(-16, -4);
        Arbitrary<Double> h = Arbitraries.oneOf(Arbitraries.just(0.0), logUniform(-12, -4));
        return Combinators.combine(gL, gNL, sEt, g, h).as(SplitWaveBalance.Inputs::new);
    }

    private static Arbitrary<Double> logUniform(double lo, double hi) {
        return Arbitraries.doubles().between(lo, hi).map(x -> Math.pow(10, x));
    }
}
