package org.crdl.interp;

import java.util.LinkedHashMap;
import java.util.Map;
import org.crdl.ir.Program;
import org.crdl.runtime.params.ParameterSet;
import org.crdl.runtime.particles.Resonance;
import org.crdl.runtime.particles.Species;
import org.crdl.runtime.plasma.PhaseModel;
import org.crdl.runtime.plasma.PhaseState;

/**
 * A phase evaluated by the interpreter: fields in dependency order, the rigidity-independent
 * ones once, the others at every call of {@link #at}.
 */
public final class InterpretedPhase implements PhaseModel {
    private final Program.PhaseDef def;
    private final ParameterSet params;
    private Map<String, Double> staticFields;

    public InterpretedPhase(Program.PhaseDef def, ParameterSet params) {
        this.def = def;
        this.params = params;
    }

    @Override
    public String name() {
        return def.name();
    }

    @Override
    public PhaseState at(Species species, double rigidityStatV) {
        if (staticFields == null) {
            staticFields = evaluate(null, false);
        }
        if (def.fields().stream().noneMatch(Program.FieldDef::rigidityDependent)) {
            return new PhaseState(def.name(), staticFields);
        }
        double b = staticFields.getOrDefault("B", Double.NaN);
        return new PhaseState(def.name(), evaluate(Resonance.of(species, rigidityStatV, b), true));
    }

    /** Static fields only ({@code dynamic} false), or the static values plus the rigidity-dependent fields. */
    private Map<String, Double> evaluate(Resonance res, boolean dynamic) {
        Map<String, Double> fields = dynamic ? new LinkedHashMap<>(staticFields) : new LinkedHashMap<>();
        for (Program.FieldDef f : def.fields()) {
            if (f.rigidityDependent() != dynamic) {
                continue;
            }
            Env env = Env.of(params).withPhase(new PhaseState(def.name(), fields)).withResonance(res);
            fields.put(f.name(), Interpreter.value(f.value(), env));
        }
        return fields;
    }
}
