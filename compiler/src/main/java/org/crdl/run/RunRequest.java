package org.crdl.run;

import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crdl.runtime.plasma.ModelException;

/**
 * A run as plain, serialisable data (DESIGN §8 "a run is data"): the model's text and where it
 * lives (imports and data files are looked up from there), the galaxy, the engine, the fixed
 * parameter values (cgs, after {@code --set}), the varied parameters, the observables counted in χ²
 * and the nuisance normalisations. A distributed scan ships this to its executors, which compile
 * it once with {@link Evaluator#compile} and evaluate their share of the points.
 */
public record RunRequest(String modelPath, String displayPath, String source, String galaxy, boolean interpreted,
                         Map<String, Double> fixed, List<String> varied, List<String> against, List<String> nuisance)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public RunRequest {
        fixed = new LinkedHashMap<>(fixed);
        varied = List.copyOf(varied);
        against = List.copyOf(against);
        nuisance = List.copyOf(nuisance);
    }

    /** The request for a model file on disk. */
    public static RunRequest of(Path file, String galaxy, boolean interpreted, Map<String, Double> fixed,
                                List<String> varied, List<String> against, List<String> nuisance) {
        try {
            Path abs = file.toAbsolutePath().normalize();
            return new RunRequest(abs.toString(), org.crdl.Pipeline.sourcePath(file), Files.readString(abs), galaxy,
                    interpreted, fixed, varied, against, nuisance);
        } catch (java.io.IOException e) {
            throw new ModelException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
