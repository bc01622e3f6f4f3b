package org.crdl.interp;

import org.crdl.ir.Node;
import org.crdl.ir.Symbol;

/**
 * A plain tree-walking evaluator of the typed IR. It is the reference oracle for generated
 * code (they must agree to ~1e-12) and the baseline in benchmarks, so it is written for
 * clarity, not speed: every call walks the tree and looks fields up by name.
 */
public final class Interpreter {
    private Interpreter() {
    }

    /** The value of a quantity node in cgs. */
    public static double value(Node n, Env env) {
        if (n instanceof Node.Const c) {
            return c.value();
        } else if (n instanceof Node.Ref r) {
            return symbol(r.symbol(), env);
        } else if (n instanceof Node.Neg x) {
            return -value(x.arg(), env);
        } else if (n instanceof Node.Add x) {
            return value(x.left(), env) + value(x.right(), env);
        } else if (n instanceof Node.Sub x) {
            return value(x.left(), env) - value(x.right(), env);
        } else if (n instanceof Node.Mul x) {
            return value(x.left(), env) * value(x.right(), env);
        } else if (n instanceof Node.Div x) {
            return value(x.left(), env) / value(x.right(), env);
        } else if (n instanceof Node.Pow x) {
            return Math.pow(value(x.base(), env), value(x.exponent(), env));
        } else if (n instanceof Node.Call x) {
            double[] args = new double[x.args().size()];
            for (int i = 0; i < args.length; i++) {
                args[i] = value(x.args().get(i), env);
            }
            return x.fn().apply(args);
        } else if (n instanceof Node.Cond x) {
            return truth(x.condition(), env) ? value(x.yes(), env) : value(x.no(), env);
        } else if (n instanceof Node.KSlope x) {
            return x.quantity().logSlopeKPar(env.requirePhase(x.quantity().symbol()),
                    env.requireResonance(x.quantity().symbol()));
        }
        throw new IllegalStateException("not a quantity node: " + n);
    }

    /** The truth of a condition node. */
    public static boolean truth(Node n, Env env) {
        if (n instanceof Node.Compare c) {
            return c.op().test(value(c.left(), env), value(c.right(), env));
        } else if (n instanceof Node.Logic l) {
            return l.op() == Node.LogicOp.AND ? truth(l.left(), env) && truth(l.right(), env)
                    : truth(l.left(), env) || truth(l.right(), env);
        } else if (n instanceof Node.Not x) {
            return !truth(x.arg(), env);
        }
        throw new IllegalStateException("not a condition node: " + n);
    }

    private static double symbol(Symbol s, Env env) {
        if (s instanceof Symbol.Param p) {
            return env.params().value(p.index());
        } else if (s instanceof Symbol.Let l) {
            return value(l.value(), env);
        } else if (s instanceof Symbol.Law l) {
            return value(l.body(), env);
        } else if (s instanceof Symbol.Where w) {
            return value(w.value(), env);
        } else if (s instanceof Symbol.Field f) {
            return env.requirePhase("field " + f.name()).field(f.name());
        } else if (s instanceof Symbol.Plasma p) {
            return p.quantity().of(env.requirePhase(p.name()),
                    p.quantity().dependsOnResonance() ? env.requireResonance(p.name()) : env.resonance());
        } else if (s instanceof Symbol.Resonance r) {
            return r.quantity().of(env.requireResonance(r.name()));
        } else if (s instanceof Symbol.Wave) {
            return env.requireWave();
        } else if (s instanceof Symbol.Cr c) {
            return switch (c.quantity()) {
                case E_CR -> env.requireCr().eCr();
                case P_CR -> env.requireCr().pCr();
                case ELL_GRAD -> env.requireCr().ellGrad();
            };
        } else if (s instanceof Symbol.Constant c) {
            return c.constant().value();
        } else if (s instanceof Symbol.WaveVector w) {
            return env.requireWaveVector(w.quantity() == Symbol.WaveVectorQuantity.COS_THETA);
        } else if (s instanceof Symbol.Size) {
            return env.requireSize();
        }
        throw new IllegalStateException("unknown symbol " + s);
    }
}
