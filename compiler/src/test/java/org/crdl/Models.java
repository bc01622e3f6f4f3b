package org.crdl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Locations of the model library for tests (tests run with the repository root as working directory). */
public final class Models {
    private Models() {
    }

    public static Path root() {
        return Path.of(System.getProperty("crdl.root", "."));
    }

    /** Every model file under models/ (not the bad inputs of models/errors/). */
    public static List<Path> all() {
        return files(Path.of("models"), ".crdl");
    }

    /** The bad inputs of models/errors/. */
    public static List<Path> errors() {
        return files(Path.of("models", "errors"), ".crdl.bad");
    }

    /** The inputs of models/errors/ that check with warnings only (run with check --explain). */
    public static List<Path> warnings() {
        return files(Path.of("models", "errors"), ".crdl.warn");
    }

    private static List<Path> files(Path dir, String suffix) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(suffix)).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True when the golden files should be rewritten instead of compared (-Dcrdl.update=true). */
    public static boolean update() {
        return Boolean.getBoolean("crdl.update");
    }
}
