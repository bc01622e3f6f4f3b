package org.crdl.bench;

import java.util.concurrent.TimeUnit;
import org.crdl.Pipeline;
import org.crdl.diag.SourceFile;
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
 * Parse + check of a generated 10 000-line model (phases, lets, laws and scattering blocks), and
 * the scaling of parse + check + lowering in the number of terms ({@code terms}: 10⁴, 10⁵, 10⁶
 * terms as damping laws of 100 terms each, summed in one scattering block). Run e.g.
 * {@code java -jar benchmarks/target/benchmarks.jar FrontEndBenchmark.checkAndLower -p terms=10000,100000,1000000 -wi 1 -i 3}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FrontEndBenchmark {
    private SourceFile file;

    /** The scaling input: {@code termCount} terms. */
    @State(Scope.Benchmark)
    public static class Terms {
        /** Number of terms. */
        @org.openjdk.jmh.annotations.Param({"10000", "100000", "1000000"})
        public int termCount;
        SourceFile file;

        @Setup
        public void setUp() {
            file = SourceFile.inMemory("terms.crdl", generateTerms(termCount));
        }
    }

    /** A model with {@code n} terms: damping laws of 100 terms each (at most 2000 operators per expression). */
    public static String generateTerms(int n) {
        StringBuilder sb = new StringBuilder("model terms\nphase w { n = 1 [cm^-3]  T = 1e4 [K]  B = 3 [uG] }\n");
        int laws = Math.max(1, n / 100);
        for (int i = 0; i < laws; i++) {
            sb.append("damping d").append(i).append(" = 1e-12 [1/s] * (");
            for (int j = 0; j < 100; j++) {
                sb.append(j == 0 ? "" : " + ").append("beta * (k_par * ").append(j + 1).append(" [pc])^0.1");
            }
            sb.append(")\n");
        }
        sb.append("source s0 = 1e-30 [erg cm^-3 s^-1] * (e / e_B)^0.5\nscattering s { sources s0  damping ");
        for (int i = 0; i < laws; i++) {
            sb.append(i == 0 ? "" : ", ").append('d').append(i);
        }
        return sb.append(" }\n").toString();
    }

    /** A model of about {@code lines} lines: blocks of a phase, lets, laws and a scattering block. */
    public static String generate(int lines) {
        StringBuilder sb = new StringBuilder("model big \"generated for benchmarking\"\n");
        int i = 0;
        while (sb.chars().filter(c -> c == '\n').count() < lines) {
            sb.append("phase p").append(i).append(" {\n  n = ").append(0.1 + i % 7).append(" [cm^-3]\n  T = 8000 [K]\n")
                    .append("  B = ").append(1 + i % 5).append(" [uG]\n  f_ion = 0.9\n  ell_A = 10 [pc]\n}\n")
                    .append("let k").append(i).append(" = 1 / (").append(1 + i % 3).append(" [au])\n")
                    .append("damping turb").append(i).append(" = (v_A_ideal + 0.4 * c_s) / ell_A * (k_par * ell_A)^0.5\n")
                    .append("damping nll").append(i).append(" = sqrt(pi) / 8 * c_s * k_par * (e / e_B)\n")
                    .append("source ext").append(i).append(" = 0.01 * v_A_ideal / ell_A * e_B * (k_par / k").append(i)
                    .append(")^(-0.2)\n")
                    .append("scattering s").append(i).append(" {\n  sources ext").append(i).append("\n  damping turb")
                    .append(i).append(", nll").append(i).append("\n}\n");
            i++;
        }
        return sb.toString();
    }

    @Setup
    public void setUp() {
        file = SourceFile.inMemory("big.crdl", generate(10_000));
    }

    /** Parse, check and lower (inline, fold, reassociate, hoist) a model of {@code termCount} terms. */
    @Benchmark
    public Object checkAndLower(Terms terms) {
        Pipeline.Checked c = Pipeline.check(terms.file);
        if (!c.ok()) {
            throw new IllegalStateException(c.diagnostics().all().toString());
        }
        return org.crdl.passes.Lowering.lower(c.program().get().scatterings().get("s"));
    }

    @Benchmark
    public Object parseAndCheck() {
        Pipeline.Checked c = Pipeline.check(file);
        if (!c.ok()) {
            throw new IllegalStateException(c.diagnostics().all().toString());
        }
        return c.program();
    }
}
