package org.crdl.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.crdl.Pipeline;
import org.crdl.diag.Diagnostics;
import org.crdl.ir.Expectation;
import org.crdl.ir.Program;
import org.crdl.runtime.model.CompiledModel;
import org.crdl.runtime.plasma.ModelException;
import org.crdl.sema.ModuleLoader;
import org.crdl.sema.ProgramChecker;
import org.crdl.syntax.CompilationUnit;

/**
 * One run of {@code crdl test}: finds what to check under the given paths and checks it, reporting each
 * {@link CheckResult} as it is made. Per model file ({@code *.crdl}): it must check; its {@code expect}
 * statements (per engine); compiled = interpreted on random states (seeded); the golden copy of its
 * generated code when there is one. Per expected file: {@code *.rates.expected} and {@code *.run.expected}
 * (per engine). Per bad input: {@code *.crdl.bad} / {@code *.crdl.warn} with {@code X.expected}.
 */
public final class ModelTestSuite {

    /** Builds the runnable model of a checked program (tests inject a deliberately wrong engine here). */
    public interface ModelBuilder {
        CompiledModel build(Program program, String sourcePath, Pipeline.Engine engine);
    }

    /** What to run and how. */
    public record Options(List<Path> paths, List<Pipeline.Engine> engines, boolean update, boolean createGolden,
                          long seed, int tries, Set<CheckResult.Category> categories, ModelBuilder builder) {
        public Options {
            paths = List.copyOf(paths);
            engines = List.copyOf(engines);
            categories = categories.isEmpty() ? EnumSet.allOf(CheckResult.Category.class) : EnumSet.copyOf(categories);
            Objects.requireNonNull(builder, "builder");
        }

        /** Every check of the paths with the compiled engine, 100 random states per pair, the given seed. */
        public static Options of(List<Path> paths, long seed) {
            return new Options(paths, List.of(Pipeline.Engine.COMPILED), false, false, seed, 100,
                    EnumSet.allOf(CheckResult.Category.class), Pipeline::build);
        }

        public Options withEngines(List<Pipeline.Engine> e) {
            return new Options(paths, e, update, createGolden, seed, tries, categories, builder);
        }

        public Options withUpdate(boolean u, boolean create) {
            return new Options(paths, engines, u, create, seed, tries, categories, builder);
        }

        public Options only(CheckResult.Category first, CheckResult.Category... more) {
            return new Options(paths, engines, update, createGolden, seed, tries, EnumSet.of(first, more), builder);
        }

        public Options withBuilder(ModelBuilder b) {
            return new Options(paths, engines, update, createGolden, seed, tries, categories, b);
        }

        public Options withTries(int n) {
            return new Options(paths, engines, update, createGolden, seed, n, categories, builder);
        }
    }

    /** The files found under the paths, by what they are. */
    public record Found(List<Path> models, List<Path> ratesExpected, List<Path> runExpected, List<Path> badInputs) {
    }

    private final Options options;

    public ModelTestSuite(Options options) {
        this.options = options;
    }

    /** Runs every check, passing each result to {@code listener} as it is made; returns them all. */
    public List<CheckResult> run(Consumer<CheckResult> listener) {
        List<CheckResult> all = new ArrayList<>();
        Consumer<CheckResult> sink = r -> {
            all.add(r);
            listener.accept(r);
        };
        Found found = find(options.paths());
        for (Path model : found.models()) {
            model(model, sink);
        }
        for (Pipeline.Engine engine : options.engines()) {
            if (wanted(CheckResult.Category.RATES_EXPECTED)) {
                found.ratesExpected().forEach(f -> sink.accept(RatesExpectedFiles.check(f, engine, label(engine),
                        options.update())));
            }
            if (wanted(CheckResult.Category.RUN_EXPECTED)) {
                found.runExpected().forEach(f -> sink.accept(RunExpectedFiles.check(f, engine, label(engine),
                        options.update())));
            }
        }
        if (wanted(CheckResult.Category.DIAGNOSTICS)) {
            found.badInputs().forEach(f -> sink.accept(DiagnosticFiles.check(f, options.update())));
        }
        return all;
    }

    private boolean wanted(CheckResult.Category c) {
        return options.categories().contains(c);
    }

    /** "" when one engine runs and it is the compiled one, else " [compiled]" / " [interpreted]". */
    private String label(Pipeline.Engine engine) {
        if (options.engines().size() == 1 && engine == Pipeline.Engine.COMPILED) {
            return "";
        }
        return " [" + engine.name().toLowerCase(java.util.Locale.ROOT) + "]";
    }

