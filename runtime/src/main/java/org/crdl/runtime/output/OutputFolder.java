package org.crdl.runtime.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Atomic output: a command writes all its files into a hidden temporary folder beside the
 * target ({@code .NAME.crdl-tmp-…}) and {@link #commit()} moves the finished folder into place,
 * so the target never holds a mix of old and new files or a half-written file. Usage:
 *
 * <pre>
 *   try (OutputFolder out = OutputFolder.open(dir, force)) {
 *       table.write(out.file("flux_p.csv"));      // or write anything below out.dir()
 *       …
 *       out.commit();            // writes the marker .crdl-output, then renames into place
 *   }                            // not committed (an exception): the temporary folder is deleted
 * </pre>
 *
 * The target must be absent, empty, or a previous CRDL output (it holds the marker file
 * {@value #MARKER} or a {@code summary.json}); anything else is refused unless {@code force}.
 * A previous output is replaced as a whole (stale files do not survive). Replacing is two
 * renames (old → {@code .NAME.crdl-old-…}, new → NAME): a process killed between them leaves no
 * NAME at all, never a partial one. Single files (plots named on the command line) go through
 * {@link #writeFile}: written to a temporary sibling and renamed over the target.
 */
public final class OutputFolder implements AutoCloseable {
    /** The marker file that identifies a complete CRDL output folder. */
    public static final String MARKER = ".crdl-output";

    private final Path target;
    private final Path temp;
    private boolean committed;

    private OutputFolder(Path target, Path temp) {
        this.target = target;
        this.temp = temp;
    }

    /**
     * Checks {@code dir} and creates the temporary folder beside it.
     *
     * @throws OutputException if the path is empty, a file, a non-empty folder that is not a
     *         CRDL output (without {@code force}), or its parent cannot be written
     */
    public static OutputFolder open(Path dir, boolean force) {
        Path target = checkPath(dir, "output folder").toAbsolutePath().normalize();
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new OutputException("output folder " + dir + " exists and is not a folder");
        }
        if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS) && !force && !isEmpty(target)
                && !isCrdlOutput(target)) {
            throw new OutputException("output folder " + dir + " is not empty and is not a previous CRDL output; "
                    + "choose another --out or add --force to replace it");
        }
        Path parent = target.getParent();
        if (parent == null) {
            throw new OutputException("cannot use the root folder " + dir + " as output folder");
        }
        try {
            Files.createDirectories(parent);
            Path temp = parent.resolve("." + target.getFileName() + ".crdl-tmp-" + UUID.randomUUID());
            Files.createDirectory(temp);
            return new OutputFolder(target, temp);
        } catch (IOException | SecurityException e) {
            throw new OutputException("cannot write into " + parent + ": " + describe(e), e);
        }
    }

    /** The path of a file to write (inside the temporary folder until {@link #commit()}). */
    public Path file(String name) {
        Path p = temp.resolve(name).normalize();
        if (!p.startsWith(temp) || p.equals(temp)) {
            throw new IllegalArgumentException("output file name escapes the folder: " + name);
        }
        return p;
    }

    /** The folder to write into now (the temporary folder until {@link #commit()}). */
    public Path dir() {
        return temp;
    }

    /** The folder the files will be in after {@link #commit()}. */
    public Path target() {
        return target;
    }

    /** Writes the marker and moves the finished folder into place; returns the target. */
    public Path commit() {
        try {
            Files.writeString(temp.resolve(MARKER), "complete CRDL output\n", StandardCharsets.UTF_8);
            Path old = null;
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                old = target.resolveSibling("." + target.getFileName() + ".crdl-old-" + UUID.randomUUID());
                move(target, old);
            }
            move(temp, target);
            committed = true;
            if (old != null) {
                deleteTree(old);
            }
            return target;
        } catch (IOException | SecurityException e) {
            throw new OutputException("cannot move the finished output into " + target + ": " + describe(e), e);
        }
    }

    /** Deletes the temporary folder unless the output was committed. */
    @Override
    public void close() {
        if (!committed) {
            try {
                deleteTree(temp);
            } catch (IOException e) {
                // best effort: a hidden .crdl-tmp folder is left behind, never a partial target
            }
        }
    }

    /** True if {@code dir} holds the marker or a summary.json of an earlier run. */
    public static boolean isCrdlOutput(Path dir) {
        return Files.isRegularFile(dir.resolve(MARKER)) || Files.isRegularFile(dir.resolve("summary.json"));
    }

    /**
     * Writes one file atomically: {@code writer} fills a temporary sibling, which is then
     * renamed over {@code file}. A folder at {@code file} is refused.
     */
    public static Path writeFile(Path file, Consumer<Path> writer) {
        Path target = checkPath(file, "output file").toAbsolutePath().normalize();
        if (Files.isDirectory(target)) {
            throw new OutputException("output file " + file + " is a folder");
        }
        Path parent = target.getParent();
        Path temp = null;
        try {
            Files.createDirectories(parent);
            String name = target.getFileName().toString();
            int dot = name.lastIndexOf('.');
            String ext = dot > 0 ? name.substring(dot) : "";   // keep the extension: writers pick the format by it
            temp = parent.resolve("." + name + ".crdl-tmp-" + UUID.randomUUID() + ext);
            writer.accept(temp);
            move(temp, target);
            temp = null;
            return target;
        } catch (IOException | SecurityException e) {
            throw new OutputException("cannot write " + file + ": " + describe(e), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    // best effort
                }
            }
        }
    }

    private static Path checkPath(Path p, String what) {
        if (p == null || p.toString().isBlank()) {
            throw new OutputException("the " + what + " is empty; give a path (e.g. --out out/run1)");
        }
        return p;
    }

    private static boolean isEmpty(Path dir) {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            return !s.iterator().hasNext();
        } catch (IOException e) {
            throw new OutputException("cannot read output folder " + dir + ": " + describe(e), e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes a) throws IOException {
                Files.delete(f);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** An I/O failure in words (never a Java class name alone). */
    static String describe(Exception e) {
        String m = e.getMessage();
        String kind = switch (e.getClass().getSimpleName()) {
            case "NoSuchFileException" -> "no such file or folder";
            case "AccessDeniedException" -> "permission denied";
            case "FileAlreadyExistsException" -> "already exists";
            case "NotDirectoryException" -> "not a folder";
            case "DirectoryNotEmptyException" -> "folder not empty";
            case "FileSystemException" -> m != null && m.contains(":") ? m.substring(m.lastIndexOf(':') + 1).trim()
                    : "file system error";
            default -> m == null ? "I/O error" : m;
        };
        return kind;
    }
}
