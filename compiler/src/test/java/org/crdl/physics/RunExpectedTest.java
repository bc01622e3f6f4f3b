package org.crdl.physics;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.crdl.ModelSuite;
import org.crdl.testing.CheckResult;
import org.crdl.testing.RunExpectedFiles;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Regression results of `crdl run` for the transport models, in models/…/&lt;file&gt;.run.expected: the χ²
 * summary and every 8th row of ratio_B_C.csv and flux_p.csv, compared numerically (tolerance in the header;
 * format: {@link RunExpectedFiles}), by the engine of {@code crdl test}. Rewrite with -Dcrdl.update=true
 * (only drifted files are rewritten) and review the diff. The physics is checked elsewhere
 * (TransportEndToEndTest, runtime transport tests).
 */
class RunExpectedTest {
    private static final List<String> MODELS = List.of("models/reference/flat_halo.crdl",
            "models/kempski2022/two_phase.crdl", "models/hopkins2021/empirical.crdl",
            "models/fornieri2021/two_zone.crdl");

    @TestFactory
    Stream<DynamicTest> runResultsMatchTheirExpectedFiles() throws java.io.IOException {
        for (String m : MODELS) {
            Path expected = Path.of(m.replace(".crdl", RunExpectedFiles.SUFFIX));
            if (!Files.exists(expected) && org.crdl.Models.update()) {
                Files.writeString(expected, "");     // the suite finds it and writes the results
            }
            assertTrue(Files.exists(expected), expected + " is missing (create it with -Dcrdl.update=true)");
        }
        return ModelSuite.tests(ModelSuite.options(Path.of("models")).only(CheckResult.Category.RUN_EXPECTED));
    }
}
