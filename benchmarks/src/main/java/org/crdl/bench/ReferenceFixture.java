package org.crdl.bench;

import java.nio.file.Path;
import org.crdl.Pipeline;
import org.crdl.ir.Program;
import org.crdl.runtime.model.CompiledModel;
import org.crdl.runtime.particles.Resonance;
import org.crdl.runtime.particles.Species;
import org.crdl.runtime.plasma.PhaseState;
import org.crdl.runtime.units.Constants;
import org.crdl.runtime.waves.CrState;
import org.crdl.runtime.waves.ScatteringModel;
import org.crdl.runtime.waves.WaveBalance;

/**
 * The hopkins2022 reference model bound to its fiducial phase at R = 1 GV, in four
 * implementations: interpreter, Janino-compiled generated code, javac-compiled generated
 * code (the golden class in generated/), and the hand-written Java of {@link HandWrittenReference}.
 */
public final class ReferenceFixture {
    public static final Path MODEL = Path.of("models/hopkins2022/reference.crdl");
    public static final String PHASE = "lism_fiducial";

    public final Program program;
    public final CompiledModel interpretedModel;
    public final CompiledModel janinoModel;
    public final CompiledModel javacModel = new org.crdl.generated.hopkins2022.ReferenceModel();
    public final PhaseState phase;
    public final Resonance resonance;
    public final CrState cr;
    /** the local equilibrium wave energy [erg cm^-3] */
    public final double e;

    public ReferenceFixture() {
        Pipeline.Checked checked = Pipeline.check(MODEL);
        if (!checked.ok()) {
            throw new IllegalStateException("run the benchmarks from the repository root: " + checked.diagnostics().all());
        }
        program = checked.program().get();
        interpretedModel = Pipeline.build(program, MODEL.toString(), Pipeline.Engine.INTERPRETED);
        janinoModel = Pipeline.build(program, MODEL.toString(), Pipeline.Engine.COMPILED);
        phase = interpretedModel.phase(PHASE, interpretedModel.defaultParameters()).at(Species.proton(), Constants.GV);
        resonance = Resonance.of(Species.proton(), Constants.GV, phase.field("B"));
        cr = CrState.fromPhase(phase, resonance);
        e = WaveBalance.solve(bound(interpretedModel), phase, resonance, cr).e();
    }

    public ScatteringModel bound(CompiledModel m) {
        ScatteringModel s = m.scattering("reference", m.defaultParameters());
        s.bind(phase, resonance, cr);
        return s;
    }

    public ScatteringModel handWritten() {
        ScatteringModel s = new HandWrittenReference();
        s.bind(phase, resonance, cr);
        return s;
    }
}