    private void model(Path file, Consumer<CheckResult> sink) {
        boolean needsProgram = wanted(CheckResult.Category.EXPECT) || wanted(CheckResult.Category.ENGINES)
                || wanted(CheckResult.Category.GOLDEN) || wanted(CheckResult.Category.MODEL);
        if (!needsProgram) {
            return;
        }
        long t0 = System.nanoTime();
        Diagnostics diagnostics = new Diagnostics();
        Optional<List<CompilationUnit>> units = new ModuleLoader(diagnostics).load(file, file.toString());
        ProgramChecker.WithExpectations checked = units.isEmpty() || diagnostics.hasErrors()
                ? new ProgramChecker.WithExpectations(Optional.empty(), List.of())
                : ProgramChecker.checkWithExpectations(units.get(), diagnostics);
        if (checked.program().isEmpty() || diagnostics.hasErrors()) {
            String first = diagnostics.all().stream().filter(d -> d.severity() == org.crdl.diag.Severity.ERROR)
                    .findFirst().map(d -> d.span().location() + ": " + d.message()).orElse("it does not check");
            sink.accept(CheckResult.fail(CheckResult.Category.MODEL, file.toString(), "model checks",
                    first + " (run crdl check " + file + ")", (System.nanoTime() - t0) * 1e-9));
            return;
        }
        Program program = checked.program().get();
        String source = Pipeline.sourcePath(file);
        if (wanted(CheckResult.Category.EXPECT)) {
            for (Pipeline.Engine engine : options.engines()) {
                List<Expectation> xs = checked.expectations();
                if (xs.isEmpty()) {
                    continue;
                }
                try {
                    ExpectEvaluator evaluator = new ExpectEvaluator(program, options.builder().build(program, source,
                            engine), file, label(engine));
                    xs.forEach(x -> evaluator.evaluate(x).forEach(sink));
                } catch (ModelException e) {
                    sink.accept(CheckResult.fail(CheckResult.Category.EXPECT, file.toString(), "expectations",
                            e.getMessage(), 0));
                }
            }
        }
        if (wanted(CheckResult.Category.ENGINES)
                && (!program.scatterings().isEmpty() || !program.phases().isEmpty())) {
            sink.accept(engines(program, file, source));
        }
        if (wanted(CheckResult.Category.GOLDEN) && (Files.exists(GoldenCode.golden(file))
                || options.update() && options.createGolden())) {
            sink.accept(GoldenCode.check(program, file, options.update()));
        }
    }

    private CheckResult engines(Program program, Path file, String source) {
        long t0 = System.nanoTime();
        String name = "compiled = interpreted on random states (seed " + options.seed() + ")";
        try {
            CompiledModel compiled = options.builder().build(program, source, Pipeline.Engine.COMPILED);
            CompiledModel interpreted = options.builder().build(program, source, Pipeline.Engine.INTERPRETED);
            int[] n = {0};
            String d = EngineAgreement.firstDisagreement(compiled, interpreted, options.seed(), options.tries(), n);
            double s = (System.nanoTime() - t0) * 1e-9;
            if (d == null) {
                return CheckResult.pass(CheckResult.Category.ENGINES, file.toString(), name, n[0]
                        + " states agree to " + EngineAgreement.REL + " relative", s);
            }
            return CheckResult.fail(CheckResult.Category.ENGINES, file.toString(), name, d
                    + " (reproduce with crdl test " + file + " --seed " + options.seed() + ")", s);
        } catch (ModelException e) {
            return CheckResult.fail(CheckResult.Category.ENGINES, file.toString(), name, e.getMessage(),
                    (System.nanoTime() - t0) * 1e-9);
        }
    }

    // ---------------------------------------------------------------- discovery

    /** Everything to check under the paths (folders recursively; a model file brings its expected files). */
    public static Found find(List<Path> paths) {
        Set<Path> models = new TreeSet<>();
        Set<Path> rates = new TreeSet<>();
        Set<Path> runs = new TreeSet<>();
        Set<Path> bad = new TreeSet<>();
        for (Path p : paths) {
            if (!Files.exists(p)) {
                throw new ModelException("no such file or folder: " + p);
            }
            List<Path> files = new ArrayList<>();
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    s.filter(Files::isRegularFile).filter(f -> !buildOutput(p.relativize(f))).forEach(files::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else {
                files.add(p);
                if (p.toString().endsWith(".crdl")) {
                    String stem = p.getFileName().toString().replaceFirst("\\.crdl$", "");
                    Path dir = p.toAbsolutePath().getParent();
                    try (Stream<Path> s = Files.list(dir)) {
                        s.filter(f -> f.getFileName().toString().startsWith(stem + "."))
                                .map(f -> p.resolveSibling(f.getFileName())).forEach(files::add);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
            for (Path f : files) {
                String n = f.getFileName().toString();
                Path norm = f.normalize();
                if (n.endsWith(".crdl")) {
                    models.add(norm);
                } else if (n.endsWith(RatesExpectedFiles.SUFFIX) && ratesStemMatches(f, p)) {
                    rates.add(norm);
                } else if (n.endsWith(RunExpectedFiles.SUFFIX) && Files.exists(RunExpectedFiles.model(f))) {
                    runs.add(norm);
                } else if (n.endsWith(DiagnosticFiles.BAD) || n.endsWith(DiagnosticFiles.WARN)) {
                    bad.add(norm);
                }
            }
        }
        return new Found(List.copyOf(models), List.copyOf(rates), List.copyOf(runs), List.copyOf(bad));
    }

    /** Files under hidden folders or Maven {@code target/} folders (copies of test resources) are not searched. */
    private static boolean buildOutput(Path relative) {
        for (int i = 0; i < relative.getNameCount() - 1; i++) {
            String d = relative.getName(i).toString();
            if (d.equals("target") || d.startsWith(".") && !d.equals(".") && !d.equals("..")) {
                return true;
            }
        }
        return false;
    }

    /** For a single model file given, only its own X.BLOCK.rates.expected (not those of X_other.crdl). */
    private static boolean ratesStemMatches(Path f, Path given) {
        if (!given.toString().endsWith(".crdl")) {
            return true;
        }
        String stem = given.getFileName().toString().replaceFirst("\\.crdl$", "");
        String rest = f.getFileName().toString().substring(stem.length() + 1);
        return rest.indexOf('.') == rest.indexOf(RatesExpectedFiles.SUFFIX);
    }
}
