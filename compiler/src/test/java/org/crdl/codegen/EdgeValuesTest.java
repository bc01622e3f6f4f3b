package org.crdl.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.crdl.Pipeline;
import org.crdl.diag.SourceFile;
import org.crdl.ir.Program;
import org.crdl.runtime.model.CompiledModel;
import org.crdl.runtime.particles.Resonance;
import org.crdl.runtime.particles.Species;
import org.crdl.runtime.plasma.PhaseState;
import org.crdl.runtime.units.Constants;
import org.junit.jupiter.api.Test;

/** Edge values: both engines give the same finite value, the same infinity, or the same clear error. */
class EdgeValuesTest {
    private static final String MODEL = """
            phase p { n = 1 [cm^-3]  T = 1e4 [K]  B = 1 [uG]  f_ion = 0.5  ell_A = 10 [pc]  e_cr = 1 [eV cm^-3]  ell_grad = 1 [kpc] }
            damping ion = 1e-9 [1/s] * f_neutral * sqrt(T / 1000 [K]) * rho / 1e-24 [g cm^-3]
            damping alfven = v_A_ion / ell_A * (k_par * ell_A)^0.5
            damping nll = sqrt(pi) / 8 * c_s * k_par * e / e_B
            damping steep = 1e-30 [1/s] * (k_par * ell_A)^40
            damping shallow = 1e30 [1/s] * (k_par * ell_A)^-40
            source sc = v_A_eff * P_cr / ell_grad
            source floor = 1e-40 [erg cm^-3 s^-1] * exp(-(k_par * ell_A)^0.01)
            scattering edge { sources sc, floor  damping ion, alfven, nll, steep, shallow }
            """;

    private final Program program = Pipeline.check(SourceFile.inMemory("edge.crdl", MODEL)).program().orElseThrow();
    private final CompiledModel compiled = Pipeline.build(program, "edge.crdl", Pipeline.Engine.COMPILED);
    private final CompiledModel interpreted = Pipeline.build(program, "edge.crdl", Pipeline.Engine.INTERPRETED);

    private CompiledVsInterpretedTest.Outcome[] both(Map<String, Double> overrides, double rigidityGV, double e) {
        PhaseState base = interpreted.phase("p", interpreted.defaultParameters()).at(Species.proton(),
                rigidityGV * Constants.GV);
        Map<String, Double> f = new HashMap<>(base.fields());
        f.putAll(overrides);
        PhaseState phase = new PhaseState("p", f);
        Resonance res = Resonance.of(Species.proton(), rigidityGV * Constants.GV, f.get("B"));
        return new CompiledVsInterpretedTest.Outcome[] {
            CompiledVsInterpretedTest.Outcome.of(interpreted.scattering("edge", interpreted.defaultParameters()),
                    phase, res, e),
            CompiledVsInterpretedTest.Outcome.of(compiled.scattering("edge", compiled.defaultParameters()),
                    phase, res, e)};
    }

    @Test
    void zeroFieldIsTheSameClearError() {
        CompiledVsInterpretedTest.Outcome[] o = both(Map.of("B", 0.0), 1, 1e-20);
        CompiledVsInterpretedTest.assertAgree(o[0], o[1], "B = 0");
        assertNotNull(o[0].error());
        assertTrue(o[0].error().contains("no gyroresonance"), o[0].error());
    }

    @Test
    void fullyNeutralGasIsTheSameClearError() {
        CompiledVsInterpretedTest.Outcome[] o = both(Map.of("f_ion", 0.0), 1, 1e-20);
        CompiledVsInterpretedTest.assertAgree(o[0], o[1], "f_ion = 0");
        assertTrue(o[0].error().contains("f_ion = 0"), o[0].error());
    }

    @Test
    void fullyIonizedGasGivesFiniteEqualValues() {
        CompiledVsInterpretedTest.Outcome[] o = both(Map.of("f_ion", 1.0), 1, 1e-20);
        CompiledVsInterpretedTest.assertAgree(o[0], o[1], "f_ion = 1");
        assertNull(o[0].error());
        assertEquals(0.0, o[0].values()[2 + 2], "ion-neutral damping vanishes");
    }

    @Test
    void hugeAndTinyExponentsOverflowAlike() {
        for (double gv : new double[] {1e-3, 1, 1e4}) {
            CompiledVsInterpretedTest.Outcome[] o = both(Map.of(), gv, 1e-20);
            CompiledVsInterpretedTest.assertAgree(o[0], o[1], "R = " + gv + " GV");
        }
        CompiledVsInterpretedTest.Outcome[] o = both(Map.of(), 1e-3, 1e-20);
        assertTrue(Double.isInfinite(o[0].values()[1]), "(k ell_A)^40 overflows at 1 MV: " + o[0].values()[1]);
    }

    @Test
    void zeroWaveEnergyAndEmptyGas() {
        CompiledVsInterpretedTest.Outcome[] o = both(Map.of(), 1, 0.0);
        CompiledVsInterpretedTest.assertAgree(o[0], o[1], "e = 0");
        CompiledVsInterpretedTest.Outcome[] empty = both(Map.of("n", 0.0), 1, 1e-20);
        CompiledVsInterpretedTest.assertAgree(empty[0], empty[1], "n = 0");
    }
}
