package org.crdl.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.crdl.Pipeline;
import org.crdl.runtime.model.CompiledModel;
import org.crdl.runtime.turbulence.DampingLaw;
import org.crdl.runtime.params.ParameterSet;
import org.crdl.runtime.particles.Resonance;
import org.crdl.runtime.plasma.PhaseModel;
import org.crdl.runtime.plasma.PhaseState;
import org.crdl.runtime.units.Constants;
import org.crdl.runtime.waves.CrState;
import org.crdl.runtime.waves.ScatteringInfo;
import org.crdl.runtime.waves.ScatteringModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compiled-vs-interpreted property check finds a deliberately divergent engine (an "interpreter" whose ν is
 * 1e-6 too large above 300 GV, a sliver of the random states), reports the seed and the state, and the same seed
 * gives the same failing state again; the honest engines agree.
 */
class SeededPropertyCheckTest {
    @TempDir
    Path dir;

    private Path model() throws IOException {
        Path m = dir.resolve("tiny.crdl");
        Files.writeString(m, "model tiny\nscattering s { nu = 1e-9 [1/s] * beta * (R / 1 [GV])^(-0.5) }\n");
        return m;
    }

    /** Builds the real engines, but the interpreted one returns ν(1 + 1e-6) above 300 GV. */
    private static CompiledModel build(org.crdl.ir.Program program, String source, Pipeline.Engine engine) {
        CompiledModel real = Pipeline.build(program, source, engine);
        return engine == Pipeline.Engine.COMPILED ? real : new Divergent(real);
    }

    private List<CheckResult> run(Path m, long seed, ModelTestSuite.ModelBuilder builder) {
        return new ModelTestSuite(ModelTestSuite.Options.of(List.of(m), seed).only(CheckResult.Category.ENGINES)
                .withBuilder(builder)).run(r -> {
        });
    }

    @Test
    void aDivergentEngineIsFoundAndTheSeedReproducesTheFailure() throws IOException {
        Path m = model();
        List<CheckResult> first = run(m, 1234, SeededPropertyCheckTest::build);
        assertEquals(1, first.size());
        CheckResult f = first.get(0);
        assertTrue(!f.passed(), f.line());
        assertTrue(f.name().contains("seed 1234"), f.name());
        assertTrue(f.message().contains("scattering s at R = ") && f.message().contains("nu interpreted ")
                && f.message().contains("--seed 1234"), f.message());
        double r = Double.parseDouble(f.message().replaceAll(".* at R = (\\S+) GV.*", "$1"));
        assertTrue(r > 300, "the failing state lies where the engines differ: " + r + " GV");

        assertEquals(f.message(), run(m, 1234, SeededPropertyCheckTest::build).get(0).message(), "same seed, same state");
        CheckResult other = run(m, 99, SeededPropertyCheckTest::build).get(0);
        assertTrue(!other.passed());
        assertNotEquals(f.message(), other.message(), "another seed draws other states");
    }

    @Test
    void theRealEnginesAgree() throws IOException {
        CheckResult r = run(model(), 1234, Pipeline::build).get(0);
        assertTrue(r.passed(), r.line());
        assertEquals("100 states agree to 1.0E-12 relative", r.message());
    }

    @Test
    void theComparisonOfValuesCanFail() {
        assertTrue(EngineAgreement.close(1.0, 1.0 + 1e-13));
        assertTrue(!EngineAgreement.close(1.0, 1.0 + 1e-10));
        assertTrue(EngineAgreement.close(0.0, 1e-320), "a few ulps near zero");
        assertTrue(!EngineAgreement.close(Double.NaN, 1.0));
        assertTrue(EngineAgreement.close(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY));
    }

    /** A model that delegates to a real one, with ν 1e-6 too large above 300 GV. */
    private record Divergent(CompiledModel real) implements CompiledModel {
        public String name() {
            return real.name();
        }

        public String sourceHash() {
            return real.sourceHash();
        }

        public ParameterSet defaultParameters() {
            return real.defaultParameters();
        }

        public String[] phaseNames() {
            return real.phaseNames();
        }

        public String[] scatteringNames() {
            return real.scatteringNames();
        }

        public PhaseModel phase(String name, ParameterSet parameters) {
            return real.phase(name, parameters);
        }

        public ScatteringModel scattering(String name, ParameterSet parameters) {
            ScatteringModel s = real.scattering(name, parameters);
            return new ScatteringModel() {
                private double rigidity;

                public String name() {
                    return s.name();
                }

                public ScatteringInfo info() {
                    return s.info();
                }

                public void bind(PhaseState phase, Resonance res, CrState cr) {
                    rigidity = res.rigidity();
                    s.bind(phase, res, cr);
                }

                public double sourceRate(double e) {
                    return s.sourceRate(e);
                }

                public double dampingRate(double e) {
                    return s.dampingRate(e);
                }

                public double[] terms(double e) {
                    return s.terms(e);
                }

                public double nu() {
                    return s.nu() * (rigidity > 300 * Constants.GV ? 1 + 1e-6 : 1);
                }
            };
        }

        public String[] dampingLawNames() {
            return real.dampingLawNames();
        }

        public DampingLaw dampingLaw(String name, ParameterSet parameters) {
            return real.dampingLaw(name, parameters);
        }
    }
}
