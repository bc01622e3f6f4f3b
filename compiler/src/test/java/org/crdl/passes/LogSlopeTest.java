package org.crdl.passes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.crdl.Pipeline;
import org.crdl.diag.SourceFile;
import org.crdl.interp.Env;
import org.crdl.interp.Interpreter;
import org.crdl.ir.Node;
import org.crdl.ir.Program;
import org.crdl.runtime.params.ParameterSet;
import org.crdl.runtime.particles.Resonance;
import org.crdl.runtime.particles.Species;
import org.crdl.runtime.units.Constants;
import org.junit.jupiter.api.Test;

/**
 * Symbolic log-slopes against hand derivations (hopkins2022 digest §2.7: S ∝ k^ζk e^ζA ε^ζcr,
 * Γ ∝ k^ξk e^ξA ε^ξcr) and against a numerical finite difference for non-power laws.
 */
class LogSlopeTest {

    private static Program program(String laws) {
        Pipeline.Checked c = Pipeline.check(SourceFile.inMemory("t.crdl", laws));
        if (!c.ok()) {
            throw new AssertionError(c.diagnostics().all().toString());
        }
        return c.program().get();
    }

    private static Node slope(Program p, String law, LogSlope.Variable x) {
        return LogSlope.of(p.laws().get(law).body(), x);
    }

    private static double constant(Node n) {
        return assertInstanceOf(Node.Const.class, n, "a pure power law gives a constant slope").value();
    }

    @Test
    void purePowerLawsGiveExactExponents() {
        Program p = program("""
                damping nll = sqrt(pi) / 8 * 1e6 [cm/s] * k_par * (e / 1e-13 [erg cm^-3])
                damping turb = 1e-14 [1/s] * (k_par * 1 [pc])^0.5
                damping newd = 1e-14 [1/s] * (k_par * 1 [pc])^(1/4) * (e_cr / 1e-13 [erg cm^-3])
                source ext = 1e-30 [erg cm^-3 s^-1] * (k_par * 1 [au])^-0.2
                source lin = 1e-12 [1/s] * (k_par * 1 [au])^(2/3) * e
                """);
        assertEquals(1, constant(slope(p, "nll", LogSlope.Variable.K_PAR)), 1e-15);
        assertEquals(1, constant(slope(p, "nll", LogSlope.Variable.WAVE)), 1e-15);
        assertEquals(0, constant(slope(p, "nll", LogSlope.Variable.CR)), 1e-15);
        assertEquals(0.5, constant(slope(p, "turb", LogSlope.Variable.K_PAR)), 1e-15);
        assertEquals(0.25, constant(slope(p, "newd", LogSlope.Variable.K_PAR)), 1e-15);
        assertEquals(1, constant(slope(p, "newd", LogSlope.Variable.CR)), 1e-15);
        assertEquals(-0.2, constant(slope(p, "ext", LogSlope.Variable.K_PAR)), 1e-15);
        assertEquals(2.0 / 3, constant(slope(p, "lin", LogSlope.Variable.K_PAR)), 1e-15);
        assertEquals(1, constant(slope(p, "lin", LogSlope.Variable.WAVE)), 1e-15);
    }

    @Test
    void sumsOfDifferentPowersAreEvaluatedAndMatchAFiniteDifference() {
        Program p = program("damping mix = 1e-10 [1/s] * (k_par * 1 [pc])^0.5 + 3e-7 [1/s] * (k_par * 1 [pc])^0.1\n");
        Node s = slope(p, "mix", LogSlope.Variable.K_PAR);
        Resonance res = Resonance.of(Species.proton(), Constants.GV, 1e-6);
        double analytic = Interpreter.value(s, Env.of(ParameterSet.empty()).withResonance(res));
        double h = 1e-4;
        double up = Interpreter.value(p.laws().get("mix").body(), Env.of(ParameterSet.empty())
                .withResonance(Resonance.of(Species.proton(), Constants.GV, 1e-6 * Math.exp(h))));
        double down = Interpreter.value(p.laws().get("mix").body(), Env.of(ParameterSet.empty())
                .withResonance(Resonance.of(Species.proton(), Constants.GV, 1e-6 * Math.exp(-h))));
        assertEquals((Math.log(up) - Math.log(down)) / (2 * h), analytic, 1e-7);
    }

    @Test
    void resonanceKinematicsFollowRAtFixedField() {
        // beta at fixed B: d ln beta / d ln k = -1/gamma^2 (p ∝ 1/k); Omega = v/r_g: 1 - 1/gamma^2
        Program p = program("damping b = 1e-9 [1/s] * beta\ndamping o = 1e-12 * Omega\n");
        Resonance res = Resonance.of(Species.proton(), Constants.GV, 1e-6);
        Env env = Env.of(ParameterSet.empty()).withResonance(res);
        double g2 = res.gamma() * res.gamma();
        assertEquals(-1 / g2, Interpreter.value(slope(p, "b", LogSlope.Variable.K_PAR), env), 1e-14);
        assertEquals(1 - 1 / g2, Interpreter.value(slope(p, "o", LogSlope.Variable.K_PAR), env), 1e-14);
    }
}
