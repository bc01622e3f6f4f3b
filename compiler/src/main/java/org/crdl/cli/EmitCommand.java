package org.crdl.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.crdl.Pipeline;
import org.crdl.codegen.ModelEmitter;
import org.crdl.ir.IrPrinter;
import org.crdl.ir.Lowered;
import org.crdl.ir.Node;
import org.crdl.ir.Program;
import org.crdl.passes.Lowering;
import org.crdl.runtime.output.OutputException;
import org.crdl.runtime.output.OutputFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code crdl emit FILE --out DIR [--dump-after=PASS]}: write the generated Java sources. --out is a
 * source root that may hold other files, so each .java file is written atomically on its own
 * (temporary sibling, then rename) rather than through an {@link OutputFolder} swap.
 */
@Command(name = "emit", description = "Write the Java generated from a model (one class per model file).")
final class EmitCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "model files")
    List<Path> files;

    @Option(names = "--out", paramLabel = "DIR", description = "source root to write into (package folders are created)")
    Path out;

    @Option(names = "--dump-after", paramLabel = "PASS",
            description = "print each scattering block's IR after a pass: check, inline, fold, reassociate, hoist")
    String dumpAfter;

    @Mixin
    RootsOption roots;

    @Override
    public Integer call() throws IOException {
        if (out != null && out.toString().isBlank()) {
            throw new UsageException("--out is empty; give the source root to write into");
        }
        if (out != null && Files.exists(out) && !Files.isDirectory(out)) {
            throw new UsageException("--out " + out + " exists and is not a folder");
        }
        if (out == null && dumpAfter == null) {
            throw new UsageException("give --out DIR (where to write the .java files) or --dump-after=PASS");
        }
        if (dumpAfter != null && !Lowering.PASSES.contains(dumpAfter)) {
            throw new UsageException("unknown pass '" + dumpAfter + "'; passes are " + String.join(", ", Lowering.PASSES));
        }
        boolean failed = false;
        for (Path f : files) {
            Pipeline.Checked checked = Pipeline.check(f, roots.roots(f));
            Reporter.print(checked.diagnostics(), System.err);
            if (!checked.ok()) {
                failed = true;
                continue;
            }
            Program program = checked.program().get();
            if (dumpAfter != null) {
                dump(program, dumpAfter);
            }
            if (out != null) {
                ModelEmitter.Emitted emitted = Pipeline.emit(program, Pipeline.sourcePath(f));
                Path target = out.resolve(emitted.relativePath());
                OutputFolder.writeFile(target, p -> writeSource(p, emitted.source()));
                System.out.println(target);
            }
        }
        return failed ? Main.MODEL_ERROR : Main.OK;
    }

    private static void writeSource(Path file, String source) {
        try {
            Files.writeString(file, source, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new OutputException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static void dump(Program program, String pass) {
        for (Program.ScatteringDef s : program.scatterings().values()) {
            System.out.println("# scattering " + s.name() + " after " + pass);
            if (pass.equals("hoist")) {
                Lowered.Scattering l = Lowering.lower(s);
                l.constructorTemps().forEach(t -> System.out.println("  init " + t.temp().name() + " = "
                        + IrPrinter.print(t.value())));
                l.bindTemps().forEach(t -> System.out.println("  bind " + t.temp().name() + " = "
                        + IrPrinter.print(t.value())));
                System.out.println("  sourceRate(e) = " + IrPrinter.print(l.sourceRate()));
                System.out.println("  dampingRate(e) = " + IrPrinter.print(l.dampingRate()));
                for (int i = 0; i < l.terms().size(); i++) {
                    System.out.println("  term " + s.laws().get(i).name() + "(e) = " + IrPrinter.print(l.terms().get(i)));
                }
                l.nu().ifPresent(n -> System.out.println("  nu = " + IrPrinter.print(n)));
                continue;
            }
            List<Node> nodes = Lowering.upTo(s, pass);
            for (int i = 0; i < nodes.size(); i++) {
                String label = i < s.laws().size() ? s.laws().get(i).kind().keyword + " " + s.laws().get(i).name() : "nu";
                System.out.println("  " + label + " = " + IrPrinter.print(nodes.get(i)));
            }
        }
    }
}
