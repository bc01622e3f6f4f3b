package org.crdl.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.crdl.Pipeline;
import org.crdl.ir.Galaxy;
import org.crdl.ir.Program;
import org.crdl.run.Evaluator;
import org.crdl.run.GalaxyRunner;
import org.crdl.run.Progress;
import org.crdl.run.RunRequest;
import org.crdl.runtime.fit.GridScan;
import org.crdl.runtime.fit.ProgressMeter;
import org.crdl.runtime.model.CompiledModel;

/**
 * Timing harness for issue 14 (not a JMH benchmark: it interleaves the variants so a shared,
 * loaded machine slows them alike, and reports ratios): a warm {@code crdl run} solve of the
 * reference flat halo as RunCommand does it (GalaxyRunner, network rebuilt, no χ²) against a warm
 * {@link Evaluator#evaluate} (network prepared once, χ² against B/C), then the evaluator's
 * throughput on one thread and on all cores.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar org.crdl.bench.FitTiming [ROUNDS]</pre>
 */
public final class FitTiming {
    private FitTiming() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        Path file = Path.of("models/reference/flat_halo.crdl");
        Program program = Pipeline.check(file).program().orElseThrow();
        CompiledModel model = Pipeline.build(program, file.toString(), Pipeline.Engine.COMPILED);
        Galaxy.Def g = GalaxyRunner.pick(program, null);
        Evaluator ev = Evaluator.compile(RunRequest.of(file, null, false, Map.of(), List.of("D0", "delta"),
                List.of("B/C"), List.of()));
        double[] x = {1.05e28, 0.49};
        for (int i = 0; i < rounds / 2; i++) {
            new GalaxyRunner(program, model, model.defaultParameters(), file).run(g, Progress.none());
            ev.evaluate(x);
        }
        long run = 0;
        long eval = 0;
        for (int i = 0; i < rounds; i++) {
            long t0 = System.nanoTime();
            new GalaxyRunner(program, model, model.defaultParameters(), file).run(g, Progress.none());
            long t1 = System.nanoTime();
            ev.evaluate(x);
            long t2 = System.nanoTime();
            run += t1 - t0;
            eval += t2 - t1;
        }
        System.out.printf("crdl run solve (GalaxyRunner, network rebuilt): %.2f ms%n", run / 1e6 / rounds);
        System.out.printf("fit/scan evaluation (Evaluator, transport + B/C chi2): %.2f ms (%.2fx the run solve)%n",
                eval / 1e6 / rounds, (double) eval / run);
        int cores = Runtime.getRuntime().availableProcessors();
        double[][] grid = new double[rounds * cores][];
        for (int k = 0; k < grid.length; k++) {
            grid[k] = new double[] {0.9e28 + 1e25 * (k % 50), 0.45 + 0.001 * (k % 60)};
        }
        long s0 = System.nanoTime();
        GridScan.run(ev, grid, 1, ProgressMeter.quiet(grid.length));
        long s1 = System.nanoTime();
        GridScan.run(ev, grid, cores, ProgressMeter.quiet(grid.length));
        long s2 = System.nanoTime();
        double one = grid.length / ((s1 - s0) / 1e9);
        double all = grid.length / ((s2 - s1) / 1e9);
        System.out.printf("warm models/s: 1 thread %.1f, %d threads %.1f (%.1f per core, %.2fx)%n", one, cores, all,
                all / cores, all / one);
        System.out.printf("load average during the run: %.1f on %d cores%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), cores);
    }
}
