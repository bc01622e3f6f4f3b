package org.crdl.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.crdl.Models;
import org.crdl.Pipeline;
import org.junit.jupiter.api.Test;

/**
 * generated/src holds the Java generated from every model in models/ (compiled by javac in
 * the build). This test regenerates it and fails with a readable diff when it drifts;
 * `mvn -B verify -Dcrdl.update=true` (or -pl compiler -am) rewrites the files so codegen
 * changes are reviewed as ordinary diffs.
 */
class GoldenGeneratedCodeTest {
    private static final Path ROOT = Path.of("generated", "src");

    @Test
    void generatedSourcesAreUpToDate() throws IOException {
        List<String> problems = new ArrayList<>();
        Set<Path> expectedFiles = new HashSet<>();
        for (Path model : Models.all()) {
            Pipeline.Checked checked = Pipeline.check(model);
            assertTrue(checked.ok(), model + " checks");
            ModelEmitter.Emitted emitted = Pipeline.emit(checked.program().get(), model.toString().replace('\\', '/'));
            Path target = ROOT.resolve(emitted.relativePath());
            expectedFiles.add(target.normalize());
            if (Models.update()) {
                Files.createDirectories(target.getParent());
                Files.writeString(target, emitted.source(), StandardCharsets.UTF_8);
            }
            String golden = Files.exists(target) ? Files.readString(target, StandardCharsets.UTF_8) : null;
            if (golden == null) {
                problems.add(target + " is missing (generated from " + model + ")");
            } else if (!golden.equals(emitted.source())) {
                problems.add(diff(target, golden, emitted.source()));
            }
        }
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).collect(Collectors.toList())) {
                if (!expectedFiles.contains(f.normalize())) {
                    if (Models.update()) {
                        Files.delete(f);
                    } else {
                        problems.add(f + " has no model in models/ any more");
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            fail("generated code drifted from generated/src (rerun with -Dcrdl.update=true and review the diff):\n"
                    + String.join("\n", problems));
        }
    }

    @Test
    void generationIsDeterministic() {
        Path model = Path.of("models/hopkins2022/reference.crdl");
        String a = Pipeline.emit(Pipeline.check(model).program().get(), model.toString()).source();
        String b = Pipeline.emit(Pipeline.check(model).program().get(), model.toString()).source();
        assertEquals(a, b);
        assertTrue(a.contains("// sha256: "), "header carries the model hash");
        assertTrue(a.contains("// laws.crdl:"), "source line comments");
        assertTrue(!a.matches("(?s).*20[0-9][0-9]-[01][0-9]-[0-3][0-9].*"), "no dates");
    }

    /** The first differing lines, with context. */
    static String diff(Path file, String expected, String actual) {
        String[] e = expected.split("\n", -1);
        String[] a = actual.split("\n", -1);
        int i = 0;
        while (i < e.length && i < a.length && e[i].equals(a[i])) {
            i++;
        }
        StringBuilder sb = new StringBuilder("--- " + file + " (golden)\n+++ " + file + " (regenerated)\n");
        for (int k = Math.max(0, i - 2); k < Math.min(Math.max(e.length, a.length), i + 6); k++) {
            boolean same = k < e.length && k < a.length && e[k].equals(a[k]);
            if (same) {
                sb.append("  ").append(k + 1).append(": ").append(e[k]).append('\n');
            } else {
                if (k < e.length) {
                    sb.append("- ").append(k + 1).append(": ").append(e[k]).append('\n');
                }
                if (k < a.length) {
                    sb.append("+ ").append(k + 1).append(": ").append(a[k]).append('\n');
                }
            }
        }
        return sb.toString();
    }
}
