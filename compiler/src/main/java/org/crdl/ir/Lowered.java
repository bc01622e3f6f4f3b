package org.crdl.ir;

import java.util.List;
import java.util.Optional;
import org.crdl.diag.SourceSpan;

/** Programs after lowering: what the code generator emits, with hoisted temporaries. */
public final class Lowered {
    private Lowered() {
    }

    /** A hoisted temporary and the expression that computes it (which may use earlier temporaries). */
    public record TempDef(Symbol.Temp temp, Node value, SourceSpan origin) {
    }

    /**
     * A scattering block: temporaries computed when the object is built (parameters only) and
     * in bind(); per-call expressions of e for the summed source and damping rates and for
     * every law (terms, in declaration order); ν̄_s for phenomenological blocks.
     */
    public record Scattering(Program.ScatteringDef def, List<TempDef> constructorTemps, List<TempDef> bindTemps,
                             Node sourceRate, Node dampingRate, List<Node> terms, Optional<Node> nu) {
        public Scattering {
            constructorTemps = List.copyOf(constructorTemps);
            bindTemps = List.copyOf(bindTemps);
            terms = List.copyOf(terms);
        }
    }

    /** A law evaluated on its own (a fast-mode damping law Γ(k, cos θ)): temporaries and the per-call body. */
    public record Law(Program.LawDef def, List<TempDef> constructorTemps, List<TempDef> bindTemps, Node body) {
        public Law {
            constructorTemps = List.copyOf(constructorTemps);
            bindTemps = List.copyOf(bindTemps);
        }
    }

    /** Laws lowered together (a structure's): shared temporaries and the per-call roots, in the given order. */
    public record Roots(List<TempDef> constructorTemps, List<TempDef> bindTemps, List<Node> roots) {
        public Roots {
            constructorTemps = List.copyOf(constructorTemps);
            bindTemps = List.copyOf(bindTemps);
            roots = List.copyOf(roots);
        }
    }

    /** A phase field ready for emission (inlined and folded). */
    public record Field(String name, Node value, boolean rigidityDependent, SourceSpan span) {
    }

    /** A phase: static fields (computed once per parameter set) and rigidity-dependent ones, in evaluation order. */
    public record Phase(Program.PhaseDef def, List<Field> fields) {
        public Phase {
            fields = List.copyOf(fields);
        }
    }
}
