package org.crdl.ir;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The symbols an expression depends on, looking through let, law and where references to
 * the values behind them. Used to decide whether something depends on the wave energy,
 * the resonance, a phase field, a parameter, …
 */
public final class Dependencies {
    private final Set<Symbol> symbols = new LinkedHashSet<>();
    private final Set<Node> visited = Collections.newSetFromMap(new IdentityHashMap<>());

    private Dependencies() {
    }

    public static Set<Symbol> of(Node node) {
        Dependencies d = new Dependencies();
        d.walk(node);
        return d.symbols;
    }

    private void walk(Node root) {
        List<Node> work = new ArrayList<>();
        work.add(root);
        while (!work.isEmpty()) {
            Node n = work.remove(work.size() - 1);
            if (!visited.add(n)) {
                continue;
            }
            if (n instanceof Node.Ref r) {
                symbols.add(r.symbol());
                if (r.symbol() instanceof Symbol.Let l) {
                    work.add(l.value());
                } else if (r.symbol() instanceof Symbol.Law l) {
                    work.add(l.body());
                } else if (r.symbol() instanceof Symbol.Where w) {
                    work.add(w.value());
                }
            } else {
                work.addAll(children(n));
            }
        }
    }

    /** The direct operands of a node (not looking through references). */
    public static List<Node> children(Node n) {
        if (n instanceof Node.Neg x) {
            return List.of(x.arg());
        } else if (n instanceof Node.Add x) {
            return List.of(x.left(), x.right());
        } else if (n instanceof Node.Sub x) {
            return List.of(x.left(), x.right());
        } else if (n instanceof Node.Mul x) {
            return List.of(x.left(), x.right());
        } else if (n instanceof Node.Div x) {
            return List.of(x.left(), x.right());
        } else if (n instanceof Node.Pow x) {
            return List.of(x.base(), x.exponent());
        } else if (n instanceof Node.Call x) {
            return x.args();
        } else if (n instanceof Node.Compare x) {
            return List.of(x.left(), x.right());
        } else if (n instanceof Node.Logic x) {
            return List.of(x.left(), x.right());
        } else if (n instanceof Node.Not x) {
            return List.of(x.arg());
        } else if (n instanceof Node.Cond x) {
            return List.of(x.condition(), x.yes(), x.no());
        }
        return List.of();
    }

    /** True for a fast-mode damping law: it reads the wavevector k or cos_theta. */
    public static boolean dependsOnWaveVector(Node n) {
        return of(n).stream().anyMatch(s -> s instanceof Symbol.WaveVector);
    }

    public static boolean dependsOnWave(Node n) {
        return of(n).stream().anyMatch(s -> s instanceof Symbol.Wave);
    }

    /** True when the value depends on the rigidity or species (resonance names, v_A_eff). */
    public static boolean dependsOnResonance(Node n) {
        return of(n).stream().anyMatch(s -> s instanceof Symbol.Resonance
                || s instanceof Symbol.Plasma p && p.quantity().dependsOnResonance());
    }

    public static boolean dependsOnParams(Node n) {
        return of(n).stream().anyMatch(s -> s instanceof Symbol.Param);
    }

    /** True when the value needs nothing but literals, constants and constant lets. */
    public static boolean isConstant(Node n) {
        return of(n).stream().allMatch(s -> s instanceof Symbol.Constant || s instanceof Symbol.Let
                || s instanceof Symbol.Law || s instanceof Symbol.Where);
    }
}
