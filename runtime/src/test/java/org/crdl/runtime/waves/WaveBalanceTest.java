package org.crdl.runtime.waves;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.crdl.runtime.particles.Resonance;
import org.crdl.runtime.particles.Species;
import org.crdl.runtime.plasma.ModelException;
import org.crdl.runtime.plasma.PhaseState;
import org.junit.jupiter.api.Test;

/**
 * The total-wave balance Σ S(e) = Σ Γ(e) e (DESIGN §4, hopkins2022 eq. 7 with D_t → 0) with
 * hand-written laws: closed forms of hopkins2022 App. A3 (digest §3.1, C43), the scattering
 * rate of eq. 6 with ν̂_s = 3/4 (ν̄_s = (3π/16) Ω e/e_B, L854) and the failure modes of DESIGN §4.
 * Reference values are computed here by hand (CODATA constants written out), not by the runtime.
 */
class WaveBalanceTest {
    // independent constants (CODATA 2018): c, m_p c² in GeV; 1 GV = 1e9/299.792458 statV; B = 1 uG
    private static final double C = 2.99792458e10;
    private static final double MP_GEV = 0.93827208816;
    private static final double B = 1e-6;
    private static final double E_B = B * B / (8 * Math.PI);                 // 3.979e-14 erg cm^-3
    private static final PhaseState CELL = new PhaseState("cell", Map.of("n", 1.0, "T", 1e4, "B", B));

    private static Resonance at(double gv) {
        return Resonance.atGV(Species.proton(), gv, B);
    }

    /** Ω = βc/r_g, r_g = R/B (digest §2.1), by hand. */
    private static double omega(double gv) {
        double beta = gv / Math.hypot(gv, MP_GEV);
        double rg = gv * 1e9 / 299.792458 / B;
        return beta * C / rg;
    }

    private static WaveBalance.Solution solve(LawModel m, double gv) {
        return WaveBalance.solve(m, CELL, at(gv), CrState.none("test"));
    }

    private static DoubleUnaryOperator[] laws(DoubleUnaryOperator... f) {
        return f;
    }

    private static void close(double expected, double actual, double rel, String what) {
        assertEquals(expected, actual, rel * Math.abs(expected), what);
    }

    /** hopkins2022 A3.1 (L858): linear damping, e_A = S/Γ_lin; ν̄ = (3π/16) Ω e/e_B; κ = v²/3ν̄; D_xx = κ/3. */
    @Test
    void linearDampingGivesSourceOverGamma() {
        double s = 1e-30;
        double gamma = 1e-11;
        for (double gv : new double[] {0.1, 1, 100}) {
            WaveBalance.Solution sol = solve(LawModel.of("total", laws(e -> s), laws(e -> gamma)), gv);
            double x = s / gamma / E_B;
            close(x, sol.eOverEB(), 1e-10, "e/e_B at " + gv + " GV");
            double nu = 3 * Math.PI / 16 * omega(gv) * x;
            close(nu, sol.nu(), 1e-10, "nu at " + gv + " GV");
            double v = C * gv / Math.hypot(gv, MP_GEV);
            close(v * v / (3 * nu), sol.kappaPar(), 1e-10, "kappa_par");
            close(v * v / (9 * nu), sol.dxx(), 1e-10, "D_xx = kappa/3");
            assertEquals(WaveBalance.Regime.BALANCED, sol.regime());
            assertEquals("", sol.branch(), "one equilibrium");
        }
    }

    /** A3.2 (L878): NLL only, e_A = (S e_B/Γ_nl⁰)^½; A3 (L854, C43): both, the positive root of Γ⁰x² + Γ_lin x − S/e_B = 0. */
    @Test
    void nonLinearAndGeneralSelfConfinementAmplitude() {
        double s = 1e-30;
        double g0 = 6.6e-8;
        WaveBalance.Solution nll = solve(LawModel.of("total", laws(e -> s), laws(e -> g0 * e / E_B)), 1);
        close(Math.sqrt(s * E_B / g0) / E_B, nll.eOverEB(), 1e-10, "NLL-only amplitude");
        for (double gLin : new double[] {1e-13, 3e-11, 1e-9}) {
            WaveBalance.Solution both = solve(LawModel.of("total", laws(e -> s), laws(e -> gLin, e -> g0 * e / E_B)), 1);
            double psi = 4 * s * g0 / (gLin * gLin * E_B);
            double want = gLin / (2 * g0) * (-1 + Math.sqrt(1 + psi));
            if (psi < 1e-6) {
                want = s / (gLin * E_B) * (1 - psi / 4);
            }
            close(want, both.eOverEB(), 1e-9, "C43 amplitude at Γ_lin = " + gLin + " (ψ_nl² = " + psi + ")");
        }
    }

