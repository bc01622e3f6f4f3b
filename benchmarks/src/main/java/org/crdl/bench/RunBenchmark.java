package org.crdl.bench;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.crdl.Pipeline;
import org.crdl.ir.Galaxy;
import org.crdl.ir.Program;
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
 * Warm in-process transport solve of {@code crdl run} (model checked and compiled once; the
 * galaxy solved per call: every species of the network on the model's energy grid, with
 * spallation, decay and losses). Modulation, χ², files and plots are not included. The reference
 * flat halo has 12 species on 121 energies (0.01–1e4 GeV/n, 20 per decade); dragon2_base the full
 * network (88 species to Ni, Evoli + Webber tables read per call) on 102 energies with whole-halo reacceleration.
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@BenchmarkMode(Mode.AverageTime)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RunBenchmark {
    @Param({"models/reference/flat_halo.crdl", "models/reference/dragon2_base.crdl", "models/kempski2022/two_phase.crdl"})
    public String model;

    private Program program;
    private CompiledModel compiled;
    private Galaxy.Def galaxy;

    @Setup
    public void setUp() {
        Path file = Path.of(model);
        program = Pipeline.check(file).program().orElseThrow(
                () -> new IllegalStateException("run the benchmarks from the repository root"));
        compiled = Pipeline.build(program, file.toString(), Pipeline.Engine.COMPILED);
        galaxy = GalaxyRunner.pick(program, null);
    }

    @Benchmark
    public GalaxyRunner.Result solve() {
        return new GalaxyRunner(program, compiled, compiled.defaultParameters(), Path.of(model))
                .run(galaxy, Progress.none());
    }
}
