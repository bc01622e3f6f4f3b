package org.crdl.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.crdl.ModelSuite;
import org.crdl.Models;
import org.crdl.Pipeline;
import org.crdl.ir.Program;
import org.crdl.testing.CheckResult;
import org.crdl.testing.RatesExpectedFiles;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Regression files of `crdl rates` (DESIGN §6): for every scattering block of every model in models/,
 * models/&lt;paper&gt;/&lt;file&gt;.&lt;block&gt;.rates.expected holds the command, its tolerance and the CSV it prints
 * (format and comparison: {@link RatesExpectedFiles}). The files are checked by the engine of {@code crdl test}
 * with both engines — generated code and the interpreter (the reference oracle, DESIGN §1) — so
 * {@code ./crdl test models/ --engine both} runs the same checks. These are regression values of the program,
 * reviewed by hand; physics is checked by the other tests of this package. Rewrite with -Dcrdl.update=true
 * (which also creates the files of new blocks, in the first phase where the block evaluates) and review the diff.
 */
class RatesExpectedTest {

    static List<Path> expectedFiles() {
        try (Stream<Path> s = Files.walk(Path.of("models"))) {
            return s.filter(p -> p.toString().endsWith(RatesExpectedFiles.SUFFIX)).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void everyScatteringBlockOfEveryModelHasAnExpectedFile() throws IOException {
        List<String> missing = new ArrayList<>();
        int blocks = 0;
        for (Path model : Models.all()) {
            Pipeline.Checked c = Pipeline.check(model);
            assertTrue(c.ok(), model + " checks");
            Program p = c.program().get();
            for (String block : p.scatterings().keySet()) {
                blocks++;
                Path expected = RatesExpectedFiles.expectedFile(model, block);
                if (!Files.exists(expected) && Models.update()) {
                    RatesExpectedFiles.create(model, block, new ArrayList<>(p.phases().keySet()));
                }
                if (!Files.exists(expected)) {
                    missing.add(expected.toString());
                }
            }
        }
        assertTrue(blocks >= 10, "models/ holds scattering blocks: " + blocks);
        assertEquals(List.of(), missing, "expected files missing (create them with -Dcrdl.update=true)");
        for (Path f : expectedFiles()) {
            RatesExpectedFiles.Header h = RatesExpectedFiles.header(Files.readAllLines(f, StandardCharsets.UTF_8));
            Path model = h.model(f);
            assertTrue(Files.exists(model), f + " names a model that exists: " + model);
            assertEquals(RatesExpectedFiles.expectedFile(model, h.block()), f, "file name matches its command");
        }
    }

    /** Each file is reproduced by generated code and by the interpreter, within its tolerance. */
    @TestFactory
    Stream<DynamicTest> eachExpectedFileIsReproducedByBothEngines() {
        assertTrue(!expectedFiles().isEmpty(), "there are .rates.expected files under models/");
        return ModelSuite.tests(ModelSuite.options(Path.of("models")).only(CheckResult.Category.RATES_EXPECTED)
                .withEngines(List.of(Pipeline.Engine.COMPILED, Pipeline.Engine.INTERPRETED)));
    }
}