    /**
     * Several equilibria: S − Γe ∝ −(x − 1e-7)(x − 1e-6)(x − 1e-5) (x = e/e_B) has stable roots at 1e-7 and 1e-5
     * and an unstable one at 1e-6. The lowest stable branch (the state reached from a low start) is reported.
     */
    @Test
    void severalRootsReportTheLowestStableBranch() {
        double k = 1e-3;   // s^-1
        double a = 1e-7;
        double b = 1e-6;
        double c = 1e-5;
        LawModel m = LawModel.of("total",
                laws(e -> k * E_B * a * b * c, e -> k * E_B * (a + b + c) * (e / E_B) * (e / E_B)),
                laws(e -> k * (a * b + b * c + c * a), e -> k * (e / E_B) * (e / E_B)));
        WaveBalance.Solution sol = solve(m, 1);
        close(a, sol.eOverEB(), 1e-9, "lowest stable root");
        assertTrue(sol.branch().contains("lowest of 2 stable"), sol.branch());
        assertTrue(sol.branch().contains("3 roots"), sol.branch());
    }

    @Test
    void noSourceIsFreeStreamingNeverNaN() {
        WaveBalance.Solution sol = solve(LawModel.of("total", laws(e -> 0.0), laws(e -> 1e-11, e -> 6.6e-8 * e / E_B)), 1);
        assertEquals(WaveBalance.Regime.FREE_STREAMING, sol.regime());
        assertEquals(0.0, sol.nu(), 0.0);
        assertEquals(0.0, sol.eOverEB(), 0.0);
        assertEquals(Double.POSITIVE_INFINITY, sol.kappaPar());
        assertEquals(Double.POSITIVE_INFINITY, sol.dxx());
        for (double t : sol.terms()) {
            assertFalse(Double.isNaN(t), "no NaN among the law values");
        }
        // only an unstable equilibrium (S = A e², Γ = const): waves from a low start decay, so free streaming too
        WaveBalance.Solution unstable = solve(LawModel.of("total", laws(e -> 1e-3 * e * e / E_B), laws(e -> 1e-11)), 1);
        assertEquals(WaveBalance.Regime.FREE_STREAMING, unstable.regime());
        assertEquals(Double.POSITIVE_INFINITY, unstable.kappaPar());
    }

    @Test
    void linearSourceAboveLinearDampingIsUnboundedGrowth() {
        LawModel m = LawModel.of("total", laws(e -> 2e-11 * e), laws(e -> 1e-11));
        ModelException x = assertThrows(ModelException.class, () -> solve(m, 1));
        assertTrue(x.getMessage().contains("unbounded wave growth"), x.getMessage());
        assertTrue(x.getMessage().contains("scattering block") && x.getMessage().contains("phase cell")
                && x.getMessage().contains("R = 1"), "names model, phase and rigidity: " + x.getMessage());
        // the same linear source saturated by NLL: (Ψ − Γ_L) = Γ⁰ x ⇒ x = 1e-11/6.6e-8
        LawModel saturated = LawModel.of("total", laws(e -> 2e-11 * e), laws(e -> 1e-11, e -> 6.6e-8 * e / E_B));
        close(1e-11 / 6.6e-8, solve(saturated, 1).eOverEB(), 1e-9, "linear growth saturated by NLL");
    }

    @Test
    void undefinedLawIsAnErrorNotNaN() {
        LawModel m = LawModel.of("total", laws(e -> Math.sqrt(-1)), laws(e -> 1e-11));
        ModelException x = assertThrows(ModelException.class, () -> solve(m, 1));
        assertTrue(x.getMessage().contains("undefined") && !x.getMessage().contains("NaN"), x.getMessage());
    }

    /** A phenomenological ν that reads no phase field runs in a phase without B; e_A/e_B is then undefined (NaN, printed empty). */
    @Test
    void phenomenologicalRateWithoutField() {
        PhaseState none = new PhaseState("none", Map.of());
        Resonance res = Resonance.atGV(Species.proton(), 1, Double.NaN);
        WaveBalance.Solution sol = WaveBalance.solve(LawModel.phenomenological(1e-9), none, res, CrState.none("none"));
        assertEquals(1e-9, sol.nu(), 0);
        assertTrue(Double.isNaN(sol.eOverEB()));
        double v = C / Math.hypot(1, MP_GEV);
        close(v * v / 3e-9, sol.kappaPar(), 1e-12, "kappa = v^2/(3 nu)");
        // with a field: e_A/e_B = ν/((3π/16) Ω) (eq. 6 inverted)
        WaveBalance.Solution withB = solve(LawModel.phenomenological(1e-9), 1);
        close(1e-9 / (3 * Math.PI / 16 * omega(1)), withB.eOverEB(), 1e-12, "e_A/e_B of a phenomenological nu");
    }
}
