package org.crdl.bench;

import java.util.concurrent.TimeUnit;
import org.crdl.runtime.waves.ScatteringModel;
import org.crdl.runtime.waves.WaveBalance;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Per-call cost of the wave-balance residual S(e) − Γ(e)·e for the hopkins2022 reference
 * model bound to one phase and rigidity (issue targets: generated ≥ 30× faster than
 * interpreted, within 1.2× of hand-written), and of a full wave-balance solve. A ~1 ns call
 * varies by ±25 % from one JVM fork to the next (JIT and code layout), so the default is 5 forks.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 6, time = 1)
@Fork(5)
public class RateBenchmark {
    private ReferenceFixture fixture;
    private ScatteringModel interpreted;
    private ScatteringModel janino;
    private ScatteringModel javac;
    private ScatteringModel handWritten;
    /** not final, so the JIT cannot fold it */
    private double e;

    @Setup
    public void setUp() {
        fixture = new ReferenceFixture();
        interpreted = fixture.bound(fixture.interpretedModel);
        janino = fixture.bound(fixture.janinoModel);
        javac = fixture.bound(fixture.javacModel);
        handWritten = fixture.handWritten();
        e = fixture.e;
    }

    @Benchmark
    public double interpreted() {
        return interpreted.sourceRate(e) - interpreted.dampingRate(e) * e;
    }

    @Benchmark
    public double generatedJanino() {
        return janino.sourceRate(e) - janino.dampingRate(e) * e;
    }

    @Benchmark
    public double generatedJavac() {
        return javac.sourceRate(e) - javac.dampingRate(e) * e;
    }

    @Benchmark
    public double handWritten() {
        return handWritten.sourceRate(e) - handWritten.dampingRate(e) * e;
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public double solveInterpreted() {
        return WaveBalance.solve(interpreted, fixture.phase, fixture.resonance, fixture.cr).nu();
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public double solveGenerated() {
        return WaveBalance.solve(janino, fixture.phase, fixture.resonance, fixture.cr).nu();
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public double solveHandWritten() {
        return WaveBalance.solve(handWritten, fixture.phase, fixture.resonance, fixture.cr).nu();
    }
}
