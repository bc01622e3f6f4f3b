package org.crdl.passes;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.crdl.diag.SourceSpan;
import org.crdl.ir.Node;
import org.crdl.runtime.units.Dimension;

/**
 * Regroups products and sums so that the factors and terms that do not depend on the wave
 * energy sit together in one subtree, which hoisting can then move out of the per-call
 * path: c · c_s · k_par · (e / e_B) becomes (c · c_s · k_par / e_B) · e. Factors keep their
 * order within a group; chains whose operands all have the same {@link Level} are left as
 * written.
 */
public final class Reassociator {
    private final Map<Node, Level> levels = new IdentityHashMap<>();

    private Reassociator() {
    }

    public static Node reassociate(Node n) {
        return new Reassociator().visit(n);
    }

    private Level level(Node n) {
        return Level.of(n, levels);
    }

    private record Factor(Node node, boolean inverse) {
    }

    private record Term(Node node, boolean negative) {
    }

    /**
     * A whole product or sum chain is flattened once, at its root, with its operands visited
     * first (regrouping every inner node of a chain of n operations would cost O(n²)).
     */
    private Node visit(Node n) {
        if (n instanceof Node.Mul || n instanceof Node.Div) {
            Node m = rebuildChain(n, true);
            List<Factor> factors = new ArrayList<>();
            flattenProduct(m, false, factors);
            return regroupProduct(m, factors);
        }
        if (n instanceof Node.Add || n instanceof Node.Sub) {
            Node m = rebuildChain(n, false);
            List<Term> terms = new ArrayList<>();
            flattenSum(m, false, terms);
            return regroupSum(m, terms);
        }
        return Inliner.Rebuild.map(n, this::visit);
    }

    /** The chain of products ({@code product}) or sums with its operands (the non-chain nodes) visited. */
    private Node rebuildChain(Node n, boolean product) {
        boolean link = product ? n instanceof Node.Mul || n instanceof Node.Div : n instanceof Node.Add || n instanceof Node.Sub;
        if (!link) {
            return visit(n);
        }
        return Inliner.Rebuild.map(n, c -> rebuildChain(c, product));
    }

    private static void flattenProduct(Node n, boolean inverse, List<Factor> out) {
        if (n instanceof Node.Mul x) {
            flattenProduct(x.left(), inverse, out);
            flattenProduct(x.right(), inverse, out);
        } else if (n instanceof Node.Div x) {
            flattenProduct(x.left(), inverse, out);
            flattenProduct(x.right(), !inverse, out);
        } else {
            out.add(new Factor(n, inverse));
        }
    }

    private static void flattenSum(Node n, boolean negative, List<Term> out) {
        if (n instanceof Node.Add x) {
            flattenSum(x.left(), negative, out);
            flattenSum(x.right(), negative, out);
        } else if (n instanceof Node.Sub x) {
            flattenSum(x.left(), negative, out);
            flattenSum(x.right(), !negative, out);
        } else {
            out.add(new Term(n, negative));
        }
    }

    /** Early factors (constant, parameter, bind level) first as one subtree, then the per-call ones. */
    private Node regroupProduct(Node original, List<Factor> factors) {
        List<Factor> early = new ArrayList<>();
        List<Factor> late = new ArrayList<>();
        for (Factor f : factors) {
            (level(f.node()) == Level.CALL ? late : early).add(f);
        }
        if (early.isEmpty() || late.isEmpty() || early.size() == 1 && !early.get(0).inverse()) {
            return original;
        }
        SourceSpan s = original.span();
        Node head = product(early, s);
        Node result = head;
        for (Factor f : late) {
            result = f.inverse() ? new Node.Div(result, f.node(), s) : new Node.Mul(result, f.node(), s);
        }
        return result;
    }

    private static Node product(List<Factor> factors, SourceSpan s) {
        Node num = null;
        Node den = null;
        for (Factor f : factors) {
            if (f.inverse()) {
                den = den == null ? f.node() : new Node.Mul(den, f.node(), s);
            } else {
                num = num == null ? f.node() : new Node.Mul(num, f.node(), s);
            }
        }
        if (num == null) {
            num = new Node.Const(1.0, Dimension.NONE, s);
        }
        return den == null ? num : new Node.Div(num, den, s);
    }

    /** Early terms summed first as one subtree, then the per-call terms. */
    private Node regroupSum(Node original, List<Term> terms) {
        List<Term> early = new ArrayList<>();
        List<Term> late = new ArrayList<>();
        for (Term t : terms) {
            (level(t.node()) == Level.CALL ? late : early).add(t);
        }
        if (early.size() <= 1 || late.isEmpty()) {
            return original;
        }
        SourceSpan s = original.span();
        Node result = sum(early, s);
        for (Term t : late) {
            result = t.negative() ? new Node.Sub(result, t.node(), s) : new Node.Add(result, t.node(), s);
        }
        return result;
    }

    private static Node sum(List<Term> terms, SourceSpan s) {
        Node acc = null;
        for (Term t : terms) {
            if (acc == null) {
                acc = t.negative() ? new Node.Neg(t.node(), s) : t.node();
            } else {
                acc = t.negative() ? new Node.Sub(acc, t.node(), s) : new Node.Add(acc, t.node(), s);
            }
        }
        return acc;
    }
}
