package org.crdl.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.crdl.ModelSuite;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The {@code expect} statements of models/ (paper numbers, each with its line in a comment) hold: the same checks
 * as {@code ./crdl test models/}, one dynamic test per check.
 */
class ShippedModelExpectationsTest {
    private static List<CheckResult> results;

    /** One run of the expectations (two Galactic runs among them), shared by the tests. */
    private static synchronized List<CheckResult> results() {
        if (results == null) {
            results = new ModelTestSuite(ModelSuite.options(Path.of("models"))
                    .only(CheckResult.Category.EXPECT, CheckResult.Category.MODEL)).run(x -> {
            });
        }
        return results;
    }

    @TestFactory
    Stream<DynamicTest> everyExpectationOfTheShippedModelsHolds() {
        return ModelSuite.tests(results());
    }

    @Test
    void theShippedModelsStateTheirPaperNumbers() {
        List<CheckResult> r = results().stream().filter(c -> c.category() == CheckResult.Category.EXPECT).toList();
        for (String file : List.of("hopkins2022/laws.crdl", "hopkins2022/reference.crdl", "hopkins2021/empirical.crdl",
                "kempski2022/laws.crdl", "butsky2024/patchy.crdl", "reference/flat_halo.crdl", "fornieri2021/two_zone.crdl",
                "fornieri2021/turbulence.crdl", "kempski2022/turbulence.crdl")) {
            assertTrue(r.stream().anyMatch(c -> c.where().replace('\\', '/').startsWith("models/" + file + ":")),
                    file + " has expectations");
        }
        assertTrue(r.size() >= 60, "expectations found: " + r.size());
    }
}
