package org.crdl.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.crdl.Pipeline;
import org.crdl.ir.Program;
import org.crdl.run.TurbulenceRunner;
import org.crdl.runtime.model.CompiledModel;
import org.crdl.runtime.particles.Species;
import org.crdl.runtime.turbulence.Environments;
import org.crdl.runtime.turbulence.QuadratureSettings;
import org.crdl.runtime.turbulence.QuasiLinearScattering;
import org.crdl.runtime.turbulence.SpatialDiffusion;
import org.crdl.runtime.turbulence.TurbulenceEnvironment;
import org.crdl.runtime.waves.Rates;
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
 * One D_xx(R) curve — 60 rigidities, 0.1 GV–100 TV, standard (convergence-checked) quadrature,
 * on one thread (or {@code -p threads=2}) — with the fast-mode damping written three ways: the runtime's hand-written
 * Java ({@link Environments}), the model's CRDL damping laws compiled by Janino, and the same
 * laws interpreted. Everything else (cascade, resonance functions, Bessel tables, μ/ξ/x
 * integrals) is shared, so the ratios show what generated code buys in the innermost loop:
 * the truncation search that evaluates the damping law a few 10⁵ times per environment.
 * <p>
 * Environments: fornieri2021 disk with the authors' code conventions (viscous + collisionless)
 * and the kempski2022 Sec. 4.2 warm ISM (θ-averaged viscous/collisionless switch).
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@BenchmarkMode(Mode.SingleShotTime)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(1)
public class TurbulenceBenchmark {
    @Param({"fornieri_disk_code2020", "kempski_warm_ism"})
    public String environment;

    @Param({"hand_written", "compiled", "interpreted"})
    public String damping;

    /** threads over the rigidity grid (crdl turbulence uses 2); run with -p threads=2 for the CLI's setting */
    @Param({"1"})
    public int threads;

    private TurbulenceEnvironment env;
    private double[] grid;

    @Setup
    public void setUp() {
        grid = Rates.logGrid(0.1, 1e5, 60);
        boolean fornieri = environment.startsWith("fornieri");
        if (damping.equals("hand_written")) {
            env = fornieri ? Environments.fornieriDiskCode2020() : Environments.kempskiWarmIsm();
            return;
        }
        Path file = Path.of(fornieri ? "models/fornieri2021/turbulence.crdl" : "models/kempski2022/turbulence.crdl");
        Program program = Pipeline.check(file).program().orElseThrow(
                () -> new IllegalStateException("run the benchmarks from the repository root"));
        CompiledModel model = Pipeline.build(program, file.toString(),
                damping.equals("compiled") ? Pipeline.Engine.COMPILED : Pipeline.Engine.INTERPRETED);
        env = TurbulenceRunner.environment(model, model.defaultParameters(),
                TurbulenceRunner.pick(program, fornieri ? "disk_code2020" : "warm_ism_fast_modes"));
    }

    /** A fresh solver each time: the truncation table (where the damping law runs) is rebuilt. */
    @Benchmark
    public List<SpatialDiffusion> curve() {
        return new QuasiLinearScattering(env, Species.proton(), QuadratureSettings.standard()).curve(grid, threads);
    }
}
