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

    @Option(names = "--at", paramLabel = "R=10[,100…]",
            description = "rigidities in GV for --explain (default R=1,10,100; the first is the reference point)")
    String at;

    /** The --at rigidities in GV. */
    double[] rigidities() {
        if (at == null) {
            return Explain.DEFAULT_RIGIDITIES_GV;
        }
        String v = at.strip();
        if (!v.startsWith("R=")) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                    "--at expects R=VALUE in GV (e.g. R=10 or R=1,10,100), got '" + at + "'");
        }
        String[] parts = v.substring(2).replace("[GV]", "").replace("GV", "").split(",");
        double[] r = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                r[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException e) {
                r[i] = Double.NaN;
            }
            if (!(r[i] > 0) || Double.isInfinite(r[i])) {
                throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                        "--at: rigidity '" + parts[i].strip() + "' is not a positive number of GV");
            }
        }
        return r;
    }

    @Mixin
    RootsOption roots;

    @Override
    public Integer call() {
        double[] rigidities = rigidities();
        boolean failed = false;
        for (Path f : files) {
            Pipeline.Checked checked = Pipeline.check(f, roots.roots(f));
            if (checked.ok()) {
                // structure blocks: V1-V10 on the default rates grid (butsky2024 digest §5.1)
                org.crdl.run.StructureChecks.checkAll(checked.program().get(), checked.diagnostics());
            }
            if (explain && checked.ok()) {
                Explain.Report report = Explain.of(checked.program().get(), phase, checked.diagnostics(), rigidities);
                report.lines().forEach(System.out::println);
            }
            Reporter.print(checked.diagnostics(), System.err);
            failed |= !checked.ok();
        }
        System.out.flush();
        return failed ? Main.MODEL_ERROR : Main.OK;
    }
}
