package org.crdl.archive;

import java.nio.file.Path;
import java.util.List;

/**
 * Runs a model the way {@code crdl run} does (the command line supplies it), so archived
 * results, runs from an archive and the re-runs of {@code crdl verify} share one code path.
 */
@FunctionalInterface
public interface ModelRunner {
    /**
     * Run {@code model}'s galaxy with the overrides, write into {@code out}, record {@code command}
     * as the provenance command; returns the exit code (0 when it ran).
     */
    int run(Path model, String galaxy, List<String> overrides, String engine, Path out, List<String> command);
}
