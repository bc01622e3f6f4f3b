package org.crdl.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.crdl.Pipeline;
import org.crdl.archive.ArchiveLayout;
import org.crdl.ir.Galaxy;
import org.crdl.ir.Program;
import org.crdl.run.GalaxyRunner;
import org.crdl.run.Observations;
import org.crdl.run.Progress;
import org.crdl.run.Provenance;
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
 * and the comparison with data; writes the files of DESIGN §5 (summary.json with the run's
 * {@link Provenance}) and prints one line per dataset (observable, dataset, χ²/N). FILE may be
 * a model archive ({@code .crdla}): it is then run as archived (its galaxy and --set, then
 * those given here) reading nothing outside the archive.
 */
@Command(name = "run", description = "Galactic transport: spectra, ratios and grammage, compared with the data files.")
final class RunCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "a .crdl model, or a .crdla model archive")
    Path file;

    @Option(names = "--galaxy", paramLabel = "G", description = "galaxy block to run (default: the first)")
    String galaxy;

    @Option(names = "--out", paramLabel = "DIR", description = "output folder (default out/<model>); written atomically")
    Path out;

    @Option(names = "--format", paramLabel = "ecsv|fits", description = "ecsv (default): ECSV tables; fits: "
            + "also <model>.fits, one binary table per output with units and provenance")
    Format format = Format.ecsv;

    /** Output table formats. */
    enum Format { ecsv, fits }

    @Option(names = "--force", description = "replace an --out folder that is not empty and not a previous CRDL output")
    boolean force;

    @Mixin
    ModelOptions options;

    @Mixin
    RootsOption roots;

    @Override
    public Integer call() {
        if (ArchiveLayout.isArchive(file)) {
            return fromArchive();
        }
        if (out != null) {
            OutputFolder.open(out, force).close();   // a bad --out is a usage error before minutes of solving
        }
        return execute(file, galaxy, options, out, command(file.toString(), galaxy, options), System.out,
                format == Format.fits, force, roots.roots(file));
    }

    /** The archived model with the archived --galaxy and --set values (then the given ones), reading only the archive. */
    private int fromArchive() {
        return ArchiveSession.within(file, options, (model, merged, spec) -> {
            List<String> cmd = new ArrayList<>(spec.runCommand());
            if (galaxy != null) {
                cmd.addAll(List.of("--galaxy", galaxy));
            }
            options.overrides.forEach(o -> cmd.addAll(List.of("--set", o)));
            if (!merged.engine.equals(spec.engine())) {
                cmd.addAll(List.of("--engine", merged.engine));
            }
            if (out != null) {
                OutputFolder.open(out, force).close();
            }
            return execute(model, galaxy != null ? galaxy : spec.galaxy(), merged, out, cmd, System.out,
                    format == Format.fits, force, org.crdl.load.SourceRoots.forModel(model, List.of()));
        });
    }

    /** The provenance command of a run: {@code crdl run FILE} and its options, without --out. */
    static List<String> command(String file, String galaxy, ModelOptions options) {
        List<String> cmd = new ArrayList<>(List.of("crdl", "run", file));
        if (galaxy != null) {
            cmd.addAll(List.of("--galaxy", galaxy));
        }
        options.overrides.forEach(o -> cmd.addAll(List.of("--set", o)));
        if (!"compiled".equals(options.engine)) {
            cmd.addAll(List.of("--engine", options.engine));
        }
        return cmd;
    }

    /** Check, compile, run and write one model (ECSV tables); {@code command} goes into the provenance. */
    static int execute(Path file, String galaxy, ModelOptions options, Path out, List<String> command,
                       PrintStream stdout) {
        return execute(file, galaxy, options, out, command, stdout, false, false,
                org.crdl.load.SourceRoots.forModel(file, List.of()));
    }

    /**
     * As above; with {@code fits}, also one FITS file of all tables; {@code force} replaces a folder that is
     * not a CRDL output; data and imports are read only below {@code roots}.
     */
    static int execute(Path file, String galaxy, ModelOptions options, Path out, List<String> command,
                       PrintStream stdout, boolean fits, boolean force, org.crdl.load.SourceRoots roots) {
        long start = System.nanoTime();
        boolean quiet = stdout != System.out;     // runs inside verify: no progress lines either
        try (Progress progress = quiet ? Progress.none() : new Progress(System.err)) {
            progress.stage("checking " + file);
            Pipeline.Checked checked = Pipeline.check(file, roots);
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
            GalaxyRunner runner = new GalaxyRunner(program, model, params, file, roots);
            GalaxyRunner.Result result = runner.run(g, progress);
            progress.stage("observables and data");
            List<Observations.Observed> observed = new ArrayList<>();
            for (Galaxy.Observation o : program.observations()) {
                observed.add(Observations.compare(o, result.spectra(), result.phiGV(), file, roots,
                        runner::constant));
            }
            Provenance provenance = Provenance.collect(command, options.engine, file, checked.units().get(), program, g,
                    start);
            Path dir = out != null ? out : Path.of("out", model.name());
            progress.stage("writing " + dir);
            List<Path> written;
            try (OutputFolder folder = OutputFolder.open(dir, force)) {
                written = new ArrayList<>(RunOutputs.write(folder.dir(), model, params, result, observed, provenance,
                        fits));
                org.crdl.run.StructureOutputs.write(folder.dir(), model, params, result).ifPresent(written::add);
                folder.commit();
            }
            printSummary(stdout, model, g, dir, written.size(), observed);
            printIonisation(stdout, org.crdl.run.Ionisation.of(result.spectra()));
            return Main.OK;
        }
    }

    /** ζ_H of the LIS (summary.json's ionisation_rate_per_H) and the energy range it was integrated over */
    private static void printIonisation(PrintStream stdout, org.crdl.runtime.secondaries.IonisationRate.Result zeta) {
        if (zeta.perHydrogenAtom() > 0) {
            stdout.printf("ionisation rate per H atom (LIS, %s-%s GeV/n): %.3g s^-1%n", plain(zeta.lowestGeVPerNucleon()),
                    plain(zeta.highestGeVPerNucleon()), zeta.perHydrogenAtom());
        }
    }

    private static String plain(double x) {
        return new java.math.BigDecimal(x).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
    }

    /** datasets this small (reference points such as DRAGON2's B/C) get their model/data ratios printed */
    private static final int MAX_LISTED_POINTS = 6;

    private static void printPointRatios(PrintStream stdout, Observations.Observed o, Observations.Comparison c) {
        double[] y = c.modulated() ? o.toa() : o.lis();
        StringBuilder sb = new StringBuilder("             model/data:");
        for (org.crdl.runtime.data.DataPoint p : c.dataset().points()) {
            double m = logInterpolate(o.ek(), y, p.x());
            sb.append(String.format("  %.4g: %s", p.x(), Double.isFinite(m) ? String.format("%.3f", m / p.y()) : "-"));
        }
        stdout.println(sb);
    }

    /** y at x, linear in ln x between grid points; NaN outside the grid */
    private static double logInterpolate(double[] x, double[] y, double at) {
        for (int k = 0; k + 1 < x.length; k++) {
            if (x[k] <= at && at <= x[k + 1]) {
                double w = Math.log(at / x[k]) / Math.log(x[k + 1] / x[k]);
                return y[k] + w * (y[k + 1] - y[k]);
            }
        }
        return Double.NaN;
    }

    private static void printSummary(PrintStream stdout, CompiledModel model, Galaxy.Def g, Path dir, int files,
                                     List<Observations.Observed> observed) {
        stdout.printf("model %s, galaxy %s: wrote %d files to %s%n", model.name(), g.name(), files, dir);
        if (observed.stream().allMatch(o -> o.comparisons().isEmpty())) {
            stdout.println("(no observe … against … declarations: nothing compared with data)");
            return;
        }
        stdout.printf("%-12s %-36s %-4s %9s %5s%n", "observable", "dataset", "vs", "chi2/N", "N");
        for (Observations.Observed o : observed) {
            for (Observations.Comparison c : o.comparisons()) {
                String chi = c.fit().pointsUsed() == 0 ? "-" : String.format("%.2f", c.fit().chi2PerPoint());
                stdout.printf("%-12s %-36s %-4s %9s %5d%n", o.target().label(), c.dataset().sourceFile(),
                        c.modulated() ? "TOA" : "LIS", chi, c.fit().pointsUsed());
                if (c.dataset().size() <= MAX_LISTED_POINTS) {
                    printPointRatios(stdout, o, c);
                }
            }
        }
    }
}
