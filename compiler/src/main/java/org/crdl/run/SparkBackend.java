package org.crdl.run;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.crdl.runtime.plasma.ModelException;

/**
 * Loads the Spark backend only when {@code --spark} is given: Spark and its ~120 jars live in
 * {@code spark/target/lib} next to {@code spark/target/crdl-spark.jar} (or in {@code $CRDL_SPARK_HOME}),
 * outside crdl.jar and its class path, and are opened by a dedicated class loader whose parent
 * is crdl's own (so the backend sees the same compiler and runtime classes).
 */
public final class SparkBackend {
    static final String IMPLEMENTATION = "org.crdl.spark.SparkScan";

    private SparkBackend() {
    }

    /** The backend, or a {@link ModelException} saying where the Spark jars were looked for. */
    public static DistributedScan load() {
        Path home = home();
        Path jar = home.resolve("crdl-spark.jar");
        Path lib = home.resolve("lib");
        if (!Files.isRegularFile(jar) || !Files.isDirectory(lib)) {
            throw new ModelException("--spark needs the Spark backend, which is not built: expected " + jar + " and "
                    + lib + " (build it with 'mvn -B -DskipTests package' from the checkout, or set CRDL_SPARK_HOME)");
        }
        List<URL> urls = new ArrayList<>();
        try (Stream<Path> jars = Files.list(lib)) {
            urls.add(jar.toUri().toURL());
            for (Path p : (Iterable<Path>) jars.sorted()::iterator) {
                if (p.toString().endsWith(".jar")) {
                    urls.add(p.toUri().toURL());
                }
            }
        } catch (IOException e) {
            throw new ModelException("cannot list the Spark jars in " + lib + ": " + e.getMessage(), e);
        }
        if (System.getProperty("crdl.spark.jars") == null) {
            // what executors of a cluster need on their class path: crdl itself and the backend
            try {
                Path self = Path.of(SparkBackend.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                if (self.toString().endsWith(".jar")) {
                    System.setProperty("crdl.spark.jars", self + "," + jar.toAbsolutePath());
                }
            } catch (java.net.URISyntaxException | RuntimeException e) {
                // local masters need no jars; a cluster run then says which class it misses
            }
        }
        ClassLoader loader = new URLClassLoader("crdl-spark", urls.toArray(new URL[0]), SparkBackend.class.getClassLoader());
        try {
            Object o = Class.forName(IMPLEMENTATION, true, loader).getDeclaredConstructor().newInstance();
            return (DistributedScan) o;
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new ModelException("cannot start the Spark backend from " + home + ": " + e, e);
        }
    }

    /** $CRDL_SPARK_HOME, or spark/target beside the folder crdl.jar was built in. */
    static Path home() {
        String env = System.getenv("CRDL_SPARK_HOME");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        try {
            Path self = Path.of(SparkBackend.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            // compiler/target/crdl.jar (or compiler/target/classes) -> <root>/spark/target
            Path root = self.getParent().getParent().getParent();
            return root.resolve("spark").resolve("target");
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return Path.of("spark", "target");
        }
    }
}
