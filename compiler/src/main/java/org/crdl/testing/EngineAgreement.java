package org.crdl.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
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

/**
 * Property check: generated code and the interpreter agree on random states of the model's own phases —
 * every phase field, and for every scattering block usable in the phase the source and damping rates, each
 * law and ν — to 1e-12 relative (a few ulps near zero), or both report the same error. States (rigidity
 * log-uniform in 1e-3–1e4 GV, a species, e/e_B log-uniform in 1e-12–1) come from a seeded generator: the
 * same seed gives the same states and the same verdict.
 */
final class EngineAgreement {
    static final double REL = 1e-12;
    private static final String[] SPECIES = {"p", "He", "C", "O", "B10", "Be10"};

    private EngineAgreement() {
    }

    /** The first disagreement found, or null; {@code tries} states per (block, phase) pair and per phase. */
    static String firstDisagreement(CompiledModel compiled, CompiledModel interpreted, long seed, int tries,
                                    int[] statesChecked) {
        ParameterSet params = compiled.defaultParameters();
        List<String> phases = new ArrayList<>(List.of(compiled.phaseNames()));
        if (phases.isEmpty()) {
            phases.add(null);
        }
        for (String phase : phases) {
            SplittableRandom phaseRandom = new SplittableRandom(seed ^ String.valueOf(phase).hashCode());
            for (int i = 0; phase != null && i < tries; i++) {
                State s = State.random(phaseRandom);
                statesChecked[0]++;
                String d = phaseFields(compiled, interpreted, params, phase, s);
                if (d != null) {
                    return d;
                }
            }
            for (String block : compiled.scatteringNames()) {
                if (!usable(interpreted, params, block, phase)) {
                    continue;
                }
                SplittableRandom random = new SplittableRandom(seed ^ (block + "/" + phase).hashCode());
                for (int i = 0; i < tries; i++) {
                    State s = State.random(random);
                    statesChecked[0]++;
                    String d = block(compiled, interpreted, params, block, phase, s);
                    if (d != null) {
                        return d;
                    }
                }
            }
        }
        return null;
    }

    /** A random resonance point and wave energy. */
    record State(double rigidityGV, String species, double eOverEB) {
        static State random(SplittableRandom r) {
            return new State(Math.pow(10, r.nextDouble(-3, 4)), SPECIES[r.nextInt(SPECIES.length)],
                    Math.pow(10, r.nextDouble(-12, 0)));
        }

        @Override
        public String toString() {
            return "R = " + rigidityGV + " GV, species " + species + ", e/e_B = " + eOverEB;
        }
    }

    private static String phaseFields(CompiledModel compiled, CompiledModel interpreted, ParameterSet params,
                                      String phase, State s) {
        Species sp = Species.byName(s.species()).orElseThrow();
        Outcome a = Outcome.of(() -> interpreted.phase(phase, params).at(sp, s.rigidityGV() * Constants.GV).fields());
        Outcome b = Outcome.of(() -> compiled.phase(phase, params).at(sp, s.rigidityGV() * Constants.GV).fields());
        return a.disagreement(b, "phase " + phase + " at " + s);
    }

    private static String block(CompiledModel compiled, CompiledModel interpreted, ParameterSet params, String block,
                                String phase, State s) {
        Species sp = Species.byName(s.species()).orElseThrow();
        double r = s.rigidityGV() * Constants.GV;
        Outcome a = Outcome.of(() -> evaluate(interpreted, params, block, phase, sp, r, s.eOverEB()));
        Outcome b = Outcome.of(() -> evaluate(compiled, params, block, phase, sp, r, s.eOverEB()));
        return a.disagreement(b, "scattering " + block + (phase == null ? "" : " in phase " + phase) + " at " + s);
    }

    /** Source rate, damping rate and every law (or ν), by name. */
    private static Map<String, Double> evaluate(CompiledModel m, ParameterSet params, String block, String phase,
                                                Species sp, double r, double eOverEB) {
        PhaseState state = phase == null ? new PhaseState("none", Map.of()) : m.phase(phase, params).at(sp, r);
        Resonance res = Resonance.of(sp, r, state.fieldOr("B", Double.NaN));
        ScatteringModel model = m.scattering(block, params);
        model.bind(state, res, CrState.fromPhase(state, res));
        java.util.LinkedHashMap<String, Double> out = new java.util.LinkedHashMap<>();
        if (model.info().phenomenological()) {
            out.put("nu", model.nu());
            return out;
        }
        double e = eOverEB * PlasmaQuantity.E_B.of(state, res);
        out.put("source rate", model.sourceRate(e));
        out.put("damping rate", model.dampingRate(e));
        double[] terms = model.terms(e);
        List<String> names = model.info().termNames();
        for (int i = 0; i < terms.length; i++) {
            out.put(i < names.size() ? names.get(i) : "term " + i, terms[i]);
        }
        return out;
    }

    /** A block that cannot be bound in a phase at all (a field it reads is missing) is not checked there. */
    private static boolean usable(CompiledModel m, ParameterSet params, String block, String phase) {
        try {
            evaluate(m, params, block, phase, Species.proton(), Constants.GV, 1e-7);
            return true;
        } catch (ModelException e) {
            return false;
        }
    }

    /** Values by name, or the message of the error reported. */
    record Outcome(Map<String, Double> values, String error) {
        interface Computation {
            Map<String, Double> run();
        }

        static Outcome of(Computation c) {
            try {
                return new Outcome(c.run(), null);
            } catch (ModelException e) {
                return new Outcome(null, e.getMessage());
            }
        }

        /** Null when this (interpreted) and {@code compiled} agree, else the difference. */
        String disagreement(Outcome compiled, String where) {
            if (error != null || compiled.error != null) {
                return java.util.Objects.equals(error, compiled.error) ? null : where + ": interpreted "
                        + (error == null ? "gives values" : "reports '" + error + "'") + ", compiled "
                        + (compiled.error == null ? "gives values" : "reports '" + compiled.error + "'");
            }
            if (!values.keySet().equals(compiled.values.keySet())) {
                return where + ": interpreted gives " + values.keySet() + ", compiled " + compiled.values.keySet();
            }
            for (Map.Entry<String, Double> e : values.entrySet()) {
                double x = e.getValue();
                double y = compiled.values.get(e.getKey());
                if (!close(x, y)) {
                    return where + ": " + e.getKey() + " interpreted " + x + ", compiled " + y;
                }
            }
            return null;
        }
    }

    static boolean close(double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return Double.isNaN(a) && Double.isNaN(b);
        }
        if (Double.isInfinite(a) || Double.isInfinite(b)) {
            return a == b;
        }
        return Math.abs(a - b) <= REL * Math.max(Math.abs(a), Math.abs(b)) + 4 * Math.ulp(Math.max(Math.abs(a),
                Math.abs(b))) + Double.MIN_NORMAL;
    }
}
