package org.crdl.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The folders a model may read from: imports ({@code use "…"}) and data files ({@code observe …
 * against "…"}, {@code cross_sections "…"}) must resolve, after following symbolic links, to a
 * regular file below one of these roots and no larger than a size cap. Devices, FIFOs, folders
 * and {@code /proc} files are refused, and so is anything outside the roots, whatever path the
 * model text names.
 *
 * <p>The command line builds the roots with {@link #forModel} — the model's folder tree (its
 * folder, or the enclosing {@code models/} folder when it lies in one), {@code $CRDL_DATA},
 * the {@code shared/data} folders beside a CRDL checkout above the model or the working
 * directory, and every {@code --allow-path DIR} — and passes them down. A command that runs an
 * untrusted bundle can use {@link #only} to restrict reading to the bundle's own folder: such
 * roots are <em>confined</em> — the model file itself must lie below them too, and data files are
 * looked for next to the model and in each root's {@code observations/} or {@code cross_sections/}
 * folder. While an {@link org.crdl.Sandbox} scope is open (a run from a model archive),
 * {@link #forModel} returns {@code only(List.of(sandboxRoot))}, so the archive code and the command
 * line share these checks.
 */
public final class SourceRoots {
    /** Largest model source file read (text). */
    public static final long MAX_MODEL_BYTES = 10L * 1024 * 1024;
    /** Largest data file read (observations, cross sections). */
    public static final long MAX_DATA_BYTES = 64L * 1024 * 1024;

    private final List<Path> roots;
    private final boolean confined;

    private SourceRoots(List<Path> roots, boolean confined) {
        this.roots = List.copyOf(roots);
        this.confined = confined;
    }

    /**
     * Exactly these folders (each resolved to its real path; folders that do not exist are left
     * out), confined: see the class comment.
     */
    public static SourceRoots only(List<Path> folders) {
        return of(folders, true);
    }

    private static SourceRoots of(List<Path> folders, boolean confined) {
        Set<Path> out = new LinkedHashSet<>();
        for (Path f : folders) {
            real(f).filter(Files::isDirectory).ifPresent(out::add);
        }
        return new SourceRoots(new ArrayList<>(out), confined);
    }

    /**
     * The default roots of a model file named on the command line, plus {@code allowed} folders;
     * inside an {@link org.crdl.Sandbox} scope, only the sandbox root (confined).
     */
    public static SourceRoots forModel(Path modelFile, List<Path> allowed) {
        Optional<Path> sandbox = org.crdl.Sandbox.root();
        if (sandbox.isPresent()) {
            return only(List.of(sandbox.get()));
        }
        List<Path> folders = new ArrayList<>();
        Path abs = modelFile.toAbsolutePath().normalize();
        Path dir = real(abs).map(Path::getParent).orElse(abs.getParent());
        if (dir != null) {
            folders.add(dir);
            for (Path p = dir; p != null; p = p.getParent()) {
                if (p.getFileName() != null && p.getFileName().toString().equals("models")) {
                    folders.add(p);
                    break;
                }
            }
        }
        String env = System.getenv("CRDL_DATA");
        if (env != null && !env.isBlank()) {
            folders.add(Path.of(env));
        }
        folders.addAll(sharedData(dir));
        folders.addAll(allowed);
        return of(folders, false);
    }

    /** The {@code shared/data} folders of a CRDL checkout above {@code start} or the working directory. */
    public static List<Path> sharedData(Path start) {
        Set<Path> bases = new LinkedHashSet<>();
        for (Path s : new Path[] {start, Path.of("").toAbsolutePath()}) {
            for (Path p = s; p != null; p = p.getParent()) {
                bases.add(p);
            }
        }
        List<Path> out = new ArrayList<>();
        for (Path base : bases) {
            for (Path b : new Path[] {base, base.getParent()}) {
                if (b != null && Files.isDirectory(b.resolve("shared").resolve("data"))) {
                    out.add(b.resolve("shared").resolve("data"));
                }
            }
        }
        return out;
    }

    /** The same roots plus more folders (e.g. an {@code --allow-path}). */
    public SourceRoots with(List<Path> more) {
        List<Path> all = new ArrayList<>(roots);
        all.addAll(more);
        return of(all, confined);
    }

    public List<Path> roots() {
        return roots;
    }

    /**
     * Whether these roots confine a bundle ({@link #only}, or {@link #forModel} inside a
     * {@link org.crdl.Sandbox}): the model file itself is checked against them, and data files are
     * looked for only next to the model and in {@code <root>/<kind>/}.
     */
    public boolean confined() {
        return confined;
    }

    /** Why a path may not be read; the message never contains the file's content. */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * The real path of a file that may be read: it exists, is a regular file below a root (after
     * following links) and holds at most {@code maxBytes}.
     *
     * @throws Refused with a short reason ("no such file", "outside the allowed folders …")
     */
    public Path check(Path file, long maxBytes) throws Refused {
        Path abs = file.toAbsolutePath().normalize();
        if (!Files.exists(abs, LinkOption.NOFOLLOW_LINKS) && !Files.exists(abs)) {
            throw new Refused("no such file");
        }
        Path real = real(abs).orElseThrow(() -> new Refused("no such file"));
        if (roots.stream().noneMatch(real::startsWith)) {
            throw new Refused(confined
                    ? "outside the folder this run may read (" + describe() + ")"
                    : "outside the folders a model may read (the model's folder tree, $CRDL_DATA, "
                    + "shared/data; add more with --allow-path DIR)");
        }
        return checkFile(real, maxBytes);
    }

    /** A regular, readable file of at most {@code maxBytes} (any folder: a file named on the command line). */
    public static Path checkFile(Path file, long maxBytes) throws Refused {
        Path real = real(file.toAbsolutePath().normalize()).orElseThrow(() -> new Refused("no such file"));
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(real, BasicFileAttributes.class);
        } catch (IOException | SecurityException e) {
            throw new Refused("cannot read its attributes");
        }
        if (a.isDirectory()) {
            throw new Refused("is a folder, not a file");
        }
        if (!a.isRegularFile()) {
            throw new Refused("not a regular file (a device, pipe or socket)");
        }
        if (a.size() > maxBytes) {
            throw new Refused("too large (" + a.size() + " bytes; at most " + maxBytes + ")");
        }
        if (!Files.isReadable(real)) {
            throw new Refused("permission denied");
        }
        return real;
    }

    /** Reads a file below the roots (see {@link #check}). */
    public byte[] read(Path file, long maxBytes) throws Refused {
        return readChecked(check(file, maxBytes), maxBytes);
    }

    /** Reads a file named on the command line (see {@link #checkFile}). */
    public static byte[] readFile(Path file, long maxBytes) throws Refused {
        return readChecked(checkFile(file, maxBytes), maxBytes);
    }

    /** Reads a checked file, refusing more than {@code maxBytes} even if it grew since the check. */
    private static byte[] readChecked(Path real, long maxBytes) throws Refused {
        try (var in = Files.newInputStream(real)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw new Refused("too large (more than " + maxBytes + " bytes)");
            }
            return bytes;
        } catch (IOException | SecurityException e) {
            throw new Refused("cannot read it");
        }
    }

    private static Optional<Path> real(Path p) {
        try {
            return Optional.of(p.toRealPath());
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    /** The roots for a message: the one folder, or the list. */
    public String describe() {
        return roots.size() == 1 ? roots.get(0).toString() : roots.toString();
    }

    @Override
    public String toString() {
        return roots.toString();
    }
}
