package org.crdl.passes;

import java.util.List;
import org.crdl.diag.SourceSpan;
import org.crdl.ir.Fn;
import org.crdl.ir.Node;
import org.crdl.ir.Symbol;
import org.crdl.runtime.particles.ResonanceQuantity;
import org.crdl.runtime.units.Dimension;

/**
 * Symbolic logarithmic derivatives of IR expressions: ∂ln f/∂ln x for x = k_par, the wave
 * energy e, or the CR energy density e_cr (the exponents ξ/ζ of hopkins2022 Table 2).
 *
 * The derivative is partial: phase fields, e and e_cr are held fixed while the other
 * varies. Along k_par every resonance quantity follows from R = B/k_par at fixed species
 * (∂ln beta/∂ln k = −1/γ², ∂ln Ω/∂ln k = β², …) and v_A_eff through hopkins2022 eq. 5.
 * P_cr counts as proportional to e_cr (Table 2 treats S_sc ∝ ε_cr). The result is an IR
 * expression; after {@link Simplifier} it is a constant exactly when the law is a pure
 * power law in the variable.
 */
public final class LogSlope {

    /** The variable of differentiation. */
    public enum Variable {
        K_PAR("k"), WAVE("A"), CR("cr");

        public final String suffix;

        Variable(String suffix) {
            this.suffix = suffix;
        }
    }

    private final Variable x;

    private LogSlope(Variable x) {
        this.x = x;
    }

    /** ∂ln n/∂ln x, simplified. */
    public static Node of(Node n, Variable x) {
        return Simplifier.simplify(new LogSlope(x).slope(n));
    }

    private static Node c(double v, SourceSpan s) {
        return new Node.Const(v, Dimension.NONE, s);
    }

    private static Node mul(Node a, Node b, SourceSpan s) {
        return new Node.Mul(a, b, s);
    }

    private static Node div(Node a, Node b, SourceSpan s) {
        return new Node.Div(a, b, s);
    }

    private static Node add(Node a, Node b, SourceSpan s) {
        return new Node.Add(a, b, s);
    }

    private static Node sub(Node a, Node b, SourceSpan s) {
        return new Node.Sub(a, b, s);
    }

    private static Node ref(ResonanceQuantity q, SourceSpan s) {
        return new Node.Ref(new Symbol.Resonance(q), s);
    }

    private static Node call(Fn f, Node a, SourceSpan s) {
        return new Node.Call(f, List.of(a), Dimension.NONE, s);
    }

    /** A dimensionless copy of a quantity (its value in cgs), so products of slopes stay dimensionless. */
    private static Node bare(Node n, SourceSpan s) {
        return n.dim().isNone() ? n : div(n, new Node.Const(1.0, n.dim(), s), s);
    }

    private Node slope(Node n) {
        SourceSpan s = n.span();
        if (n instanceof Node.Const || n instanceof Node.Invalid || n instanceof Node.KSlope) {
            return c(0, s);
        } else if (n instanceof Node.Ref r) {
            return symbol(r.symbol(), s);
        } else if (n instanceof Node.Neg v) {
            return slope(v.arg());
        } else if (n instanceof Node.Mul v) {
            return add(slope(v.left()), slope(v.right()), s);
        } else if (n instanceof Node.Div v) {
            return sub(slope(v.left()), slope(v.right()), s);
        } else if (n instanceof Node.Add v) {
            return weighted(v.left(), v.right(), false, s);
        } else if (n instanceof Node.Sub v) {
            return weighted(v.left(), v.right(), true, s);
        } else if (n instanceof Node.Pow v) {
            Node y = v.exponent();
            Node first = mul(bare(y, s), slope(v.base()), s);
            Node ly = Simplifier.simplify(slope(y));
            if (Simplifier.isConst(ly, 0)) {
                return first;
            }
            return add(first, mul(mul(call(Fn.LN, bare(v.base(), s), s), y, s), ly, s), s);
        } else if (n instanceof Node.Call v) {
            return call(v, s);
        } else if (n instanceof Node.Cond v) {
            return new Node.Cond(v.condition(), slope(v.yes()), slope(v.no()), s);
        }
        throw new IllegalArgumentException("no log-slope of a condition");
    }

