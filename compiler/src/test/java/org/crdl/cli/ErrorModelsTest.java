package org.crdl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.crdl.Cli;
import org.crdl.Models;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every bad input in models/errors/ reproduces its expected diagnostics byte for byte
 * (`crdl check models/errors/X.crdl.bad` vs X.expected) and exits 1.
 * Rewrite the expected files with -Dcrdl.update=true and review the diff.
 */
class ErrorModelsTest {

    @Test
    void thereAreEnoughBadInputsCoveringEveryRule() {
        List<Path> inputs = Models.errors();
        assertTrue(inputs.size() >= 25, "models/errors/ must hold at least 25 bad inputs, found " + inputs.size());
    }

    @TestFactory
    Stream<DynamicTest> eachBadInputGivesItsExpectedDiagnostics() {
        return Models.errors().stream().map(input -> DynamicTest.dynamicTest(input.getFileName().toString(), () -> {
            Cli.Result r = Cli.run("check", input.toString());
            String name = input.getFileName().toString().replace(".crdl.bad", "");
            Path expected = input.resolveSibling(name + ".expected");
            if (Models.update()) {
                Files.writeString(expected, r.stderr(), StandardCharsets.UTF_8);
            }
            assertEquals(1, r.exitCode(), "exit code for " + input);
            assertEquals(read(expected), r.stderr(), "diagnostics for " + input);
            assertTrue(r.stderr().contains(": error["), "an error is reported");
            assertTrue(!r.stderr().contains("Exception") && !r.stderr().contains("\tat "), "no stack trace");
        }));
    }

    private static String read(Path p) throws IOException {
        return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "<missing " + p + ">";
    }
}
