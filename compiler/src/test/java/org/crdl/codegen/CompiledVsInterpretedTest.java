package org.crdl.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.crdl.Models;
import org.crdl.Pipeline;
import org.crdl.runtime.model.CompiledModel;
import org.crdl.runtime.params.ParameterSet;
import org.crdl.runtime.particles.Resonance;
import org.crdl.runtime.particles.Species;
import org.crdl.runtime.plasma.ModelException;
import org.crdl.runtime.plasma.PhaseState;
import org.crdl.runtime.plasma.PlasmaQuantity;
import org.crdl.runtime.units.Constants;
import org.crdl.runtime.waves.CrState;
import org.crdl.runtime.waves.ScatteringModel;
import org.junit.jupiter.api.Test;

/**
 * Generated code (Janino) and the interpreter agree to 1e-12 relative (or a few ulps near
 * zero) for every scattering block and law in models/, on random phases, rigidities, species
 * and wave energies over physically wide ranges — or both fail with the same message.
 */
class CompiledVsInterpretedTest {
    private static final double REL = 1e-12;

    /** One scattering block of one model bound to one of its phases. */
    record Case(String file, CompiledModel compiled, CompiledModel interpreted, String scattering, String phase) {
        @Override
        public String toString() {
            return file + ": scattering " + scattering + " in phase " + phase;
        }
    }

    /** A random plasma state and resonance point. */
    record State(double n, double t, double bMicroGauss, double fIon, double rigidityGV, String species,
                 double eOverEB) {
    }

    private static List<Case> cases;

    static synchronized List<Case> cases() {
        if (cases != null) {
            return cases;
        }
        List<Case> out = new ArrayList<>();
        for (Path file : Models.all()) {
            Pipeline.Checked c = Pipeline.check(file);
            CompiledModel compiled = Pipeline.build(c.program().get(), file.toString(), Pipeline.Engine.COMPILED);
            CompiledModel interpreted = Pipeline.build(c.program().get(), file.toString(), Pipeline.Engine.INTERPRETED);
            for (String s : compiled.scatteringNames()) {
                if (compiled.phaseNames().length == 0) {
                    out.add(new Case(file.toString(), compiled, interpreted, s, null));
                }
                for (String p : compiled.phaseNames()) {
                    if (worksAtReference(interpreted, s, p)) {
                        out.add(new Case(file.toString(), compiled, interpreted, s, p));
                    }
                }
            }
        }
        cases = out;
        return out;
    }

    /** A phase that lacks a field the block reads cannot be used for this block at all. */
    private static boolean worksAtReference(CompiledModel m, String s, String p) {
        try {
            ParameterSet params = m.defaultParameters();
            PhaseState phase = m.phase(p, params).at(Species.proton(), Constants.GV);
            Resonance res = Resonance.of(Species.proton(), Constants.GV, phase.field("B"));
            ScatteringModel model = m.scattering(s, params);
            model.bind(phase, res, CrState.fromPhase(phase, res));
            if (model.info().phenomenological()) {
                model.nu();
            } else {
                model.terms(1e-7 * PlasmaQuantity.E_B.of(phase, res));
            }
            return true;
        } catch (ModelException e) {
            return false;
        }
    }

    @Test
    void everyScatteringBlockInTheModelsIsCovered() {
        Map<String, Integer> perBlock = new HashMap<>();
        for (Path file : Models.all()) {
            CompiledModel m = Pipeline.build(Pipeline.check(file).program().get(), file.toString(),
                    Pipeline.Engine.INTERPRETED);
            for (String s : m.scatteringNames()) {
                perBlock.put(file + ":" + s, 0);
            }
        }
        cases().forEach(c -> perBlock.merge(c.file() + ":" + c.scattering(), 1, Integer::sum));
        perBlock.forEach((block, n) -> assertTrue(n > 0, block + " has no phase it can be evaluated in"));
        assertTrue(perBlock.size() >= 15, "scattering blocks found: " + perBlock.size());
    }

    @Provide
    Arbitrary<Case> blocks() {
        return Arbitraries.of(cases());
    }

    private static Arbitrary<Double> logUniform(double lo, double hi) {
        return Arbitraries.doubles().between(Math.log10(lo), Math.log10(hi)).ofScale(6).map(x -> Math.pow(10, x));
    }

