package org.crdl.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.crdl.runtime.plasma.ModelException;

/**
 * Finds the data files a model names by file name ("B_C_ratio_AMS_PRL2018.txt"): next to the
 * model, then in {@code $CRDL_DATA/<kind>}, then in {@code shared/data/<kind>} beside any folder
 * above the model or the working directory (the layout of a CRDL checkout, whose test data live
 * in ../shared/data). A missing file is an error that lists where it was looked for.
 */
public final class DataFiles {
    private DataFiles() {
    }

    /** {@code kind} is "observations" or "cross_sections". */
    public static Path resolve(String name, Path modelFile, String kind) {
        if (org.crdl.Sandbox.root().isPresent()) {
            return confined(name, modelFile, kind, org.crdl.Sandbox.root().get());
        }
        List<Path> tried = new ArrayList<>();
        Path direct = Path.of(name);
        if (direct.isAbsolute()) {
            tried.add(direct);
        }
        Path modelDir = modelFile.toAbsolutePath().normalize().getParent();
        if (modelDir != null) {
            tried.add(modelDir.resolve(name));
        }
        String env = System.getenv("CRDL_DATA");
        if (env != null && !env.isBlank()) {
            tried.add(Path.of(env).resolve(kind).resolve(name));
        }
        Set<Path> bases = new LinkedHashSet<>();
        for (Path start : new Path[] {modelDir, Path.of("").toAbsolutePath()}) {
            for (Path p = start; p != null; p = p.getParent()) {
                bases.add(p);
            }
        }
        for (Path base : bases) {
            tried.add(base.resolve("shared").resolve("data").resolve(kind).resolve(name));
            if (base.getParent() != null) {
                tried.add(base.getParent().resolve("shared").resolve("data").resolve(kind).resolve(name));
            }
        }
        for (Path p : tried) {
            if (Files.isRegularFile(p)) {
                return p.normalize();
            }
        }
        throw new ModelException("cannot find the data file \"" + name + "\"; looked next to the model, in $CRDL_DATA/"
                + kind + " and in shared/data/" + kind + " above " + modelDir);
    }

    /** Inside a {@link org.crdl.Sandbox}: next to the model, then {@code <root>/<kind>/<name>}; nothing outside the root. */
    private static Path confined(String name, Path modelFile, String kind, Path root) {
        Path modelDir = modelFile.toAbsolutePath().normalize().getParent();
        for (Path p : new Path[] {modelDir == null ? null : modelDir.resolve(name), root.resolve(kind).resolve(name)}) {
            if (p != null && org.crdl.Sandbox.allows(p) && Files.isRegularFile(p)) {
                return p.normalize();
            }
        }
        throw new ModelException("cannot find the data file \"" + name + "\" inside " + root + " (next to the model or in "
                + kind + "/); files outside it are not read");
    }
}
