package org.crdl.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.crdl.ir.Galaxy;
import org.crdl.ir.Program;
import org.crdl.runtime.output.JsonArray;
import org.crdl.runtime.output.JsonObject;
import org.crdl.runtime.params.Parameter;
import org.crdl.runtime.params.ParameterSet;
import org.crdl.runtime.plasma.ModelException;
import org.crdl.syntax.CompilationUnit;

/**
 * Where a run's results came from, written as the {@code provenance} object of summary.json:
 * the CRDL version and commit, the Java runtime, the command (without {@code --out}, so the
 * same run into two folders gives identical files), the engine, every model file (paths relative
 * to the root model's folder) and data file (by kind and name) with its SHA-256, the energy
 * grid, the parameters with their cgs units, and the wall time. {@code wall_time_s} is the only
 * member that differs between two runs of the same inputs; {@code crdl verify} ignores it.
 */
public record Provenance(BuildInfo build, List<String> command, String engine, List<Hashed> modelFiles,
                         List<Hashed> dataFiles, long startNanos) {

    /** The JSON member that is not reproducible (and nothing else is). */
    public static final String WALL_TIME = "wall_time_s";

    /** A file and its SHA-256; {@code kind} is "model", "observations" or "cross_sections". */
    public record Hashed(String kind, String path, String sha256) {
    }

    public Provenance {
        command = List.copyOf(command);
        modelFiles = List.copyOf(modelFiles);
        dataFiles = List.copyOf(dataFiles);
    }

    /**
     * Hash the model's files (the units the front end loaded) and the data files the run of
     * {@code galaxy} reads, found as the run finds them.
     */
    public static Provenance collect(List<String> command, String engine, Path modelFile, List<CompilationUnit> units,
                                     Program program, Galaxy.Def galaxy, long startNanos) {
        Path base = modelFile.toAbsolutePath().normalize().getParent();
        List<Hashed> models = new ArrayList<>();
        List<CompilationUnit> rootFirst = new ArrayList<>(units);
        java.util.Collections.reverse(rootFirst);       // the front end lists imports first, the root last
        for (CompilationUnit u : rootFirst) {
            Path p = u.file().canonicalPath();
            if (p == null) {
                continue;
            }
            String shown = base == null ? p.toString() : relative(base, p);
            models.add(new Hashed("model", shown, sha256(p)));
        }
        List<Hashed> data = new ArrayList<>();
        for (Galaxy.Observation o : program.observations()) {
            for (String f : Observations.filesRead(o)) {
                add(data, "observations", f, modelFile);
            }
        }
        if (galaxy != null) {
            for (String f : galaxy.crossSections()) {
                add(data, "cross_sections", f, modelFile);
            }
            if (GalaxyRunner.needsIsotopeList(galaxy)) {
                add(data, "cross_sections", GalaxyRunner.ISOTOPE_LIST, modelFile);
            }
        }
        return new Provenance(BuildInfo.current(), command, engine, models, data, startNanos);
    }

    private static void add(List<Hashed> data, String kind, String name, Path modelFile) {
        if (data.stream().noneMatch(h -> h.kind().equals(kind) && h.path().equals(name))) {
            data.add(new Hashed(kind, name, sha256(DataFiles.resolve(name, modelFile, kind))));
        }
    }

    private static String relative(Path base, Path p) {
        Path realBase;
        try {
            realBase = base.toRealPath();
        } catch (IOException e) {
            realBase = base;
        }
        return realBase.relativize(p).toString().replace('\\', '/');
    }

    /** The SHA-256 of a file's bytes, as lower-case hex. */
    public static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new ModelException("cannot read " + file + " to hash it: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The provenance object of summary.json; {@code grid} is the kinetic energy per nucleon grid in GeV/n. */
    public JsonObject toJson(ParameterSet params, double[] grid) {
        JsonObject root = new JsonObject();
        root.put("crdl_version", build.version());
        root.put("crdl_commit", build.commit());
        root.put("java_version", build.javaVersion());
        root.put("java_vendor", build.javaVendor());
        JsonArray cmd = new JsonArray();
        command.forEach(cmd::add);
        root.put("command", cmd);
        root.put("engine", engine);
        root.put("model_files", files(modelFiles, false));
        root.put("data_files", files(dataFiles, true));
        JsonObject g = new JsonObject();
        g.put("quantity", "Ek_GeV_per_n");
        g.put("spacing", "log");
        g.put("points", (long) grid.length);
        if (grid.length > 0) {
            g.put("min", grid[0]);
            g.put("max", grid[grid.length - 1]);
        }
        if (grid.length > 1) {
            g.put("per_decade", (grid.length - 1) / Math.log10(grid[grid.length - 1] / grid[0]));
        }
        root.put("grid", g);
        JsonArray ps = new JsonArray();
        for (Parameter p : params.all()) {
            JsonObject one = new JsonObject();
            one.put("name", p.name());
            one.put("value_cgs", p.value());
            one.put("unit_cgs", p.dimension().toString());
            ps.add(one);
        }
        root.put("parameters", ps);
        root.put(WALL_TIME, Math.round((System.nanoTime() - startNanos) / 1e6) / 1e3);
        return root;
    }

    private static JsonArray files(List<Hashed> files, boolean withKind) {
        JsonArray a = new JsonArray();
        for (Hashed h : files) {
            JsonObject o = new JsonObject();
            if (withKind) {
                o.put("kind", h.kind());
            }
            o.put(withKind ? "name" : "path", h.path());
            o.put("sha256", h.sha256());
            a.add(o);
        }
        return a;
    }
}
