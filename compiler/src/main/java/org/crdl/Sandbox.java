package org.crdl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Confines the files a model may read — its imports and its data files — to one folder, as
 * for a run straight from a model archive (DESIGN §5, issue 12). Outside a confinement every
 * path is allowed; inside one, a path is allowed only when its real path (symbolic links
 * resolved) lies below the root. The confinement belongs to the current thread and the threads
 * it starts.
 *
 * <pre>{@code
 * try (Sandbox.Scope s = Sandbox.confine(extractedArchive)) {
 *     Pipeline.check(model);   // a `use` or data file outside the root is "not found"
 * }
 * }</pre>
 */
public final class Sandbox {
    private static final InheritableThreadLocal<Path> ROOT = new InheritableThreadLocal<>();

    private Sandbox() {
    }

    /** Ends a confinement (restores the previous one). */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /** Allow reads below {@code root} only, until the scope is closed. */
    public static Scope confine(Path root) {
        Path real;
        try {
            real = root.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot confine to " + root, e);
        }
        Path previous = ROOT.get();
        ROOT.set(real);
        return () -> ROOT.set(previous);
    }

    /** The current root, if reads are confined. */
    public static Optional<Path> root() {
        return Optional.ofNullable(ROOT.get());
    }

    /** Whether {@code path} may be read: always outside a confinement, else only below the root. */
    public static boolean allows(Path path) {
        Path root = ROOT.get();
        if (root == null) {
            return true;
        }
        Path real;
        try {
            real = Files.exists(path) ? path.toRealPath() : path.toAbsolutePath().normalize();
        } catch (IOException e) {
            real = path.toAbsolutePath().normalize();
        }
        return real.startsWith(root);
    }
}
