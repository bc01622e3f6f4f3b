package org.crdl.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.crdl.Pipeline;
import org.crdl.ir.Galaxy;
import org.crdl.ir.Program;
import org.crdl.run.EvolveRunner;
import org.crdl.run.GalaxyRunner;
import org.crdl.run.Progress;
import org.crdl.runtime.model.CompiledModel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One {@code crdl evolve} of the hopkins2022 reference model (models/hopkins2022/stability.crdl,
 * galaxy reference: 64 z cells × 40 rigidities, 0.1 GV–10 TV, high start, to t_max = 500 Myr),
 * with compiled and with interpreted scattering laws; the network on the final state included,
 * files not. Single shot per iteration (a run takes seconds).
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.SECONDS)
@BenchmarkMode(Mode.SingleShotTime)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(1)
public class EvolveBenchmark {
    @Param({"COMPILED", "INTERPRETED"})
    public String engine;

    private static final Path MODEL = Path.of("models/hopkins2022/stability.crdl");
    private Program program;
    private CompiledModel compiled;
    private Galaxy.Def galaxy;

    @Setup
    public void setUp() {
        program = Pipeline.check(MODEL).program().orElseThrow(
                () -> new IllegalStateException("run the benchmarks from the repository root"));
        compiled = Pipeline.build(program, MODEL.toString(), Pipeline.Engine.valueOf(engine));
        galaxy = GalaxyRunner.pick(program, "reference");
    }

    @Benchmark
    public EvolveRunner.Outcome evolve() {
        return new EvolveRunner(program, compiled, compiled.defaultParameters(), MODEL)
                .run(galaxy, List.of("high"), null, r -> { }, Progress.none());
    }
}