    @Provide
    Arbitrary<State> states() {
        return Combinators.combine(logUniform(1e-4, 1e4), logUniform(10, 1e7), logUniform(0.1, 100),
                Arbitraries.doubles().between(0.001, 1.0).ofScale(6), logUniform(1e-3, 1e4),
                Arbitraries.of("p", "He", "C", "B10", "Be10", "O"), logUniform(1e-12, 1))
                .as(State::new);
    }

    @Property(tries = 4000)
    void compiledAndInterpretedAgree(@ForAll("blocks") Case c, @ForAll("states") State s) {
        ParameterSet params = c.compiled().defaultParameters();
        Species species = Species.byName(s.species()).orElseThrow();
        double r = s.rigidityGV() * Constants.GV;
        PhaseState base = c.phase() == null ? new PhaseState("random", Map.of())
                : c.interpreted().phase(c.phase(), params).at(species, r);
        Map<String, Double> fields = new HashMap<>(base.fields());
        fields.put("n", s.n());
        fields.put("T", s.t());
        fields.put("B", s.bMicroGauss() * 1e-6);
        fields.put("f_ion", s.fIon());
        PhaseState phase = new PhaseState(base.name(), fields);
        Resonance res = Resonance.of(species, r, phase.field("B"));
        double e = s.eOverEB() * PlasmaQuantity.E_B.of(phase, res);
        Outcome compiled = Outcome.of(c.compiled().scattering(c.scattering(), params), phase, res, e);
        Outcome interpreted = Outcome.of(c.interpreted().scattering(c.scattering(), params), phase, res, e);
        assertAgree(interpreted, compiled, c + " at " + s);
        Statistics.label("outcome").collect(interpreted.error() == null ? "values" : "error");
        Statistics.label("outcome").coverage(check -> check.check("values").percentage(p -> p > 90));
    }

    @Property(tries = 1000)
    void compiledAndInterpretedPhasesAgree(@ForAll("blocks") Case c, @ForAll("states") State s) {
        if (c.phase() == null) {
            return;
        }
        ParameterSet params = c.compiled().defaultParameters();
        Species species = Species.byName(s.species()).orElseThrow();
        double r = s.rigidityGV() * Constants.GV;
        Map<String, Double> a = c.interpreted().phase(c.phase(), params).at(species, r).fields();
        Map<String, Double> b = c.compiled().phase(c.phase(), params).at(species, r).fields();
        assertEquals(a.keySet(), b.keySet(), c.phase());
        a.forEach((k, v) -> assertClose(v, b.get(k), c + " field " + k + " at " + s));
    }

    /** Everything a block computes at one state, or the message of the error it reports. */
    record Outcome(double[] values, String error) {
        static Outcome of(ScatteringModel m, PhaseState phase, Resonance res, double e) {
            try {
                m.bind(phase, res, CrState.fromPhase(phase, res));
                if (m.info().phenomenological()) {
                    return new Outcome(new double[] {m.nu()}, null);
                }
                double[] terms = m.terms(e);
                double[] all = new double[terms.length + 2];
                all[0] = m.sourceRate(e);
                all[1] = m.dampingRate(e);
                System.arraycopy(terms, 0, all, 2, terms.length);
                return new Outcome(all, null);
            } catch (ModelException ex) {
                return new Outcome(null, ex.getMessage());
            }
        }
    }

    static void assertAgree(Outcome expected, Outcome actual, String where) {
        if (expected.error() != null || actual.error() != null) {
            assertEquals(expected.error(), actual.error(), "same clear error: " + where);
            return;
        }
        assertEquals(expected.values().length, actual.values().length, where);
        for (int i = 0; i < expected.values().length; i++) {
            assertClose(expected.values()[i], actual.values()[i], where + " value #" + i);
        }
    }

    static void assertClose(double a, double b, String where) {
        if (Double.isNaN(a) || Double.isNaN(b)) {
            assertTrue(Double.isNaN(a) && Double.isNaN(b), where + ": " + a + " vs " + b);
            return;
        }
        if (Double.isInfinite(a) || Double.isInfinite(b)) {
            assertEquals(a, b, where);
            return;
        }
        double scale = Math.max(Math.abs(a), Math.abs(b));
        double tolerance = Math.max(REL * scale, 8 * Math.ulp(scale));
        assertFalse(Math.abs(a - b) > tolerance, where + ": interpreted " + a + " vs compiled " + b);
    }
}
