package org.crdl.passes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crdl.ir.IrPrinter;
import org.crdl.ir.Lowered;
import org.crdl.ir.Node;
import org.crdl.ir.Program;
import org.crdl.ir.Symbol;

/**
 * Lowers a scattering block for code generation: inline lets/laws, fold constants (units are
 * already cgs), regroup products and sums by {@link Level}, then hoist every maximal
 * subexpression that does not depend on the wave energy into a temporary computed once —
 * in the constructor when it needs only parameters, else in bind() — with common
 * subexpressions shared. What remains per call is a few multiplications and additions.
 *
 * Subexpressions inside an e-dependent {@code if} or {@code and/or} are not hoisted, so
 * generated code fails exactly when the interpreter would (a branch that is not taken is
 * never evaluated).
 */
public final class Lowering {
    /** The named passes, in order, for {@code --dump-after}. */
    public static final List<String> PASSES = List.of("check", "inline", "fold", "reassociate", "hoist");

    private final Map<Node, Level> levels = new IdentityHashMap<>();
    private final Map<Node, String> keys = new IdentityHashMap<>();
    private final Map<String, Integer> occurrences = new HashMap<>();
    private final Map<String, Symbol.Temp> temps = new HashMap<>();
    private final List<Lowered.TempDef> constructorTemps = new ArrayList<>();
    private final List<Lowered.TempDef> bindTemps = new ArrayList<>();
    private final boolean speculate;
    private int next;

    private Lowering(boolean speculate) {
        this.speculate = speculate;
    }

    /** The block's expressions after a named pass ("check", "inline", "fold", "reassociate"). */
    public static List<Node> upTo(Program.ScatteringDef def, String pass) {
        List<Node> out = new ArrayList<>();
        for (Node n : roots(def)) {
            Node x = n;
            if (PASSES.indexOf(pass) >= 1) {
                x = Inliner.inline(x);
            }
            if (PASSES.indexOf(pass) >= 2) {
                x = Simplifier.simplify(x);
            }
            if (PASSES.indexOf(pass) >= 3) {
                x = Simplifier.simplify(Reassociator.reassociate(x));
            }
            out.add(x);
        }
        return out;
    }

    /** Laws in declaration order, then (for phenomenological blocks) nu. */
    static List<Node> roots(Program.ScatteringDef def) {
        List<Node> roots = new ArrayList<>();
        def.laws().forEach(l -> roots.add(l.body()));
        def.nu().ifPresent(roots::add);
        return roots;
    }

    public static Lowered.Scattering lower(Program.ScatteringDef def) {
        return new Lowering(false).run(def);
    }

    /**
     * A fast-mode damping law Γ(k, cos θ), lowered on its own with speculative hoisting: phase-level parts of both branches of a k- or θ-dependent {@code if} are computed
     * once in bind(). Double arithmetic never traps, so an untaken branch's value is only unused;
     * the law's phase fields are checked against the environment's phase before it runs.
     */
    public static Lowered.Law lowerDampingLaw(Program.LawDef law) {
        Lowering l = new Lowering(true);
        Node body = l.prepare(law.body());
        l.countHoistable(body);
        Node rate = l.hoist(body);
        return new Lowered.Law(law, l.constructorTemps, l.bindTemps, rate);
    }

    /**
     * Several laws lowered together with shared temporaries (a structure's size range, long axis,
     * abundance, optical depth…): parts that need only parameters go to the constructor, parts of
     * the phase and rigidity to bind(), and what depends on ℓ_S stays per call; hoisting is
     * speculative as for damping laws (double arithmetic never traps).
     */
    public static Lowered.Roots lowerRoots(List<Node> roots) {
        Lowering l = new Lowering(true);
        List<Node> prepared = new ArrayList<>();
        roots.forEach(r -> prepared.add(l.prepare(r)));
        prepared.forEach(l::countHoistable);
        List<Node> out = new ArrayList<>();
        prepared.forEach(r -> out.add(l.hoist(r)));
        return new Lowered.Roots(l.constructorTemps, l.bindTemps, out);
    }

    private Lowered.Scattering run(Program.ScatteringDef def) {
        List<Node> laws = new ArrayList<>();
        for (Program.LawDef l : def.laws()) {
            laws.add(prepare(l.body()));
        }
        Node sources = sum(laws.subList(0, def.sources().size()), def);
        Node dampings = sum(laws.subList(def.sources().size(), laws.size()), def);
        Optional<Node> nu = def.nu().map(this::prepare);
        // repeated subexpressions are counted over the laws themselves; the sums reuse the same subtrees
        laws.forEach(this::countHoistable);
        nu.ifPresent(this::countHoistable);
        List<Node> terms = new ArrayList<>();
        laws.forEach(l -> terms.add(hoist(l)));
        return new Lowered.Scattering(def, constructorTemps, bindTemps, hoist(sources), hoist(dampings), terms,
                nu.map(this::hoist));
    }

    private Node prepare(Node n) {
        return Simplifier.simplify(Reassociator.reassociate(Simplifier.simplify(Inliner.inline(n))));
    }

