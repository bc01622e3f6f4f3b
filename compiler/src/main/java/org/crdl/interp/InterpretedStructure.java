package org.crdl.interp;

import org.crdl.ir.Node;
import org.crdl.ir.Structures;
import org.crdl.runtime.params.ParameterSet;
import org.crdl.runtime.particles.Resonance;
import org.crdl.runtime.plasma.PhaseState;
import org.crdl.runtime.structures.Structure;
import org.crdl.runtime.structures.StructureInfo;

/** A {@code structure} run by the interpreter: every law evaluated from the typed IR at each call. */
public final class InterpretedStructure implements Structure {
    private final Structures.Def def;
    private final StructureInfo info;
    private final ParameterSet params;
    private Env env;

    public InterpretedStructure(Structures.Def def, ParameterSet params) {
        this.def = def;
        this.params = params;
        this.info = StructureInfo.of(def.name(), def.dimensionality(), def.range(), def.filling(),
                def.densityRatio().isPresent(), def.phase());
    }

    @Override
    public StructureInfo info() {
        return info;
    }

    @Override
    public void bind(PhaseState phase, Resonance res) {
        env = Env.of(params).withPhase(phase).withResonance(res);
    }

    @Override
    public double sizeMin() {
        return Interpreter.value(def.sizeMin(), env);
    }

    @Override
    public double sizeMax() {
        return Interpreter.value(def.sizeMax(), env);
    }

    @Override
    public double longAxis(double ellS) {
        return at(def.longAxis(), ellS);
    }

    @Override
    public double abundance(double ellS) {
        return at(def.abundance(), ellS);
    }

    @Override
    public double opticalDepth(double ellS) {
        return at(def.opticalDepth(), ellS);
    }

    @Override
    public double densityRatio(double ellS) {
        return def.densityRatio().map(n -> at(n, ellS)).orElse(Double.NaN);
    }

    @Override
    public double scaleHeight() {
        return def.scaleHeight().map(n -> Interpreter.value(n, env)).orElse(Double.NaN);
    }

    private double at(Node n, double ellS) {
        return Interpreter.value(n, env.withSize(ellS));
    }
}
