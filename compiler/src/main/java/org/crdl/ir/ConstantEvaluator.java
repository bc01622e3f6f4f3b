package org.crdl.ir;

import java.util.OptionalDouble;

/**
 * Evaluates an expression that needs no run-time state (literals, constants, constant
 * lets); used for exponents of dimensional bases, parameter values and nu_hat.
 */
public final class ConstantEvaluator {
    private ConstantEvaluator() {
    }

    public static OptionalDouble evaluate(Node n) {
        if (!Dependencies.isConstant(n)) {
            return OptionalDouble.empty();
        }
        try {
            return OptionalDouble.of(value(n));
        } catch (NotConstant e) {
            return OptionalDouble.empty();
        }
    }

    private static final class NotConstant extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotConstant() {
            super(null, null, false, false);
        }
    }

    private static boolean truth(Node n) {
        if (n instanceof Node.Compare c) {
            return c.op().test(value(c.left()), value(c.right()));
        } else if (n instanceof Node.Logic l) {
            return l.op() == Node.LogicOp.AND ? truth(l.left()) && truth(l.right()) : truth(l.left()) || truth(l.right());
        } else if (n instanceof Node.Not x) {
            return !truth(x.arg());
        }
        throw new NotConstant();
    }

    private static double value(Node n) {
        if (n instanceof Node.Const c) {
            return c.value();
        } else if (n instanceof Node.Ref r) {
            Symbol s = r.symbol();
            if (s instanceof Symbol.Constant c) {
                return c.constant().value();
            } else if (s instanceof Symbol.Let l) {
                return value(l.value());
            } else if (s instanceof Symbol.Law l) {
                return value(l.body());
            } else if (s instanceof Symbol.Where w) {
                return value(w.value());
            }
            throw new NotConstant();
        } else if (n instanceof Node.Neg x) {
            return -value(x.arg());
        } else if (n instanceof Node.Add x) {
            return value(x.left()) + value(x.right());
        } else if (n instanceof Node.Sub x) {
            return value(x.left()) - value(x.right());
        } else if (n instanceof Node.Mul x) {
            return value(x.left()) * value(x.right());
        } else if (n instanceof Node.Div x) {
            return value(x.left()) / value(x.right());
        } else if (n instanceof Node.Pow x) {
            return Math.pow(value(x.base()), value(x.exponent()));
        } else if (n instanceof Node.Call x) {
            double[] a = new double[x.args().size()];
            for (int i = 0; i < a.length; i++) {
                a[i] = value(x.args().get(i));
            }
            return x.fn().apply(a);
        } else if (n instanceof Node.Cond x) {
            return truth(x.condition()) ? value(x.yes()) : value(x.no());
        }
        throw new NotConstant();
    }
}
