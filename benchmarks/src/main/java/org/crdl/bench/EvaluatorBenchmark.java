package org.crdl.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.crdl.run.Evaluator;
import org.crdl.run.RunRequest;
import org.crdl.runtime.fit.PointResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One warm model evaluation of {@code crdl fit}/{@code crdl scan}: the reference flat halo
 * compiled once, re-run at new (D0, δ) and compared with AMS-02 B/C (transport, modulation, χ²).
 * {@code evaluate} runs on one thread, {@code evaluateAllCores} on as many threads as cores
 * (throughput mode: models per second; divide by the core count for the per-core rate).
 */
@State(Scope.Benchmark)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EvaluatorBenchmark {
    private Evaluator evaluator;
    private final double[][] points = {{1.0e28, 0.47}, {1.05e28, 0.49}, {1.1e28, 0.51}, {0.95e28, 0.45}};
    private int next;

    @Setup
    public void setUp() {
        evaluator = Evaluator.compile(RunRequest.of(Path.of("models/reference/flat_halo.crdl"), null, false,
                java.util.Map.of(), List.of("D0", "delta"), List.of("B/C"), List.of()));
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public PointResult evaluate() {
        next = (next + 1) & 3;
        return evaluator.evaluate(points[next]);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(Threads.MAX)
    public PointResult evaluateAllCores() {
        return evaluator.evaluate(points[(int) (Thread.currentThread().getId() & 3)]);
    }
}
