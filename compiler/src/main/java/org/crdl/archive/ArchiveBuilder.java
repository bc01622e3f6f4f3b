package org.crdl.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.crdl.Pipeline;
import org.crdl.Sandbox;
import org.crdl.codegen.ModelEmitter;
import org.crdl.ir.Galaxy;
import org.crdl.ir.Program;
import org.crdl.run.BuildInfo;
import org.crdl.run.DataFiles;
import org.crdl.runtime.params.Parameter;
import org.crdl.runtime.params.ParameterSet;
import org.crdl.runtime.plasma.ModelException;
import org.crdl.syntax.CompilationUnit;

/**
 * Writes a model archive ({@link ArchiveLayout}): stages the model, the files it uses, the data
 * files it reads and the generated Java in a private folder; with results, runs the model from
 * the staged copy confined to that folder (so the archive is proved self-contained before it is
 * written); writes crdl-run.json and the RO-Crate; bags it (BagIt, SHA-256) and zips it in the
 * canonical layout ({@link CanonicalZip}). The archive appears only when complete.
 */
public final class ArchiveBuilder {

    /** What to archive. {@code galaxy} is null for a model without one (no results then). */
    public record Request(Path modelFile, Pipeline.Checked checked, String galaxy, List<String> overrides, String engine,
                          ParameterSet parameters, boolean withResults, Path out, List<String> archiveCommand) {
    }

    private ArchiveBuilder() {
    }

    /** Build the archive; returns the spec written into it. */
    public static RunSpec build(Request r, ModelRunner runner) throws IOException {
        Program program = r.checked().program().orElseThrow();
        List<CompilationUnit> units = r.checked().units().orElseThrow();
        Path staging = Files.createTempDirectory("crdl-archive-");
        try {
            Path crate = staging;
            // the model and its imports below their common folder
            List<Path> sources = new ArrayList<>();
            for (int i = units.size() - 1; i >= 0; i--) {
                sources.add(units.get(i).file().canonicalPath());
            }
            Path base = commonFolder(sources);
            List<String> modelFiles = new ArrayList<>();
            for (Path s : sources) {
                String rel = ArchiveLayout.MODEL + "/" + slash(base.relativize(s));
                copy(s, crate.resolve(rel));
                modelFiles.add(rel);
            }
            String model = modelFiles.get(0);
            List<String> dataFiles = stageData(program, r.modelFile(), crate);
            ModelEmitter.Emitted emitted = Pipeline.emit(program, model);
            String generated = ArchiveLayout.GENERATED + "/" + slash(emitted.relativePath());
            write(crate.resolve(generated), emitted.source());

            List<String> runCommand = new ArrayList<>(List.of("crdl", "run", model));
            if (r.galaxy() != null) {
                runCommand.addAll(List.of("--galaxy", r.galaxy()));
            }
            r.overrides().forEach(o -> runCommand.addAll(List.of("--set", o)));
            if (!"compiled".equals(r.engine())) {
                runCommand.addAll(List.of("--engine", r.engine()));
            }
            List<String> results = new ArrayList<>();
            if (r.withResults()) {
                if (r.galaxy() == null) {
                    throw new ModelException("--with-results needs a galaxy to run; model " + program.modelName()
                            + " has none");
                }
                Path out = crate.resolve(ArchiveLayout.RESULTS);
                int code;
                try (Sandbox.Scope s = Sandbox.confine(crate)) {
                    code = runner.run(crate.resolve(model), r.galaxy(), r.overrides(), r.engine(), out, runCommand);
                }
                if (code != 0) {
                    throw new ModelException("the run from the staged archive failed (exit " + code + "); no archive written");
                }
                results.addAll(ArchiveLayout.results(out));
            }
            BuildInfo build = BuildInfo.current();
            List<RunSpec.Param> params = new ArrayList<>();
            for (Parameter p : r.parameters().all()) {
                params.add(new RunSpec.Param(p.name(), p.value(), p.dimension().toString()));
            }
            RunSpec spec = new RunSpec(ArchiveLayout.FORMAT, model, program.modelName(), r.galaxy(), r.engine(),
                    List.copyOf(r.overrides()), params, runCommand, r.archiveCommand(), build.version(), build.commit(),
                    build.javaVersion(), build.javaVendor(), Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                    modelFiles, dataFiles, List.of(generated), results);
            spec.write(crate.resolve(ArchiveLayout.SPEC));
            RoCrate.write(crate, spec, program.title().orElse(""));

            Map<String, String> info = new LinkedHashMap<>();
            info.put("External-Identifier", program.modelName());
            info.put("External-Description", "CRDL model archive (" + ArchiveLayout.FORMAT + "); RO-Crate in data/");
            info.put("CRDL-Version", build.version());
            info.put("CRDL-Commit", build.commit());
            info.put("Java-Version", build.javaVersion());
            Bags.bagInPlace(staging, info);
            zip(staging, r.out());
            return spec;
        } finally {
            deleteTree(staging);
        }
    }

