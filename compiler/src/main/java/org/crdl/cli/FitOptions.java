package org.crdl.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crdl.Pipeline;
import org.crdl.ir.Program;
import org.crdl.run.Evaluator;
import org.crdl.run.RunRequest;
import org.crdl.runtime.model.CompiledModel;
import org.crdl.runtime.params.Parameter;
import org.crdl.runtime.params.ParameterSet;
import org.crdl.runtime.plasma.ModelException;
import picocli.CommandLine.Option;

/** Options shared by {@code crdl fit} and {@code crdl scan}: data selection, nuisances, threads, output. */
final class FitOptions {

    @Option(names = "--against", paramLabel = "OBS", arity = "1..*",
            description = "observables (B/C, p, …) or data files counted in chi2 (default: every observe … against)")
    List<String> against = new ArrayList<>();

    @Option(names = "--nuisance", paramLabel = "OBS", arity = "1..*",
            description = "flux observables whose normalisation is profiled analytically (e.g. --nuisance p He)")
    List<String> nuisance = new ArrayList<>();

    @Option(names = "--galaxy", paramLabel = "G", description = "galaxy block to run (default: the first)")
    String galaxy;

    @Option(names = "--threads", paramLabel = "N", description = "worker threads (default: all cores)")
    Integer threads;

    @Option(names = "--out", paramLabel = "DIR", description = "output folder")
    Path out;

    int threads() {
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (n < 1) {
            throw new UsageError("--threads must be at least 1, got " + n);
        }
        return n;
    }

    /** A command-line mistake: printed as 'error: …', exit code 2. */
    static final class UsageError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageError(String message) {
            super(message);
        }
    }

    /** The parameter called {@code name}, or a usage error listing the model's parameters. */
    static Parameter param(CompiledModel model, ParameterSet p, String name, String option) {
        int i = p.indexOf(name);
        if (i < 0) {
            throw new UsageError(option + " " + name + ": model " + model.name() + " has no param '" + name
                    + "' (only params can be varied; params: " + String.join(", ", p.names()) + ")");
        }
        return p.all().get(i);
    }

    /**
     * A value of a parameter typed on the command line, inside its declared range: a bare number in
     * the parameter's cgs unit, or a quantity with a unit of the right dimension (3e28[cm^2/s], 4kpc).
     */
    static double value(Parameter p, String text, String option) {
        double v;
        try {
            // a bare number is the value in the parameter's cgs unit (1e28 for D0 in cm^2/s)
            v = text.strip().matches("[-+]?[0-9.]+([eE][-+]?[0-9]+)?") ? Double.parseDouble(text.strip())
                    : CliQuantity.parse(text, p.dimension(), null, option + " " + p.name());
        } catch (ModelException e) {
            throw new UsageError(e.getMessage());
        }
        if (p.bounded() && (v < p.lo() || v > p.hi())) {
            throw new UsageError(String.format("%s %s: %s = %g is outside the declared range [%g, %g] (cgs [%s])",
                    option, p.name(), text, v, p.lo(), p.hi(), p.dimension()));
        }
        return v;
    }

    /** The run request for the evaluator (and for Spark executors). */
    RunRequest request(Path file, ModelOptions model, ParameterSet base, List<String> varied) {
        Map<String, Double> fixed = new LinkedHashMap<>();
        for (Parameter p : base.all()) {
            fixed.put(p.name(), p.value());
        }
        return RunRequest.of(file, galaxy, model.engine() == Pipeline.Engine.INTERPRETED, fixed, varied, against,
                nuisance);
    }

    /** A checked and compiled model, or null when it has errors (printed). */
    record Loaded(Program program, CompiledModel model, ParameterSet base) {
    }

    static Loaded load(Path file, ModelOptions options) {
        Pipeline.Checked checked = Pipeline.check(file);
        Reporter.print(checked.diagnostics(), System.err);
        if (!checked.ok()) {
            return null;
        }
        Program program = checked.program().get();
        CompiledModel model = Pipeline.build(program, Pipeline.sourcePath(file), options.engine());
        return new Loaded(program, model, options.parameters(model));
    }

    /** The in-process evaluator; unknown --against/--nuisance names are usage errors. */
    Evaluator evaluator(Program program, CompiledModel model, Path file, ParameterSet base, List<String> varied) {
        try {
            return Evaluator.prepare(program, model, galaxy, file, base, varied, against, nuisance);
        } catch (IllegalArgumentException e) {
            throw new UsageError(e.getMessage());
        }
    }
}
