package org.crdl.interp;

import java.util.ArrayList;
import java.util.List;
import org.crdl.ir.Program;
import org.crdl.runtime.params.ParameterSet;
import org.crdl.runtime.particles.Resonance;
import org.crdl.runtime.plasma.ModelException;
import org.crdl.runtime.plasma.PhaseState;
import org.crdl.runtime.waves.CrState;
import org.crdl.runtime.waves.ScatteringInfo;
import org.crdl.runtime.waves.ScatteringModel;

/** A scattering block run by the interpreter: every call evaluates the law trees afresh. */
public final class InterpretedScattering implements ScatteringModel {
    private final String model;
    private final Program.ScatteringDef def;
    private final ParameterSet params;
    private Env env;

    public InterpretedScattering(String model, Program.ScatteringDef def, ParameterSet params) {
        this.model = model;
        this.def = def;
        this.params = params;
    }

    @Override
    public String name() {
        return def.name();
    }

    @Override
    public ScatteringInfo info() {
        return info(model, def);
    }

    /** The static description of a scattering block (shared with the code generator). */
    public static ScatteringInfo info(String model, Program.ScatteringDef def) {
        List<String> sources = new ArrayList<>();
        def.sources().forEach(l -> sources.add(l.name()));
        List<String> dampings = new ArrayList<>();
        def.dampings().forEach(l -> dampings.add(l.name()));
        return new ScatteringInfo(model, def.name(), sources, dampings, def.nuHat(), def.phenomenological(),
                def.waveMode().keyword);
    }

    @Override
    public void bind(PhaseState phase, Resonance res, CrState cr) {
        env = Env.of(params).withPhase(phase).withResonance(res).withCr(cr);
    }

    private Env bound() {
        if (env == null) {
            throw new IllegalStateException("bind() first");
        }
        return env;
    }

    @Override
    public double sourceRate(double e) {
        Env at = bound().withWave(e);
        double sum = 0;
        for (Program.LawDef l : def.sources()) {
            sum += Interpreter.value(l.body(), at);
        }
        return sum;
    }

    @Override
    public double dampingRate(double e) {
        Env at = bound().withWave(e);
        double sum = 0;
        for (Program.LawDef l : def.dampings()) {
            sum += Interpreter.value(l.body(), at);
        }
        return sum;
    }

    @Override
    public double[] terms(double e) {
        Env at = bound().withWave(e);
        List<Program.LawDef> all = def.laws();
        double[] out = new double[all.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Interpreter.value(all.get(i).body(), at);
        }
        return out;
    }

    @Override
    public double nu() {
        if (def.nu().isEmpty()) {
            throw new ModelException("scattering " + def.name() + " has no phenomenological nu");
        }
        return Interpreter.value(def.nu().get(), bound());
    }
}
