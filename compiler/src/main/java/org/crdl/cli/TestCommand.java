package org.crdl.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.crdl.Pipeline;
import org.crdl.runtime.plasma.ModelException;
import org.crdl.testing.CheckResult;
import org.crdl.testing.JUnitXml;
import org.crdl.testing.ModelTestSuite;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code crdl test [PATH…] [--engine compiled|interpreted|both] [--junit FILE.xml] [--update] [--seed N]}:
 * runs the test suite of the models under the paths (default: the current folder) — {@code expect}
 * statements, expected files, bad inputs, golden code and the compiled-vs-interpreted property check —
 * printing one PASS/FAIL line per check and {@code N passed, M failed}; exit 0 when nothing failed, else 1.
 */
@Command(name = "test", description = "Test suites of models: expect statements, expected files, bad inputs, "
        + "golden code, compiled vs interpreted.")
final class TestCommand implements Callable<Integer> {

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "model files or folders (default: .)")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--engine", paramLabel = "compiled|interpreted|both",
            description = "engine for expect statements and expected files (default compiled)")
    String engine = "compiled";

    @Option(names = "--junit", paramLabel = "FILE.xml", description = "also write the results as JUnit XML")
    Path junit;

    @Option(names = "--update", description = "rewrite drifted expected files and golden copies, printing what changed")
    boolean update;

    @Option(names = "--golden", description = "with --update: also create X.golden.java for models that have none")
    boolean golden;

    @Option(names = "--seed", paramLabel = "N", description = "seed of the random states (default: a new one, printed)")
    Long seed;

    @Option(names = "--tries", paramLabel = "N", description = "random states per phase and per block and phase (default 100)")
    int tries = 100;

    @Override
    public Integer call() throws IOException {
        List<Pipeline.Engine> engines = switch (engine) {
            case "compiled" -> List.of(Pipeline.Engine.COMPILED);
            case "interpreted" -> List.of(Pipeline.Engine.INTERPRETED);
            case "both" -> List.of(Pipeline.Engine.COMPILED, Pipeline.Engine.INTERPRETED);
            default -> throw new ModelException("--engine is 'compiled', 'interpreted' or 'both', not '" + engine + "'");
        };
        if (tries < 1) {
            throw new ModelException("--tries must be at least 1");
        }
        long s = seed != null ? seed : new java.security.SecureRandom().nextLong() >>> 16;
        System.out.println("crdl test: seed " + s + " (reproduce with --seed " + s + ")");
        ModelTestSuite.Options options = ModelTestSuite.Options.of(paths.isEmpty() ? List.of(Path.of(".")) : paths, s)
                .withEngines(engines).withUpdate(update, golden).withTries(tries);
        List<CheckResult> results = new ModelTestSuite(options).run(r -> {
            System.out.println(r.line());
            System.out.flush();
        });
        long failed = results.stream().filter(r -> !r.passed()).count();
        if (junit != null) {
            JUnitXml.write(junit, results, s);
            System.out.println("wrote " + junit);
        }
        System.out.println((results.size() - failed) + " passed, " + failed + " failed");
        return failed == 0 ? Main.OK : Main.MODEL_ERROR;
    }
}
