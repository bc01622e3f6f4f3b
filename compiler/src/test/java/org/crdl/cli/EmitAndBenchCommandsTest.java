package org.crdl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.crdl.Cli;
import org.crdl.Models;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code crdl emit} on every model file and {@code crdl bench} on every scattering block of the
 * library (the block and phase of each {@code .rates.expected} header): both succeed and print
 * what they promise. Timings are printed, never asserted.
 */
class EmitAndBenchCommandsTest {
    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> emitWritesAJavaClassForEveryModel() {
        return Models.all().stream().map(model -> DynamicTest.dynamicTest(model.toString(), () -> {
            Path out = dir.resolve(model.toString().replace('/', '_').replace('\\', '_'));
            Cli.Result r = Cli.run("emit", model.toString(), "--out", out.toString());
            assertEquals(0, r.exitCode(), r.stderr());
            try (Stream<Path> files = Files.walk(out)) {
                List<Path> java = files.filter(p -> p.toString().endsWith(".java")).toList();
                assertEquals(1, java.size(), "one class per model file: " + java);
                String text = Files.readString(java.get(0));
                assertTrue(text.contains("implements CompiledModel"), java.get(0).toString());
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> benchRunsOnEveryScatteringBlock() throws IOException {
        List<Path> expected;
        try (Stream<Path> s = Files.walk(Path.of("models"))) {
            expected = s.filter(p -> p.toString().endsWith(".rates.expected")).sorted().toList();
        }
        return expected.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            List<String> words = List.of(Files.readAllLines(file).get(0).split("\\s+"));
            String model = words.get(3);
            String block = words.get(words.indexOf("--scattering") + 1);
            Cli.Result r = words.contains("--phase")
                    ? Cli.run("bench", model, "--scattering", block, "--phase", words.get(words.indexOf("--phase") + 1))
                    : Cli.run("bench", model, "--scattering", block);
            assertEquals(0, r.exitCode(), r.stderr());
            List<String> lines = r.stdout().lines().toList();
            List<String> keys = List.of("interpreted_ns_per_eval", "generated_ns_per_eval", "speedup", "compile_ms");
            assertEquals(keys.size(), lines.size(), r.stdout());
            for (int i = 0; i < keys.size(); i++) {
                String[] kv = lines.get(i).split("=");
                assertEquals(keys.get(i), kv[0]);
                double v = Double.parseDouble(kv[1]);
                assertTrue(v > 0 && Double.isFinite(v), lines.get(i));
            }
        }));
    }
}
