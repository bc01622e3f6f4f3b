package org.crdl.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.crdl.Pipeline;
import org.crdl.ir.Program;

/**
 * {@code X.golden.java} next to {@code X.crdl}: the Java generated from the model, as reviewed. The check
 * regenerates it (the header names the model by its file name, so the copy does not depend on the working
 * folder) and shows the first differing line; update rewrites a drifted copy (or creates a missing one
 * when asked to).
 */
public final class GoldenCode {
    public static final String SUFFIX = ".golden.java";

    private GoldenCode() {
    }

    public static Path golden(Path model) {
        return model.resolveSibling(model.getFileName().toString().replaceFirst("\\.crdl$", "") + SUFFIX);
    }

    static String generate(Program program, Path model) {
        return Pipeline.emit(program, model.getFileName().toString()).source();
    }

    static CheckResult check(Program program, Path model, boolean update) {
        long t0 = System.nanoTime();
        Path golden = golden(model);
        String name = "generated code equals " + golden.getFileName();
        try {
            String actual = generate(program, model);
            String expected = Files.exists(golden) ? Files.readString(golden, StandardCharsets.UTF_8) : null;
            double s = (System.nanoTime() - t0) * 1e-9;
            if (actual.equals(expected)) {
                return CheckResult.pass(CheckResult.Category.GOLDEN, model.toString(), name,
                        actual.lines().count() + " lines", s);
            }
            String diff = expected == null ? "missing" : firstDifference(expected, actual, "golden", "generated");
            if (update) {
                Files.writeString(golden, actual, StandardCharsets.UTF_8);
                return CheckResult.pass(CheckResult.Category.GOLDEN, model.toString(), name,
                        (expected == null ? "CREATED " : "UPDATED (" + diff + ") ") + golden, s);
            }
            return CheckResult.fail(CheckResult.Category.GOLDEN, model.toString(), name, diff
                    + " (rewrite with crdl test --update and review the diff)", s);
        } catch (IOException e) {
            return CheckResult.fail(CheckResult.Category.GOLDEN, model.toString(), name, e.getMessage(),
                    (System.nanoTime() - t0) * 1e-9);
        }
    }

    /** "line 12: golden 'x', generated 'y'" (with the given labels) */
    static String firstDifference(String expected, String actual, String expectedLabel, String actualLabel) {
        String[] e = expected.split("\n", -1);
        String[] a = actual.split("\n", -1);
        int i = 0;
        while (i < e.length && i < a.length && e[i].equals(a[i])) {
            i++;
        }
        return "line " + (i + 1) + ": " + expectedLabel + " '" + (i < e.length ? e[i].strip() : "<end>") + "', "
                + actualLabel + " '"
                + (i < a.length ? a[i].strip() : "<end>") + "'";
    }
}