    /** ∂ln(a ± b) = (a·la ± b·lb)/(a ± b); equal constant slopes pass through unchanged. */
    private Node weighted(Node a, Node b, boolean minus, SourceSpan s) {
        Node la = Simplifier.simplify(slope(a));
        Node lb = Simplifier.simplify(slope(b));
        if (la instanceof Node.Const ca && lb instanceof Node.Const cb && ca.value() == cb.value()) {
            return la;
        }
        Node ta = mul(bare(a, s), la, s);
        Node tb = mul(bare(b, s), lb, s);
        Node top = minus ? sub(ta, tb, s) : add(ta, tb, s);
        Node bottom = minus ? sub(bare(a, s), bare(b, s), s) : add(bare(a, s), bare(b, s), s);
        return div(top, bottom, s);
    }

    private Node call(Node.Call v, SourceSpan s) {
        Node a = v.args().get(0);
        Node la = slope(a);
        Node ab = bare(a, s);
        return switch (v.fn()) {
            case SQRT -> mul(c(0.5, s), la, s);
            case ABS -> la;
            case EXP -> mul(ab, la, s);
            case LN, LOG10 -> div(la, call(Fn.LN, ab, s), s);
            case SIN -> mul(div(mul(ab, call(Fn.COS, ab, s), s), call(Fn.SIN, ab, s), s), la, s);
            case COS -> mul(new Node.Neg(mul(ab, call(Fn.TAN, ab, s), s), s), la, s);
            case TAN -> mul(div(ab, mul(call(Fn.SIN, ab, s), call(Fn.COS, ab, s), s), s), la, s);
            case TANH -> {
                Node t = call(Fn.TANH, ab, s);
                yield mul(div(mul(ab, sub(c(1, s), mul(t, t, s), s), s), t, s), la, s);
            }
            case MIN, MAX -> extremum(v, s);
        };
    }

    /** min/max: the slope of whichever argument is selected. */
    private Node extremum(Node.Call v, SourceSpan s) {
        Node best = v.args().get(0);
        Node slope = slope(best);
        for (int i = 1; i < v.args().size(); i++) {
            Node next = v.args().get(i);
            Node.CompareOp op = v.fn() == Fn.MIN ? Node.CompareOp.LE : Node.CompareOp.GE;
            Node pick = new Node.Compare(op, best, next, s);
            slope = new Node.Cond(pick, slope, slope(next), s);
            best = new Node.Call(v.fn(), List.of(best, next), best.dim(), s);
        }
        return slope;
    }

    private Node symbol(Symbol sym, SourceSpan s) {
        if (sym instanceof Symbol.Let l) {
            return slope(l.value());
        } else if (sym instanceof Symbol.Law l) {
            return slope(l.body());
        } else if (sym instanceof Symbol.Where w) {
            return slope(w.value());
        } else if (sym instanceof Symbol.Wave) {
            return c(x == Variable.WAVE ? 1 : 0, s);
        } else if (sym instanceof Symbol.Cr cr) {
            return c(x == Variable.CR && cr.quantity() != Symbol.CrQuantity.ELL_GRAD ? 1 : 0, s);
        } else if (sym instanceof Symbol.Plasma p) {
            return x == Variable.K_PAR && p.quantity().dependsOnResonance() ? new Node.KSlope(p.quantity(), s) : c(0, s);
        } else if (sym instanceof Symbol.Resonance r && x == Variable.K_PAR) {
            return resonance(r.quantity(), s);
        }
        return c(0, s);
    }

    /** ∂ln q/∂ln k_par at fixed species and field (R = B/k_par). */
    private static Node resonance(ResonanceQuantity q, SourceSpan s) {
        Node gamma = ref(ResonanceQuantity.GAMMA, s);
        Node beta = ref(ResonanceQuantity.BETA, s);
        Node invGamma2 = div(c(1, s), mul(gamma, gamma, s), s);
        return switch (q) {
            case K_PAR -> c(1, s);
            case R, P, R_G -> c(-1, s);
            case E_KIN, E_KIN_N -> new Node.Neg(div(add(gamma, c(1, s), s), gamma, s), s);
            case BETA, V -> new Node.Neg(invGamma2, s);
            case GAMMA -> new Node.Neg(mul(beta, beta, s), s);
            case OMEGA -> mul(beta, beta, s);
            case Z, A -> c(0, s);
        };
    }
}
