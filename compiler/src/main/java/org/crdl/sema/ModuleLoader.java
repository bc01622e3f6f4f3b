package org.crdl.sema;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crdl.diag.Code;
import org.crdl.diag.Diagnostics;
import org.crdl.diag.SourceFile;
import org.crdl.diag.SourceSpan;
import org.crdl.load.SourceRoots;
import org.crdl.syntax.CompilationUnit;
import org.crdl.syntax.Decl;
import org.crdl.syntax.SourceParser;

/**
 * Loads a model file and, transitively, the files it {@code use}s (paths relative to the
 * importing file). Each file is loaded once even when imported twice; an import that leads
 * back to a file still being loaded is an import cycle, reported at the {@code use} that
 * closes it with the whole chain.
 */
public final class ModuleLoader {
    private final Diagnostics diagnostics;
    private final Map<Path, CompilationUnit> loaded = new LinkedHashMap<>();
    private final Map<Path, Boolean> inProgress = new HashMap<>();
    private final List<Path> stack = new ArrayList<>();
    private final List<CompilationUnit> order = new ArrayList<>();

    private final SourceRoots roots;

    /** A loader whose imports must lie in the default roots of the root model file ({@link SourceRoots#forModel}). */
    public ModuleLoader(Diagnostics diagnostics) {
        this(diagnostics, null);
    }

    /** A loader whose imports must lie below {@code roots} (null: the default roots of the root file). */
    public ModuleLoader(Diagnostics diagnostics, SourceRoots roots) {
        this.diagnostics = diagnostics;
        this.roots = roots;
    }

    /** The root unit and all imports in dependency order (imports first), or empty if the root failed. */
    public Optional<List<CompilationUnit>> load(Path root, String displayPath) {
        Optional<CompilationUnit> unit = loadFile(root, displayPath, null);
        return unit.map(u -> List.copyOf(order));
    }

    /** Load from text already in memory (the root only; its imports are read from disk). */
    public Optional<List<CompilationUnit>> load(SourceFile root) {
        Optional<CompilationUnit> unit = loadParsed(root);
        return unit.map(u -> List.copyOf(order));
    }

    private SourceRoots effectiveRoots;

    private Optional<CompilationUnit> loadFile(Path path, String displayPath, SourceSpan from) {
        if (effectiveRoots == null) {
            effectiveRoots = roots != null ? roots : SourceRoots.forModel(from == null ? path
                    : from.file().canonicalPath(), List.of());
        }
        if (from != null && !isCrdlName(path)) {
            diagnostics.report(Code.IMPORT_NOT_FOUND, from, displayPath, "not a CRDL file (model files end in .crdl)");
            return Optional.empty();
        }
        Path canonical = SourceReader.canonical(path);
        if (loaded.containsKey(canonical)) {
            return Optional.of(loaded.get(canonical));
        }
        if (inProgress.containsKey(canonical)) {
            reportCycle(canonical, from);
            return Optional.empty();
        }
        // a file named on the command line may lie anywhere, unless the roots confine a bundle (an archive)
        Optional<SourceFile> file = SourceReader.read(path, displayPath, from, diagnostics,
                from == null && !effectiveRoots.confined() ? null : effectiveRoots);
        return file.flatMap(this::loadParsed);
    }

    private Optional<CompilationUnit> loadParsed(SourceFile file) {
        Path canonical = file.canonicalPath();
        inProgress.put(canonical, true);
        stack.add(canonical);
        try {
            Optional<CompilationUnit> parsed = SourceParser.parse(file, diagnostics);
            if (parsed.isEmpty()) {
                return Optional.empty();
            }
            CompilationUnit unit = parsed.get();
            Path dir = canonical.getParent();
            for (Decl d : unit.decls()) {
                if (d instanceof Decl.Use use) {
                    Path target = dir == null ? Path.of(use.path()) : dir.resolve(use.path());
                    String display = displayPath(file, use.path());
                    loadFile(target, display, use.pathSpan());
                }
            }
            loaded.put(canonical, unit);
            order.add(unit);
            return Optional.of(unit);
        } finally {
            inProgress.remove(canonical);
            stack.remove(stack.size() - 1);
        }
    }

    /** Imports name .crdl files (the error suite's .crdl.bad and .crdl.warn inputs import each other too). */
    private static boolean isCrdlName(Path p) {
        Path name = p.getFileName();
        String n = name == null ? "" : name.toString();
        return n.endsWith(".crdl") || n.endsWith(".crdl.bad") || n.endsWith(".crdl.warn");
    }

    /** Display path of an import: the importer's directory as the user wrote it, plus the relative path. */
    private static String displayPath(SourceFile importer, String relative) {
        Path dir = Path.of(importer.displayPath()).getParent();
        Path p = dir == null ? Path.of(relative) : dir.resolve(relative);
        return p.normalize().toString();
    }

    private void reportCycle(Path target, SourceSpan from) {
        int start = stack.indexOf(target);
        StringBuilder chain = new StringBuilder();
        for (int i = Math.max(0, start); i < stack.size(); i++) {
            chain.append(stack.get(i).getFileName()).append(" -> ");
        }
        chain.append(target.getFileName());
        if (from != null) {
            diagnostics.report(Code.IMPORT_CYCLE, from, chain);
        }
    }
}
