package org.crdl.passes;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.crdl.ir.ConstantEvaluator;
import org.crdl.ir.Dependencies;
import org.crdl.ir.Node;
import org.crdl.ir.Symbol;
import org.crdl.runtime.units.Dimension;

/**
 * Constant folding with a few algebraic identities (x·0, x·1, x+0, x^1, equal branches).
 * Any subtree that needs no run-time state becomes one cgs constant. Pure: returns a new tree.
 */
public final class Simplifier {
    private Simplifier() {
    }

    public static Node simplify(Node n) {
        return simplify(n, new IdentityHashMap<>());
    }

    /**
     * True when a subtree needs no run-time state, memoised per node (and per let/law body), so
     * a chain of n operations is examined in O(n), not O(n²) as a walk at every node would cost.
     */
    private static boolean constant(Node n, Map<Object, Boolean> memo) {
        Boolean known = memo.get(n);
        if (known != null) {
            return known;
        }
        boolean c;
        if (n instanceof Node.Ref r) {
            Symbol s = r.symbol();
            c = s instanceof Symbol.Constant
                    || s instanceof Symbol.Let l && constant(l.value(), memo)
                    || s instanceof Symbol.Law l && constant(l.body(), memo)
                    || s instanceof Symbol.Where w && constant(w.value(), memo);
        } else if (n instanceof Node.KSlope || n instanceof Node.Invalid) {
            c = false;
        } else {
            c = true;
            for (Node child : Dependencies.children(n)) {
                c &= constant(child, memo);
            }
        }
        memo.put(n, c);
        return c;
    }

    private static Node simplify(Node n, Map<Object, Boolean> memo) {
        if (n instanceof Node.Const || n instanceof Node.Invalid || n instanceof Node.KSlope) {
            return n;
        }
        if (!n.isCondition() && constant(n, memo)) {
            OptionalDouble v = ConstantEvaluator.evaluate(n);
            if (v.isPresent() && Double.isFinite(v.getAsDouble())) {
                return new Node.Const(v.getAsDouble(), n.dim(), n.span());
            }
        }
        if (n instanceof Node.Neg x) {
            Node a = simplify(x.arg(), memo);
            if (a instanceof Node.Neg inner) {
                return inner.arg();
            }
            return isConst(a, 0) ? a : new Node.Neg(a, x.span());
        } else if (n instanceof Node.Add x) {
            Node a = simplify(x.left(), memo);
            Node b = simplify(x.right(), memo);
            if (isConst(a, 0)) {
                return b;
            }
            return isConst(b, 0) ? a : new Node.Add(a, b, x.span());
        } else if (n instanceof Node.Sub x) {
            Node a = simplify(x.left(), memo);
            Node b = simplify(x.right(), memo);
            if (isConst(b, 0)) {
                return a;
            }
            return isConst(a, 0) ? new Node.Neg(b, x.span()) : new Node.Sub(a, b, x.span());
        } else if (n instanceof Node.Mul x) {
            Node a = simplify(x.left(), memo);
            Node b = simplify(x.right(), memo);
            if (isConst(a, 0) || isConst(b, 0)) {
                return new Node.Const(0.0, x.dim(), x.span());
            }
            if (isConst(a, 1) && a.dim().isNone()) {
                return b;
            }
            return isConst(b, 1) && b.dim().isNone() ? a : new Node.Mul(a, b, x.span());
        } else if (n instanceof Node.Div x) {
            Node a = simplify(x.left(), memo);
            Node b = simplify(x.right(), memo);
            if (isConst(a, 0) && !isConst(b, 0)) {
                return new Node.Const(0.0, x.dim(), x.span());
            }
            return isConst(b, 1) && b.dim().isNone() ? a : new Node.Div(a, b, x.span());
        } else if (n instanceof Node.Pow x) {
            Node a = simplify(x.base(), memo);
            Node y = simplify(x.exponent(), memo);
            if (isConst(y, 1)) {
                return a;
            }
            if (isConst(y, 0)) {
                return new Node.Const(1.0, Dimension.NONE, x.span());
            }
            return new Node.Pow(a, y, x.dim(), x.span());
        } else if (n instanceof Node.Call x) {
            List<Node> args = new ArrayList<>();
            x.args().forEach(a -> args.add(simplify(a, memo)));
            return new Node.Call(x.fn(), args, x.dim(), x.span());
        } else if (n instanceof Node.Cond x) {
            Node yes = simplify(x.yes(), memo);
            Node no = simplify(x.no(), memo);
            if (yes instanceof Node.Const cy && no instanceof Node.Const cn && cy.value() == cn.value()) {
                return yes;
            }
            return new Node.Cond(simplify(x.condition(), memo), yes, no, x.span());
        } else if (n instanceof Node.Compare x) {
            return new Node.Compare(x.op(), simplify(x.left(), memo), simplify(x.right(), memo), x.span());
        } else if (n instanceof Node.Logic x) {
            return new Node.Logic(x.op(), simplify(x.left(), memo), simplify(x.right(), memo), x.span());
        } else if (n instanceof Node.Not x) {
            return new Node.Not(simplify(x.arg(), memo), x.span());
        }
        return n;
    }

    public static boolean isConst(Node n, double v) {
        return n instanceof Node.Const c && c.value() == v;
    }
}
