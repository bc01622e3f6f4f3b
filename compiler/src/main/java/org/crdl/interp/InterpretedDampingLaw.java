package org.crdl.interp;

import org.crdl.ir.Program;
import org.crdl.runtime.params.ParameterSet;
import org.crdl.runtime.plasma.PhaseState;
import org.crdl.runtime.turbulence.DampingLaw;

/** A fast-mode damping law run by the interpreter (immutable after bind, so it may be shared by threads). */
public final class InterpretedDampingLaw implements DampingLaw {
    private final Program.LawDef law;
    private final ParameterSet params;
    private volatile Env env;

    public InterpretedDampingLaw(Program.LawDef law, ParameterSet params) {
        this.law = law;
        this.params = params;
    }

    @Override
    public String name() {
        return law.name();
    }

    @Override
    public void bind(PhaseState phase) {
        env = Env.of(params).withPhase(phase);
    }

    @Override
    public double rate(double k, double cosTheta) {
        return Interpreter.value(law.body(), env.withWaveVector(k, cosTheta));
    }
}
