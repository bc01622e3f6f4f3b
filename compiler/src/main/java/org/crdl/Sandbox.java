package org.crdl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Confines the files a model may read — its imports and its data files — to one folder, as
 * for a run straight from a model archive (DESIGN §5, issue 12). The confinement is only a
 * holder: while a scope is open, {@link org.crdl.load.SourceRoots#forModel} returns
 * {@code SourceRoots.only(List.of(root))}, so every read goes through the checks of
 * {@link org.crdl.load.SourceRoots} (below the root after following symbolic links, regular
 * file, size cap) and data files are looked for next to the model and in
 * {@code <root>/observations/}, {@code <root>/cross_sections/}. The confinement belongs to the
 * current thread and the threads it starts.
 *
 * <pre>{@code
 * try (Sandbox.Scope s = Sandbox.confine(extractedArchive)) {
 *     Pipeline.check(model);   // a `use` or data file outside the root is refused
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
}