    private static List<String> stageData(Program program, Path modelFile, Path crate) throws IOException {
        Set<String> out = new LinkedHashSet<>();
        for (Galaxy.Observation o : program.observations()) {
            for (String f : org.crdl.run.Observations.filesRead(o)) {
                out.add(stageOne(f, ArchiveLayout.OBSERVATIONS, modelFile, crate));
            }
        }
        for (Galaxy.Def g : program.galaxies().values()) {
            for (String f : g.crossSections()) {
                out.add(stageOne(f, ArchiveLayout.CROSS_SECTIONS, modelFile, crate));
            }
            if (org.crdl.run.GalaxyRunner.needsIsotopeList(g)) {
                out.add(stageOne(org.crdl.run.GalaxyRunner.ISOTOPE_LIST, ArchiveLayout.CROSS_SECTIONS, modelFile, crate));
            }
        }
        return List.copyOf(out);
    }

    private static String stageOne(String name, String kind, Path modelFile, Path crate) throws IOException {
        Path n = Path.of(name).normalize();
        if (n.isAbsolute() || n.startsWith("..") || name.contains("\\")) {
            throw new ModelException("cannot archive the data file \"" + name + "\": only names relative to the model or "
                    + "the data folder can be archived");
        }
        String rel = kind + "/" + slash(n);
        Path target = crate.resolve(rel);
        if (!Files.exists(target)) {
            copy(DataFiles.resolve(name, modelFile, kind), target);
        }
        return rel;
    }

    private static Path commonFolder(List<Path> files) {
        Path common = files.get(0).getParent();
        for (Path f : files) {
            while (!f.startsWith(common)) {
                common = common.getParent();
            }
        }
        // keep the model's own folder (models/reference/x.crdl -> model/reference/x.crdl): it names the generated package
        return common.getParent() != null ? common.getParent() : common;
    }

    private static void zip(Path bag, Path out) throws IOException {
        List<CanonicalZip.Item> items = new ArrayList<>();
        for (String f : Bags.files(bag)) {
            items.add(new CanonicalZip.Item(f, bag.resolve(f)));
        }
        Path abs = out.toAbsolutePath();
        Files.createDirectories(abs.getParent());
        Path tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName(), ".part");
        try {
            try (OutputStream o = new java.io.BufferedOutputStream(Files.newOutputStream(tmp))) {
                CanonicalZip.write(items, o);
            }
            try {
                Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: keep the default
            }
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void write(Path to, String text) throws IOException {
        Files.createDirectories(to.getParent());
        Files.writeString(to, text, java.nio.charset.StandardCharsets.UTF_8);
    }

    static String slash(Path p) {
        return p.toString().replace('\\', '/');
    }

    /** Delete a folder tree this process created (never follows symbolic links). */
    static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (var s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // best effort: a temp folder left behind is harmless
                }
            });
        } catch (IOException e) {
            // best effort
        }
    }
}
