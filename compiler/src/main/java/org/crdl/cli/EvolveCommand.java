package org.crdl.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.crdl.Pipeline;
import org.crdl.ir.Galaxy;
import org.crdl.ir.Program;
import org.crdl.run.EvolveOutputs;
import org.crdl.run.EvolveRunner;
import org.crdl.run.GalaxyRunner;
import org.crdl.run.Observations;
import org.crdl.run.Progress;
import org.crdl.run.RunOutputs;
import org.crdl.runtime.model.CompiledModel;
import org.crdl.runtime.params.ParameterSet;
import org.crdl.runtime.transport.evolve.Evolution;
import org.crdl.runtime.units.Constants;
import org.crdl.runtime.units.Dimension;
import org.crdl.runtime.output.OutputFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code crdl evolve FILE [--galaxy G] [--start normal|low|high|both] [--t-max T] [--out DIR]}:
 * time-dependent self-consistent transport of a {@code transport evolve} galaxy from one or two
 * starts; writes evolution.csv, evolution.png, summary.json and, per start, the files of
 * {@code crdl run} for the final state; the last line of stdout is {@code classification=…}.
 */
@Command(name = "evolve", description = "Time-dependent self-consistent transport: CR feedback on the scattering, "
        + "attractors from different starts.")
final class EvolveCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE")
    Path file;

    @Option(names = "--galaxy", paramLabel = "G", description = "galaxy block to evolve (default: the first)")
    String galaxy;

    @Option(names = "--start", paramLabel = "normal|low|high|both",
            description = "initial CR state (default: the galaxy's start); both = low and high, compared")
    String start;

    @Option(names = "--t-max", paramLabel = "T", description = "end time, e.g. 500[Myr] (default: the galaxy's t_max)")
    String tMax;

    @Option(names = "--out", paramLabel = "DIR", description = "output folder (default out/<model>_<galaxy>_evolve)")
    Path out;

    @Option(names = "--force", description = "replace an --out folder that is not empty and not a previous CRDL output")
    boolean force;

    @Mixin
    ModelOptions options;

    @Mixin
    RootsOption roots;

    @Override
    public Integer call() {
        if (org.crdl.archive.ArchiveLayout.isArchive(file)) {     // an archived model, reading nothing outside it
            return ArchiveSession.within(file, options, (model, archived, spec) -> {
                file = model;
                options = archived;
                galaxy = galaxy != null ? galaxy : spec.galaxy();   // the archived galaxy unless one is given
                return call();
            });
        }
        if (out != null) {
            OutputFolder.open(out, force).close();   // a bad --out is a usage error before minutes of evolving
        }
        org.crdl.load.SourceRoots readable = roots.roots(file);
        try (Progress progress = new Progress(System.err)) {
            progress.stage("checking " + file);
            Pipeline.Checked checked = Pipeline.check(file, readable);
            Reporter.print(checked.diagnostics(), System.err);
            if (!checked.ok()) {
                return Main.MODEL_ERROR;
            }
            Program program = checked.program().get();
            progress.stage("compiling");
            CompiledModel model = Pipeline.build(program, Pipeline.sourcePath(file), options.engine());
            ParameterSet params = options.parameters(model);
            Galaxy.Def g = GalaxyRunner.pick(program, galaxy);
            List<String> starts = EvolveRunner.startNames(g, start);
            Double t = tMax == null ? null : CliQuantity.parse(tMax, Dimension.TIME, "Myr", "--t-max");
            EvolveRunner runner = new EvolveRunner(program, model, params, file);
            long[] last = {0};
            EvolveRunner.Outcome outcome = runner.run(g, starts, t, r -> {
                long now = System.nanoTime();
                if (now - last[0] > 2_000_000_000L || System.getenv("CRDL_EVOLVE_DEBUG") != null) {
                    last[0] = now;
                    System.err.printf("crdl: evolve %s start: t = %.4g Myr, step %d, dt = %.3g Myr, largest change %.2g"
                            + " (R = %.3g GV, z = %.3g kpc)%n", r.start(), r.tMyr(), r.step(), r.dtMyr(), r.change(),
                            r.rigidityGV(), r.zKpc());
                }
            }, progress);
            Path dir = out != null ? out : Path.of("out", model.name() + "_" + g.name() + "_evolve");
            progress.stage("writing " + dir);
            GalaxyRunner galaxies = new GalaxyRunner(program, model, params, file, readable);
            int files = 0;
            try (OutputFolder folder = OutputFolder.open(dir, force)) {     // atomic: all starts or nothing
                for (EvolveRunner.Run run : outcome.runs()) {
                    List<Observations.Observed> observed = new ArrayList<>();
                    for (Galaxy.Observation o : program.observations()) {
                        observed.add(Observations.compare(o, run.result().spectra(), run.result().phiGV(), file,
                                readable, galaxies::constant));
                    }
                    files += RunOutputs.write(folder.dir().resolve(run.evolution().start().label()), model, params,
                            run.result(), observed).size();
                }
                files += EvolveOutputs.write(folder.dir(), model, outcome).size();
                folder.commit();
            }
            System.out.printf("model %s, galaxy %s: wrote %d files to %s%n", model.name(), g.name(), files, dir);
            for (EvolveRunner.Run run : outcome.runs()) {
                Evolution e = run.evolution();
                System.out.printf("start %-6s t_end = %.4g Myr, %d steps, %s, attractor %s%n", e.start().label(),
                        e.tEnd() / Constants.MYR, e.steps(), e.steady() ? "steady" : "still evolving",
                        e.dominantAttractor().label);
            }
            outcome.predicted().ifPresent(p -> System.out.printf("predicted (check --explain, scattering %s): %s -> %s%n",
                    outcome.scattering(), p.label, p.predicted));
            System.out.println("classification=" + outcome.classification().label);
            return Main.OK;
        }
    }
}
