package org.crdl.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.crdl.Pipeline;
import org.crdl.diag.Diagnostics;
import org.crdl.diag.SourceFile;
import org.crdl.interp.Env;
import org.crdl.interp.InterpretedPhase;
import org.crdl.interp.Interpreter;
import org.crdl.ir.Node;
import org.crdl.ir.Program;
import org.crdl.runtime.particles.Resonance;
import org.crdl.runtime.particles.Species;
import org.crdl.runtime.plasma.ModelException;
import org.crdl.runtime.plasma.PhaseState;
import org.crdl.runtime.units.Constants;
import org.crdl.runtime.units.Dimension;
import org.crdl.runtime.waves.CrState;
import org.crdl.sema.ProgramChecker;
import org.crdl.syntax.Expr;
import org.crdl.syntax.SourceParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code crdl eval FILE --phase P [--at R=1GV,species=p] EXPR}: one line, value in cgs and its unit. */
@Command(name = "eval", description = "Evaluate an expression in a phase of a model; prints the value in cgs and its unit.")
final class EvalCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "model file")
    Path file;

    @Parameters(index = "1", paramLabel = "EXPR", description = "expression, e.g. v_A_ideal or 'sqrt(pi)/8 * c_s * k_par'")
    String expression;

    @Option(names = "--phase", paramLabel = "P", description = "phase to evaluate in")
    String phase;

    @Option(names = "--at", paramLabel = "R=1GV,species=p,e=…",
            description = "resonance point: rigidity R (default 1 GV), species (default p), wave energy e")
    String at;

    @Option(names = "--precision", paramLabel = "N", description = "significant digits (default 3)")
    int precision = 3;

    @Mixin
    RootsOption roots;

    @Override
    public Integer call() {
        Pipeline.Checked checked = Pipeline.check(file, roots.roots(file));
        Reporter.print(checked.diagnostics(), System.err);
        if (!checked.ok()) {
            return Main.MODEL_ERROR;
        }
        Program program = checked.program().get();
        Diagnostics d = new Diagnostics();
        Optional<Expr> expr = SourceParser.parseExpression(SourceFile.inMemory("<EXPR>", expression), d);
        Optional<Node> node = expr.flatMap(e -> ProgramChecker.typeExpression(checked.units().get(), e, d));
        Reporter.print(d, System.err);
        if (node.isEmpty()) {
            return Main.MODEL_ERROR;
        }
        if (node.get().isCondition()) {
            throw new UsageException("EXPR is a condition; give a quantity");
        }
        Point point = Point.parse(at);
        Env env = Env.of(program.parameterSet()).withWave(point.waveEnergy());
        if (phase != null) {
            Program.PhaseDef def = program.phases().get(phase);
            if (def == null) {
                throw new UsageException("model " + program.modelName() + " has no phase '" + phase + "'; phases: "
                        + String.join(", ", program.phases().keySet()));
            }
            PhaseState state = new InterpretedPhase(def, program.parameterSet()).at(point.species(), point.rigidity());
            Resonance res = Resonance.of(point.species(), point.rigidity(), state.fieldOr("B", Double.NaN));
            env = env.withPhase(state).withResonance(res).withCr(CrState.fromPhase(state, res));
        } else {
            env = env.withResonance(Resonance.of(point.species(), point.rigidity(), Double.NaN));
        }
        double v = Interpreter.value(node.get(), env);
        if (Double.isNaN(v)) {
            throw new ModelException("EXPR is undefined (an operation such as 0/0 or the log of a negative number)");
        }
        if (Double.isInfinite(v)) {
            throw new ModelException("EXPR evaluates to " + (v > 0 ? "+" : "-") + "infinity (a division by zero or an "
                    + "overflow beyond 1.8e308 in cgs)");
        }
        Dimension dim = node.get().dim();
        String value = String.format("%." + Math.max(1, precision - 1) + "e", v);
        System.out.println(dim.isNone() ? value : value + " " + dim);
        return Main.OK;
    }

    /** The --at point. */
    record Point(double rigidity, Species species, double waveEnergy) {
        static Point parse(String text) {
            double r = Constants.GV;
            Species s = Species.proton();
            double e = Double.NaN;
            if (text != null) {
                for (String part : text.split(",")) {
                    String[] kv = part.split("=", 2);
                    if (kv.length != 2) {
                        throw new UsageException("--at expects key=value pairs, like R=1GV,species=p; got '" + part + "'");
                    }
                    switch (kv[0].trim()) {
                        case "R" -> r = CliQuantity.parse(kv[1], Dimension.POTENTIAL, "GV", "rigidity");
                        case "species" -> s = Species.byName(kv[1].trim()).orElseThrow(() -> new UsageException(
                                "unknown species '" + kv[1].trim() + "'; known: " + String.join(", ", Species.names())));
                        case "e" -> e = CliQuantity.parse(kv[1], Dimension.ENERGY_DENSITY, "erg cm^-3", "wave energy");
                        default -> throw new UsageException("--at knows R, species and e; got '" + kv[0].trim() + "'");
                    }
                }
            }
            if (!(r > 0) || Double.isInfinite(r)) {
                throw new UsageException("the rigidity R in --at must be positive and finite");
            }
            return new Point(r, s, e);
        }
    }
}
