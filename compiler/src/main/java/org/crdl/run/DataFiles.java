package org.crdl.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.crdl.load.SourceRoots;
import org.crdl.runtime.plasma.ModelException;

/**
 * Finds the data files a model names by file name ("B_C_ratio_AMS_PRL2018.txt"): next to the
 * model, then in {@code $CRDL_DATA/<kind>}, then in {@code shared/data/<kind>} beside any folder
 * above the model or the working directory (the layout of a CRDL checkout, whose test data live
 * in ../shared/data). Only files below the model's {@link SourceRoots} are read: regular files of
 * at most {@link SourceRoots#MAX_DATA_BYTES}. With {@linkplain SourceRoots#confined() confined}
 * roots (a run from a model archive, see {@link org.crdl.Sandbox}) a file is looked for only next
 * to the model and in {@code <root>/<kind>/}. A missing or refused file is an error that says
 * where it was looked for or why it was refused, never what it holds.
 */
public final class DataFiles {
    private DataFiles() {
    }

    /** {@code kind} is "observations" or "cross_sections"; the default roots of the model file. */
    public static Path resolve(String name, Path modelFile, String kind) {
        return resolve(name, SourceRoots.forModel(modelFile, List.of()), modelFile, kind);
    }

    /** As {@link #resolve(String, Path, String)}, reading only below {@code roots}. */
    public static Path resolve(String name, SourceRoots roots, Path modelFile, String kind) {
        List<Path> tried = new ArrayList<>();
        Path modelDir = modelFile.toAbsolutePath().normalize().getParent();
        if (roots.confined()) {
            if (modelDir != null) {
                tried.add(modelDir.resolve(name));
            }
            for (Path root : roots.roots()) {
                tried.add(root.resolve(kind).resolve(name));
            }
        } else {
            Path direct = Path.of(name);
            if (direct.isAbsolute()) {
                tried.add(direct);
            }
            if (modelDir != null) {
                tried.add(modelDir.resolve(name));
            }
            String env = System.getenv("CRDL_DATA");
            if (env != null && !env.isBlank()) {
                tried.add(Path.of(env).resolve(kind).resolve(name));
            }
            for (Path shared : SourceRoots.sharedData(modelDir)) {
                tried.add(shared.resolve(kind).resolve(name));
            }
        }
        String refused = null;
        for (Path p : tried) {
            try {
                roots.check(p, SourceRoots.MAX_DATA_BYTES);
                return p.normalize();
            } catch (SourceRoots.Refused e) {
                if (!e.getMessage().equals("no such file") && refused == null) {
                    refused = p.normalize() + ": " + e.getMessage();
                }
            }
        }
        if (refused != null) {
            throw new ModelException("cannot read the data file \"" + name + "\": " + refused);
        }
        if (roots.confined()) {
            throw new ModelException("cannot find the data file \"" + name + "\" inside " + roots.describe()
                    + " (next to the model or in " + kind + "/); files outside it are not read");
        }
        throw new ModelException("cannot find the data file \"" + name + "\"; looked next to the model, in $CRDL_DATA/"
                + kind + " and in shared/data/" + kind + " above " + modelDir);
    }
}
