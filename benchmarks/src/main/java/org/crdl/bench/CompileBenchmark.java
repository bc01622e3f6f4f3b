package org.crdl.bench;

import java.util.concurrent.TimeUnit;
import org.crdl.Pipeline;
import org.crdl.codegen.ModelEmitter;
import org.crdl.ir.Program;
import org.crdl.load.ModelLoader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Compile latency, model text to loaded class, for the hopkins2022 reference model (target
 * ≤ 150 ms warm): the whole pipeline, and the Janino step alone. Cold = first call in a fresh
 * JVM (single shot, several forks).
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CompileBenchmark {

    static Class<?> textToClass() {
        Program p = Pipeline.check(ReferenceFixture.MODEL).program().orElseThrow();
        ModelEmitter.Emitted emitted = Pipeline.emit(p, ReferenceFixture.MODEL.toString());
        return ModelLoader.compile(emitted);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @Warmup(iterations = 5, time = 2)
    @Measurement(iterations = 5, time = 2)
    @Fork(1)
    public Class<?> warmTextToClass() {
        return textToClass();
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    @Fork(5)
    public Class<?> coldTextToClass() {
        return textToClass();
    }
}
