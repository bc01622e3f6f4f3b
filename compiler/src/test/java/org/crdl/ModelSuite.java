package org.crdl;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.crdl.testing.CheckResult;
import org.crdl.testing.ModelTestSuite;
import org.junit.jupiter.api.DynamicTest;

/**
 * The project's regression tests of models/ run through the same engine as {@code crdl test}: one
 * dynamic test per check, failing with the check's line. {@code -Dcrdl.update=true} rewrites drifted
 * expected files.
 */
public final class ModelSuite {
    private ModelSuite() {
    }

    /** The options for a folder of models/: fixed seed, the update switch of the build. */
    public static ModelTestSuite.Options options(Path folder) {
        return ModelTestSuite.Options.of(List.of(folder), 20261204L).withUpdate(Models.update(), false);
    }

    public static Stream<DynamicTest> tests(ModelTestSuite.Options options) {
        return tests(new ModelTestSuite(options).run(r -> {
        }));
    }

    /** One dynamic test per result. */
    public static Stream<DynamicTest> tests(List<CheckResult> results) {
        assertTrue(!results.isEmpty(), "checks found");
        return results.stream().map(r -> DynamicTest.dynamicTest(r.where() + ": " + r.name(), () -> {
            if (!r.passed()) {
                fail(r.line());
            }
        }));
    }
}
