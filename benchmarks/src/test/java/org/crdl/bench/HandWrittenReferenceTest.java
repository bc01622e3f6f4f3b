package org.crdl.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.crdl.Pipeline;
import org.crdl.diag.SourceFile;
import org.crdl.runtime.waves.ScatteringModel;
import org.junit.jupiter.api.Test;

/** The benchmark baselines compute what the model says, so the timings compare like with like. */
class HandWrittenReferenceTest {

    @Test
    void handWrittenJavacAndJaninoMatchTheInterpreter() {
        ReferenceFixture f = new ReferenceFixture();
        ScatteringModel interpreted = f.bound(f.interpretedModel);
        for (ScatteringModel other : new ScatteringModel[] {f.handWritten(), f.bound(f.janinoModel), f.bound(f.javacModel)}) {
            for (double scale : new double[] {1e-6, 1, 1e3}) {
                double e = f.e * scale;
                double[] want = interpreted.terms(e);
                double[] got = other.terms(e);
                assertEquals(want.length, got.length);
                for (int i = 0; i < want.length; i++) {
                    assertEquals(want[i], got[i], 1e-12 * Math.abs(want[i]), other.getClass().getSimpleName() + " term " + i);
                }
                assertEquals(interpreted.dampingRate(e), other.dampingRate(e), 1e-12 * interpreted.dampingRate(e));
                assertEquals(interpreted.sourceRate(e), other.sourceRate(e), 1e-12 * interpreted.sourceRate(e));
            }
        }
    }

    @Test
    void theGeneratedTenThousandLineModelChecks() {
        String text = FrontEndBenchmark.generate(10_000);
        assertEquals(true, text.lines().count() >= 10_000);
        assertEquals(true, Pipeline.check(SourceFile.inMemory("big.crdl", text)).ok());
    }
}
