package org.crdl.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.crdl.Pipeline;
import org.crdl.passes.Explain;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code crdl check FILE… [--explain]}: parse and check; diagnostics on stderr; exit 1 on any error. */
@Command(name = "check", description = "Parse and check model files (names, dimensions, law kinds, physics).")
final class CheckCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "model files (.crdl)")
    List<Path> files;

    @Option(names = "--explain", description = "print the physics signature of every law and scattering block")
    boolean explain;

    @Option(names = "--phase", paramLabel = "P",
            description = "phase used as the reference point for --explain (default: the first phase)")
    String phase;

    @Mixin
    RootsOption roots;

    @Override
    public Integer call() {
        boolean failed = false;
        for (Path f : files) {
            Pipeline.Checked checked = Pipeline.check(f, roots.roots(f));
            if (explain && checked.ok()) {
                Explain.Report report = Explain.of(checked.program().get(), phase, checked.diagnostics());
                report.lines().forEach(System.out::println);
            }
            Reporter.print(checked.diagnostics(), System.err);
            failed |= !checked.ok();
        }
        System.out.flush();
        return failed ? Main.MODEL_ERROR : Main.OK;
    }
}
