package org.crdl.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.crdl.Pipeline;
import org.crdl.codegen.ModelEmitter;
import org.crdl.ir.Program;
import org.crdl.load.ModelLoader;
import org.crdl.runtime.model.CompiledModel;
import org.crdl.runtime.particles.Resonance;
import org.crdl.runtime.plasma.PhaseModel;
import org.crdl.runtime.plasma.PhaseState;
import org.crdl.runtime.plasma.PlasmaQuantity;
import org.crdl.runtime.waves.CrState;
import org.crdl.runtime.waves.ScatteringModel;
import org.crdl.runtime.waves.WaveBalance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code crdl bench FILE --scattering S --phase P}: a quick in-process measurement (with
 * warm-up, medians of repeated batches) for people who do not run JMH. One evaluation is the
 * wave-balance residual S(e) − Γ(e)·e at the local equilibrium (for a phenomenological block:
 * bind + ν). compile_ms is the median of 20 warm text-to-loaded-class compilations.
 */
@Command(name = "bench", description = "Quick timing: interpreted vs generated evaluation, and compile latency.")
final class BenchCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE")
    Path file;

    @Option(names = "--scattering", paramLabel = "S", description = "scattering block (default: the only one)")
    String scattering;

    @Option(names = "--phase", paramLabel = "P", description = "phase (default: the only one; none for models without phases)")
    String phase;

    @Option(names = "--at", paramLabel = "R=1GV,species=p", description = "resonance point (default 1 GV protons)")
    String at;

    @Mixin
    RootsOption roots;

    @Override
    public Integer call() {
        Pipeline.Checked checked = Pipeline.check(file, roots.roots(file));
        Reporter.print(checked.diagnostics(), System.err);
        if (!checked.ok()) {
            return Main.MODEL_ERROR;
        }
        Program program = checked.program().get();
        String source = Pipeline.sourcePath(file);
        CompiledModel interpretedModel = Pipeline.build(program, source, Pipeline.Engine.INTERPRETED);
        CompiledModel compiledModel = Pipeline.build(program, source, Pipeline.Engine.COMPILED);
        EvalCommand.Point point = EvalCommand.Point.parse(at);
        String block = RatesCommand.pick(scattering, compiledModel.scatteringNames(), "scattering block", "--scattering",
                compiledModel.name());
        PhaseModel phaseModel = phase == null && compiledModel.phaseNames().length == 0 ? PhaseModel.none()
                : compiledModel.phase(RatesCommand.pick(phase, compiledModel.phaseNames(), "phase", "--phase",
                        compiledModel.name()), compiledModel.defaultParameters());
        PhaseState state = phaseModel.at(point.species(), point.rigidity());
        Resonance res = Resonance.of(point.species(), point.rigidity(), state.fieldOr("B", Double.NaN));
        CrState cr = CrState.fromPhase(state, res);
        ScatteringModel interpreted = interpretedModel.scattering(block, interpretedModel.defaultParameters());
        ScatteringModel compiled = compiledModel.scattering(block, compiledModel.defaultParameters());
        double e = Double.NaN;   // a phenomenological block has no wave energy: nu() is timed instead
        if (!compiled.info().phenomenological()) {
            WaveBalance.Solution sol = WaveBalance.solve(compiled, state, res, cr);
            e = sol.e() > 0 ? sol.e() : 1e-7 * PlasmaQuantity.E_B.of(state, res);
        }
        interpreted.bind(state, res, cr);
        // a structure block integrates over sizes in every bind: far fewer evaluations per batch
        boolean structures = compiled instanceof org.crdl.runtime.structures.PatchyScattering;
        double tInterpreted = nanosPerEval(interpreted, state, res, cr, e, structures ? 100 : 20_000);
        double tGenerated = nanosPerEval(compiled, state, res, cr, e, structures ? 500 : 2_000_000);
        System.out.printf("interpreted_ns_per_eval=%.1f%n", tInterpreted);
        System.out.printf("generated_ns_per_eval=%.2f%n", tGenerated);
        System.out.printf("speedup=%.1f%n", tInterpreted / tGenerated);
        System.out.printf("compile_ms=%.1f%n", compileMillis(source));
        return Main.OK;
    }

    private static double sink;

    /** Median over 7 batches of n evaluations, after a warm-up of 3 batches. */
    private static double nanosPerEval(ScatteringModel m, PhaseState state, Resonance res, CrState cr, double e, int n) {
        boolean phenomenological = m.info().phenomenological();
        double[] batches = new double[7];
        for (int b = -3; b < batches.length; b++) {
            long t0 = System.nanoTime();
            double acc = 0;
            for (int i = 0; i < n; i++) {
                double ei = e * (1 + (i & 1023) * 1e-12);
                if (phenomenological) {
                    m.bind(state, res, cr);
                    acc += m.nu();
                } else {
                    acc += m.sourceRate(ei) - m.dampingRate(ei) * ei;
                }
            }
            long t1 = System.nanoTime();
            sink += acc;
            if (b >= 0) {
                batches[b] = (t1 - t0) / (double) n;
            }
        }
        Arrays.sort(batches);
        return batches[batches.length / 2];
    }

    /** Median of 20 warm compilations, model text to loaded class (the cache is bypassed). */
    private double compileMillis(String source) {
        double[] ms = new double[20];
        for (int i = -5; i < ms.length; i++) {
            long t0 = System.nanoTime();
            Program p = Pipeline.check(file, roots.roots(file)).program().orElseThrow();
            ModelEmitter.Emitted emitted = Pipeline.emit(p, source);
            ModelLoader.compile(emitted);
            long t1 = System.nanoTime();
            if (i >= 0) {
                ms[i] = (t1 - t0) / 1e6;
            }
        }
        Arrays.sort(ms);
        return ms[ms.length / 2];
    }
}
