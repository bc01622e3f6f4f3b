package org.crdl.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.crdl.Pipeline;
import org.crdl.ir.Galaxy;
import org.crdl.ir.Program;
import org.crdl.run.GalaxyRunner;
import org.crdl.run.Observations;
import org.crdl.run.Progress;
import org.crdl.run.RunOutputs;
import org.crdl.runtime.model.CompiledModel;
import org.crdl.runtime.output.OutputFolder;
import org.crdl.runtime.params.ParameterSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code crdl run FILE [--galaxy G] [--set NAME=VALUE]… [--out DIR]}: transport, observables
 * and the comparison with data; writes the files of DESIGN §5 and prints one line per dataset
 * (observable, dataset, χ²/N).
 */
@Command(name = "run", description = "Galactic transport: spectra, ratios and grammage, compared with the data files.")
final class RunCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE")
    Path file;

    @Option(names = "--galaxy", paramLabel = "G", description = "galaxy block to run (default: the first)")
    String galaxy;

    @Option(names = "--out", paramLabel = "DIR", description = "output folder (default out/<model>); written atomically")
    Path out;

    @Option(names = "--force", description = "replace an --out folder that is not empty and not a previous CRDL output")
    boolean force;

    @Mixin
    ModelOptions options;

    @Mixin
    RootsOption roots;

    @Override
    public Integer call() {
        if (out != null) {
            OutputFolder.open(out, force).close();   // a bad --out is a usage error before minutes of solving
        }
        try (Progress progress = new Progress(System.err)) {
            progress.stage("checking " + file);
            Pipeline.Checked checked = Pipeline.check(file, roots.roots(file));
            Reporter.print(checked.diagnostics(), System.err);
            if (!checked.ok()) {
                return Main.MODEL_ERROR;
            }
            Program program = checked.program().get();
            progress.stage("compiling");
            CompiledModel model = Pipeline.build(program, Pipeline.sourcePath(file), options.engine());
            ParameterSet params = options.parameters(model);
            Galaxy.Def g;
            try {
                g = GalaxyRunner.pick(program, galaxy);
            } catch (org.crdl.runtime.plasma.ModelException e) {
                if (galaxy != null) {
                    throw new UsageException(e.getMessage());   // --galaxy names no galaxy of the model
                }
                throw e;
            }
            GalaxyRunner runner = new GalaxyRunner(program, model, params, file, roots.roots(file));
            GalaxyRunner.Result result = runner.run(g, progress);
            progress.stage("observables and data");
            List<Observations.Observed> observed = new ArrayList<>();
            for (Galaxy.Observation o : program.observations()) {
                observed.add(Observations.compare(o, result.spectra(), result.phiGV(), file, roots.roots(file),
                        runner::constant));
            }
            Path dir = out != null ? out : Path.of("out", model.name());
            progress.stage("writing " + dir);
            List<Path> written;
            try (OutputFolder folder = OutputFolder.open(dir, force)) {
                written = RunOutputs.write(folder.dir(), model, params, result, observed);
                folder.commit();
            }
            printSummary(model, g, dir, written.size(), observed);
            return Main.OK;
        }
    }

    private static void printSummary(CompiledModel model, Galaxy.Def g, Path dir, int files,
                                     List<Observations.Observed> observed) {
        System.out.printf("model %s, galaxy %s: wrote %d files to %s%n", model.name(), g.name(), files, dir);
        if (observed.stream().allMatch(o -> o.comparisons().isEmpty())) {
            System.out.println("(no observe … against … declarations: nothing compared with data)");
            return;
        }
        System.out.printf("%-12s %-36s %-4s %9s %5s%n", "observable", "dataset", "vs", "chi2/N", "N");
        for (Observations.Observed o : observed) {
            for (Observations.Comparison c : o.comparisons()) {
                String chi = c.fit().pointsUsed() == 0 ? "-" : String.format("%.2f", c.fit().chi2PerPoint());
                System.out.printf("%-12s %-36s %-4s %9s %5d%n", o.target().label(), c.dataset().sourceFile(),
                        c.modulated() ? "TOA" : "LIS", chi, c.fit().pointsUsed());
            }
        }
    }
}
