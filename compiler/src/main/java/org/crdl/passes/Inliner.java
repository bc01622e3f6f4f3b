package org.crdl.passes;

import java.util.ArrayList;
import java.util.List;
import org.crdl.ir.Node;
import org.crdl.ir.Symbol;

/**
 * Replaces references to lets, laws and where bindings by the expressions behind them, so
 * later passes (folding, common-subexpression elimination, hoisting) see whole formulas.
 * Pure: returns a new tree.
 */
public final class Inliner {
    private Inliner() {
    }

    public static Node inline(Node n) {
        if (n instanceof Node.Ref r) {
            Symbol s = r.symbol();
            if (s instanceof Symbol.Let l) {
                return inline(l.value());
            } else if (s instanceof Symbol.Law l) {
                return inline(l.body());
            } else if (s instanceof Symbol.Where w) {
                return inline(w.value());
            }
            return n;
        }
        return Rebuild.map(n, Inliner::inline);
    }

    /** Rebuilds a node with its children transformed (shared by the passes). */
    static final class Rebuild {
        private Rebuild() {
        }

        static Node map(Node n, java.util.function.UnaryOperator<Node> f) {
            if (n instanceof Node.Neg x) {
                return new Node.Neg(f.apply(x.arg()), x.span());
            } else if (n instanceof Node.Add x) {
                return new Node.Add(f.apply(x.left()), f.apply(x.right()), x.span());
            } else if (n instanceof Node.Sub x) {
                return new Node.Sub(f.apply(x.left()), f.apply(x.right()), x.span());
            } else if (n instanceof Node.Mul x) {
                return new Node.Mul(f.apply(x.left()), f.apply(x.right()), x.span());
            } else if (n instanceof Node.Div x) {
                return new Node.Div(f.apply(x.left()), f.apply(x.right()), x.span());
            } else if (n instanceof Node.Pow x) {
                return new Node.Pow(f.apply(x.base()), f.apply(x.exponent()), x.dim(), x.span());
            } else if (n instanceof Node.Call x) {
                List<Node> args = new ArrayList<>();
                x.args().forEach(a -> args.add(f.apply(a)));
                return new Node.Call(x.fn(), args, x.dim(), x.span());
            } else if (n instanceof Node.Compare x) {
                return new Node.Compare(x.op(), f.apply(x.left()), f.apply(x.right()), x.span());
            } else if (n instanceof Node.Logic x) {
                return new Node.Logic(x.op(), f.apply(x.left()), f.apply(x.right()), x.span());
            } else if (n instanceof Node.Not x) {
                return new Node.Not(f.apply(x.arg()), x.span());
            } else if (n instanceof Node.Cond x) {
                return new Node.Cond(f.apply(x.condition()), f.apply(x.yes()), f.apply(x.no()), x.span());
            }
            return n;
        }
    }
}
