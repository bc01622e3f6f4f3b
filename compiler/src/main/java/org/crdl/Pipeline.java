package org.crdl;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.crdl.diag.Diagnostics;
import org.crdl.ir.Program;
import org.crdl.sema.ModuleLoader;
import org.crdl.sema.ProgramChecker;
import org.crdl.syntax.CompilationUnit;

/**
 * The compiler's passes, in order. Each stage collects all of its diagnostics; the
 * pipeline stops after a stage that reported an error.
 *
 * <pre>
 *   read + parse (SourceParser, per file)  →  imports (ModuleLoader)
 *   →  names, dimensions, law kinds (ProgramChecker → typed IR Program)
 * </pre>
 */
public final class Pipeline {
    private Pipeline() {
    }

    /** What a run of the front end produced: the units (if they parsed), the program (if it checked), diagnostics. */
    public record Checked(Optional<List<CompilationUnit>> units, Optional<Program> program, Diagnostics diagnostics) {
        public boolean ok() {
            return program.isPresent() && !diagnostics.hasErrors();
        }
    }

    /** How a checked program is run. */
    public enum Engine {
        /** generated Java, compiled in memory by Janino (the default) */
        COMPILED,
        /** the IR interpreter (the reference oracle) */
        INTERPRETED
    }

    /** Generate Java for a checked program (root file shown as {@code sourcePath}). */
    public static org.crdl.codegen.ModelEmitter.Emitted emit(Program program, String sourcePath) {
        return org.crdl.codegen.ModelEmitter.emit(program, sourcePath);
    }

    /** A runnable model: generated and loaded with Janino, or interpreted. */
    public static org.crdl.runtime.model.CompiledModel build(Program program, String sourcePath, Engine engine) {
        if (engine == Engine.INTERPRETED) {
            return new org.crdl.interp.InterpretedModel(program, org.crdl.codegen.ModelEmitter.sha256(program));
        }
        return org.crdl.load.ModelLoader.load(emit(program, sourcePath));
    }

    /** The path shown in generated headers: relative to the working directory when the file is below it. */
    public static String sourcePath(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path cwd = Path.of("").toAbsolutePath().normalize();
        Path shown = abs.startsWith(cwd) ? cwd.relativize(abs) : abs.getFileName();
        return shown.toString().replace('\\', '/');
    }

    /** Load, parse and check a model file and its imports. */
    public static Checked check(Path file) {
        return check(file, null);
    }

    /** Load, parse and check a model file whose imports must lie below {@code roots} (null: the file's default roots). */
    public static Checked check(Path file, org.crdl.load.SourceRoots roots) {
        Diagnostics diagnostics = new Diagnostics();
        Optional<List<CompilationUnit>> units = new ModuleLoader(diagnostics, roots).load(file, file.toString());
        if (units.isEmpty() || diagnostics.hasErrors()) {
            return new Checked(units, Optional.empty(), diagnostics);
        }
        Optional<Program> program = ProgramChecker.check(units.get(), diagnostics);
        return new Checked(units, program, diagnostics);
    }

    /** Parse and check model text held in memory (tests, tools). */
    public static Checked check(org.crdl.diag.SourceFile file) {
        Diagnostics diagnostics = new Diagnostics();
        Optional<List<CompilationUnit>> units = new ModuleLoader(diagnostics).load(file);
        if (units.isEmpty() || diagnostics.hasErrors()) {
            return new Checked(units, Optional.empty(), diagnostics);
        }
        Optional<Program> program = ProgramChecker.check(units.get(), diagnostics);
        return new Checked(units, program, diagnostics);
    }
}
