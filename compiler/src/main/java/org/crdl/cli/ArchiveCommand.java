package org.crdl.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.crdl.Pipeline;
import org.crdl.archive.ArchiveBuilder;
import org.crdl.archive.ModelRunner;
import org.crdl.archive.RunSpec;
import org.crdl.ir.Program;
import org.crdl.run.GalaxyRunner;
import org.crdl.runtime.model.CompiledModel;
import org.crdl.runtime.params.ParameterSet;
import org.crdl.runtime.plasma.ModelException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code crdl archive FILE [--galaxy G] [--set NAME=VALUE]… [--with-results] --out NAME.crdla}:
 * one zip with everything needed to re-run the model (see {@link org.crdl.archive.ArchiveLayout}).
 */
@Command(name = "archive", description = "Write a reproducible model archive (.crdla: BagIt bag + RO-Crate, a zip).")
final class ArchiveCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "the model to archive")
    Path file;

    @Option(names = "--galaxy", paramLabel = "G", description = "galaxy block the archived run uses (default: the first)")
    String galaxy;

    @Option(names = "--with-results", description = "run the model from the staged archive and include its outputs")
    boolean withResults;

    @Option(names = "--out", paramLabel = "NAME.crdla", required = true, description = "the archive to write")
    Path out;

    @Mixin
    ModelOptions options;

    @Override
    public Integer call() throws IOException {
        if (!out.toString().endsWith(".crdla")) {
            System.err.println("error: the archive name must end in .crdla (got " + out + ")");
            return 2;
        }
        Pipeline.Checked checked = Pipeline.check(file);
        Reporter.print(checked.diagnostics(), System.err);
        if (!checked.ok()) {
            return Main.MODEL_ERROR;
        }
        Program program = checked.program().get();
        CompiledModel model = Pipeline.build(program, Pipeline.sourcePath(file), options.engine());
        ParameterSet params = options.parameters(model);
        String g = program.galaxies().isEmpty() && galaxy == null ? null : GalaxyRunner.pick(program, galaxy).name();
        if (withResults && g == null) {
            throw new ModelException("--with-results needs a galaxy to run; model " + program.modelName() + " has none");
        }
        List<String> cmd = new ArrayList<>(List.of("crdl", "archive", file.toString()));
        if (galaxy != null) {
            cmd.addAll(List.of("--galaxy", galaxy));
        }
        options.overrides.forEach(o -> cmd.addAll(List.of("--set", o)));
        if (withResults) {
            cmd.add("--with-results");
        }
        cmd.addAll(List.of("--out", out.toString()));
        RunSpec spec = ArchiveBuilder.build(new ArchiveBuilder.Request(file, checked, g, options.overrides,
                options.engine, params, withResults, out, cmd), runner(System.out));
        System.out.printf("archived %s: %d model file(s), %d data file(s), generated Java%s -> %s%n", spec.modelName(),
                spec.modelFiles().size(), spec.dataFiles().size(),
                spec.results().isEmpty() ? "" : ", " + spec.results().size() + " result files", out);
        return Main.OK;
    }

    /** How archives run a model: exactly as {@code crdl run} does, printing to {@code stdout}. */
    static ModelRunner runner(PrintStream stdout) {
        return (model, galaxy, overrides, engine, dir, command) ->
                RunCommand.execute(model, galaxy, ModelOptions.of(overrides, engine), dir, command, stdout);
    }
}
