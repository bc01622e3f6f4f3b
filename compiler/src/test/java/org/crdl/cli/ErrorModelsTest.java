package org.crdl.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.crdl.ModelSuite;
import org.crdl.testing.CheckResult;
import org.crdl.Models;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every bad input in models/errors/ reproduces its expected diagnostics byte for byte
 * (`crdl check models/errors/X.crdl.bad` vs X.expected) and exits 1; every X.crdl.warn checks
 * with warnings only (`crdl check --explain`, exit 0) and reproduces X.expected — checked by the
 * engine of `crdl test` (org.crdl.testing.DiagnosticFiles).
 * Rewrite the expected files with -Dcrdl.update=true and review the diff.
 */
class ErrorModelsTest {

    @Test
    void thereAreEnoughBadInputsCoveringEveryRule() {
        List<Path> inputs = Models.errors();
        assertTrue(inputs.size() >= 25, "models/errors/ must hold at least 25 bad inputs, found " + inputs.size());
    }

    /** Through the engine of {@code crdl test} (DiagnosticFiles): the same check users get for their own bad inputs. */
    @TestFactory
    Stream<DynamicTest> eachBadInputGivesItsExpectedDiagnosticsAndEachWarningInputItsWarnings() {
        assertTrue(!Models.warnings().isEmpty(), "models/errors/ holds physics-warning inputs");
        return ModelSuite.tests(ModelSuite.options(Path.of("models", "errors"))
                .only(CheckResult.Category.DIAGNOSTICS));
    }

    /** Every diagnostic code the checker can report has a bad input or a warning input that shows it. */
    @Test
    void everyCodeHasAnExample() throws IOException {
        StringBuilder all = new StringBuilder();
        for (Path p : Files.list(Path.of("models", "errors")).filter(p -> p.toString().endsWith(".expected")).toList()) {
            all.append(Files.readString(p, StandardCharsets.UTF_8));
        }
        List<String> missing = java.util.Arrays.stream(org.crdl.diag.Code.values()).map(org.crdl.diag.Code::id)
                .filter(id -> id.matches("[EW][0-9]{4}"))
                .filter(id -> !all.toString().contains("[" + id + "]") && !ROBUSTNESS_ONLY.contains(id)).toList();
        assertTrue(missing.isEmpty(), "codes without an example in models/errors/: " + missing);
    }

    /**
     * Codes whose inputs cannot be written as a small committed text file (invalid UTF-8, an
     * unreadable path, 10⁴ nested brackets, a 10⁴-character name, 200 errors); RobustnessTest
     * generates them.
     */
    private static final List<String> ROBUSTNESS_ONLY = List.of("E0006", "E0008", "E0009", "E0010", "E0011");
}
