package org.crdl.physics;

import static org.crdl.physics.Phys.close;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.crdl.Cli;
import org.crdl.runtime.model.CompiledModel;
import org.crdl.runtime.particles.Species;
import org.crdl.runtime.waves.Rates;
import org.crdl.runtime.waves.WaveBalance;
import org.junit.jupiter.api.Test;

/**
 * The named outcomes of the local balance (DESIGN §4: "No root, several roots, or unbounded growth are
 * reported as errors naming the model, phase and rigidity — never NaN"), for `waves total` and
 * `waves split`, through `crdl rates` with both engines. Model: compiler/src/test/resources/physics/closed_forms.crdl.
 */
class FailureModesTest {
    private static final String FILE = "compiler/src/test/resources/physics/closed_forms.crdl";

    private static Cli.Result run(String engine, String block, String phase) {
        return Cli.run("rates", FILE, "--scattering", block, "--phase", phase, "--rigidity", "0.1:100:4", "--engine", engine);
    }

    /** No source (P'_cr = 0 switches S_sc off): regime free_streaming, ν = 0, κ = D_xx = inf, δ_s empty; never NaN. */
    @Test
    void noSourceIsFreeStreaming() {
        for (String engine : new String[] {"compiled", "interpreted"}) {
            for (String block : new String[] {"sc_linear", "sc_general", "split_sc"}) {
                Cli.Result r = run(engine, block, "no_pressure");
                assertEquals(0, r.exitCode(), block + ": " + r.stderr());
                assertFalse(r.stdout().contains("NaN"), r.stdout());
                List<Phys.Row> rows = Phys.csv(r.stdout());
                assertEquals(4, rows.size());
                for (Phys.Row row : rows) {
                    assertEquals("free_streaming", row.text("regime"), block);
                    assertEquals(0.0, row.num("nu_s_per_s"), 0.0);
                    assertEquals(0.0, row.num("e_A_over_e_B"), 0.0);
                    assertEquals("inf", row.text("kappa_par_cm2_per_s"));
                    assertEquals("inf", row.text("D_xx_cm2_per_s"));
                    assertEquals("", row.text("delta_s"), "δ_s undefined where ν = 0");
                }
            }
        }
    }

    /** A linear source Ψ e with Ψ = 2e-10 s^-1 above Γ_lin = 1e-10 s^-1 and no non-linear damping: an error naming the place. */
    @Test
    void linearGrowthWithoutNonLinearDampingIsUnbounded() {
        for (String engine : new String[] {"compiled", "interpreted"}) {
            for (String block : new String[] {"growth_linear", "split_growth_linear"}) {
                Cli.Result r = run(engine, block, "cell");
                assertEquals(1, r.exitCode(), block + ": " + r.stdout());
                String err = r.stderr();
                assertTrue(err.contains("unbounded wave growth"), err);
                assertTrue(err.contains("model physics_closed_forms") && err.contains("scattering " + block)
                        && err.contains("phase cell") && err.contains("R = 0.1000 GV"), "names model, block, phase, R: " + err);
                assertFalse(err.contains("Exception") || err.contains("\tat "), "no stack trace: " + err);
                assertEquals("", r.stdout(), "no truncated CSV on stdout");
            }
        }
    }

    /**
     * The same linear growth saturated by NLL: total waves (Ψ − Γ_L) = Γ⁰ x; split waves (B5 with s_et = g̃ = 0)
     * x̄ = −2a/γ_NL, a = (Γ_L − Ψ)/ω + h̃ (NLL acts on each branch, so x̄ is about twice the total-wave value).
     */
    @Test
    void linearGrowthSaturatedByNonLinearDamping() {
        CompiledModel[] engines = Phys.engines(Path.of(FILE));
        double b = Phys.UG;
        double eB = Phys.eB(b);
        double vA = Phys.vA(b, 1);
        double hTilde = (vA / Phys.C) * (vA / Phys.C) * (4 * Phys.EV / 3) / eB;
        for (CompiledModel m : engines) {
            for (double gv : new double[] {0.3, 3}) {
                double gamma0 = Math.sqrt(Math.PI) / 8 * Phys.cs(1e4) * Phys.kPar(gv, b);
                double omega = Math.PI / 4 * 0.75 * Phys.omega(gv, b);
                WaveBalance.Solution total = Rates.solveAt(m.scattering("growth_saturated", m.defaultParameters()),
                        m.phase("cell", m.defaultParameters()), Species.proton(), gv);
                close((2e-10 - 1e-10) / gamma0, total.eOverEB(), 1e-9, "total waves at " + gv + " GV");
                WaveBalance.Solution split = Rates.solveAt(m.scattering("split_growth_saturated", m.defaultParameters()),
                        m.phase("cell", m.defaultParameters()), Species.proton(), gv);
                double a = (1e-10 - 2e-10) / omega + hTilde;
                close(-2 * a / (gamma0 / omega), split.eOverEB(), 1e-9, "split waves at " + gv + " GV");
                assertEquals(0.0, split.streaming(), 0.0);
            }
        }
    }

    /**
     * Three equilibria x = 1e-7 (stable), 1e-6 (unstable), 1e-5 (stable) of S − Γe ∝ −(x − 1e-7)(x − 1e-6)(x − 1e-5):
     * the lowest stable branch is reported (the state reached from a low start), and the choice is named.
     */
    @Test
    void severalRootsGiveTheLowestStableBranch() {
        for (CompiledModel m : Phys.engines(Path.of(FILE))) {
            for (double gv : new double[] {0.1, 10}) {
                WaveBalance.Solution s = Rates.solveAt(m.scattering("several_roots", m.defaultParameters()),
                        m.phase("cell", m.defaultParameters()), Species.proton(), gv);
                close(1e-7, s.eOverEB(), 1e-9, "lowest stable root at " + gv + " GV");
                assertTrue(s.branch().contains("lowest of 2 stable equilibria (3 roots)"), s.branch());
                close(Phys.nu(gv, Phys.UG, 1e-7), s.nu(), 1e-9, "nu on that branch");
            }
        }
        Cli.Result r = Cli.run("rates", FILE, "--scattering", "several_roots", "--phase", "cell", "--rigidity", "1");
        assertEquals(0, r.exitCode(), r.stderr());
        close(1e-7, Phys.csv(r.stdout()).get(0).num("e_A_over_e_B"), 1e-9, "CLI reports the lowest stable branch");
    }
}