    /** Σ of the laws, regrouped so all e-independent laws are added first; 0 for an empty list. */
    private Node sum(List<Node> laws, Program.ScatteringDef def) {
        if (laws.isEmpty()) {
            return new Node.Const(0.0, org.crdl.runtime.units.Dimension.NONE, def.span());
        }
        Node acc = laws.get(0);
        for (int i = 1; i < laws.size(); i++) {
            acc = new Node.Add(acc, laws.get(i), def.span());
        }
        return Simplifier.simplify(Reassociator.reassociate(acc));
    }

    private Level level(Node n) {
        return Level.of(n, levels);
    }

    /** Small numbers for the distinct subtree keys, so a key names its children by number. */
    private final Map<String, Integer> keyIds = new HashMap<>();

    /**
     * The structural identity of a subtree, computed once per node: a leaf's printed form and
     * dimension; for an operation, its kind and the numbers of its children's keys (so keys stay
     * short and a chain of n operations costs O(n), not the O(n²) of printing every subtree).
     */
    private String key(Node n) {
        String k = keys.get(n);
        if (k != null) {
            return k;
        }
        List<Node> children = org.crdl.ir.Dependencies.children(n);
        if (children.isEmpty()) {
            k = IrPrinter.print(n) + "|" + n.dim();
        } else {
            StringBuilder sb = new StringBuilder(n.getClass().getSimpleName());
            if (n instanceof Node.Call c) {
                sb.append(':').append(c.fn().symbol());
            } else if (n instanceof Node.Compare c) {
                sb.append(':').append(c.op().symbol);
            } else if (n instanceof Node.Logic c) {
                sb.append(':').append(c.op().symbol);
            }
            sb.append('(');
            for (Node c : children) {
                String ck = key(c);
                Integer id = keyIds.get(ck);
                if (id == null) {
                    id = keyIds.size();
                    keyIds.put(ck, id);
                }
                sb.append(id).append(',');
            }
            k = sb.append(")|").append(n.dim()).toString();
        }
        keys.put(n, k);
        return k;
    }

    private static boolean isLeaf(Node n) {
        return n instanceof Node.Const || n instanceof Node.Ref;
    }

    /** A node whose subtrees must stay where they are (short-circuit or branch evaluated only when taken). */
    private boolean guarded(Node n) {
        return !speculate && (n instanceof Node.Cond || n instanceof Node.Logic) && level(n) == Level.CALL;
    }

    /** Count the subtrees of every hoistable root, so repeated ones become shared temporaries. */
    private void countHoistable(Node n) {
        if (level(n) == Level.CONSTANT) {
            return;
        }
        if (level(n) != Level.CALL) {
            countAll(n);
            return;
        }
        if (guarded(n)) {
            return;
        }
        org.crdl.ir.Dependencies.children(n).forEach(this::countHoistable);
    }

    private void countAll(Node n) {
        if (isLeaf(n)) {
            return;
        }
        occurrences.merge(key(n), 1, Integer::sum);
        org.crdl.ir.Dependencies.children(n).forEach(this::countAll);
    }

    /** Replace maximal e-independent subtrees by temporaries; keep the per-call structure. */
    private Node hoist(Node n) {
        Level l = level(n);
        if (l == Level.CONSTANT && n instanceof Node.Const) {
            return n;
        }
        if (l != Level.CALL) {
            return new Node.Ref(temp(n), n.span());
        }
        if (guarded(n)) {
            return n;
        }
        return Inliner.Rebuild.map(n, this::hoist);
    }

    /** The temporary computing {@code n}; its repeated or parameter-only parts get their own temporaries first. */
    private Symbol.Temp temp(Node n) {
        String key = key(n);
        Symbol.Temp existing = temps.get(key);
        if (existing != null) {
            return existing;
        }
        Node body = isLeaf(n) ? n : Inliner.Rebuild.map(n, this::shareable);
        Symbol.Temp t = new Symbol.Temp(next++, n.dim());
        temps.put(key, t);
        (level(n) == Level.PARAMS || level(n) == Level.CONSTANT ? constructorTemps : bindTemps)
                .add(new Lowered.TempDef(t, body, n.span()));
        return t;
    }

    /** Inside a temporary: a repeated subtree, or a parameter-only part of a bind-level value, becomes a temporary. */
    private Node shareable(Node n) {
        if (isLeaf(n) || level(n) == Level.CONSTANT) {
            return n;
        }
        Symbol.Temp existing = temps.get(key(n));
        if (existing != null) {
            return new Node.Ref(existing, n.span());
        }
        boolean repeated = occurrences.getOrDefault(key(n), 0) >= 2;
        boolean paramsOnly = level(n) == Level.PARAMS;
        if (repeated || paramsOnly) {
            return new Node.Ref(temp(n), n.span());
        }
        return Inliner.Rebuild.map(n, this::shareable);
    }

    /** A phase for emission: inlined, folded fields in evaluation order. */
    public static Lowered.Phase lower(Program.PhaseDef def) {
        List<Lowered.Field> fields = new ArrayList<>();
        for (Program.FieldDef f : def.fields()) {
            fields.add(new Lowered.Field(f.name(), Simplifier.simplify(Inliner.inline(f.value())), f.rigidityDependent(),
                    f.span()));
        }
        return new Lowered.Phase(def, fields);
    }
}
