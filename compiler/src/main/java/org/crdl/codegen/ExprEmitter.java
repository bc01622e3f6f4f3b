package org.crdl.codegen;

import com.squareup.javapoet.CodeBlock;
import java.util.function.Function;
import org.crdl.ir.Fn;
import org.crdl.ir.Node;
import org.crdl.ir.Symbol;

/**
 * Turns lowered IR into a JavaPoet {@link CodeBlock} expression. Operators are fully
 * parenthesized; literals are the exact cgs doubles (Double.toString round-trips); x^2,
 * x^0.5 and x^-1 become sq(x), Math.sqrt(x) and 1.0 / x. How a name is read (phase field,
 * bind temporary, local variable) is decided by the caller's {@code names} function, so one
 * emitter serves phases and scattering blocks.
 */
final class ExprEmitter {
    private final Function<Symbol, CodeBlock> names;

    ExprEmitter(Function<Symbol, CodeBlock> names) {
        this.names = names;
    }

    CodeBlock emit(Node n) {
        if (n instanceof Node.Const c) {
            return CodeBlock.of("$L", literal(c.value()));
        } else if (n instanceof Node.Ref r) {
            return names.apply(r.symbol());
        } else if (n instanceof Node.Neg x) {
            return CodeBlock.of("(-$L)", emit(x.arg()));
        } else if (n instanceof Node.Add x) {
            return CodeBlock.of("($L + $L)", emit(x.left()), emit(x.right()));
        } else if (n instanceof Node.Sub x) {
            return CodeBlock.of("($L - $L)", emit(x.left()), emit(x.right()));
        } else if (n instanceof Node.Mul x) {
            return CodeBlock.of("($L * $L)", emit(x.left()), emit(x.right()));
        } else if (n instanceof Node.Div x) {
            return CodeBlock.of("($L / $L)", emit(x.left()), emit(x.right()));
        } else if (n instanceof Node.Pow x) {
            return power(x);
        } else if (n instanceof Node.Call x) {
            return call(x);
        } else if (n instanceof Node.Compare x) {
            return CodeBlock.of("($L $L $L)", emit(x.left()), x.op().symbol, emit(x.right()));
        } else if (n instanceof Node.Logic x) {
            return CodeBlock.of("($L $L $L)", emit(x.left()), x.op() == Node.LogicOp.AND ? "&&" : "||", emit(x.right()));
        } else if (n instanceof Node.Not x) {
            return CodeBlock.of("(!$L)", emit(x.arg()));
        } else if (n instanceof Node.Cond x) {
            return CodeBlock.of("($L ? $L : $L)", emit(x.condition()), emit(x.yes()), emit(x.no()));
        }
        throw new IllegalStateException("cannot emit " + n.getClass().getSimpleName());
    }

    static String literal(double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalStateException("non-finite constant " + v + " reached code generation");
        }
        String s = Double.toString(v);
        return s.startsWith("-") ? "(" + s + ")" : s;
    }

    private CodeBlock power(Node.Pow x) {
        CodeBlock base = emit(x.base());
        if (x.exponent() instanceof Node.Const c) {
            double p = c.value();
            if (p == 2) {
                return CodeBlock.of("sq($L)", base);
            } else if (p == 0.5) {
                return CodeBlock.of("Math.sqrt($L)", base);
            } else if (p == -1) {
                return CodeBlock.of("(1.0 / $L)", base);
            } else if (p == 1) {
                return base;
            }
        }
        return CodeBlock.of("Math.pow($L, $L)", base, emit(x.exponent()));
    }

    private CodeBlock call(Node.Call x) {
        CodeBlock a0 = emit(x.args().get(0));
        String method = switch (x.fn()) {
            case SQRT -> "sqrt";
            case EXP -> "exp";
            case LN -> "log";
            case LOG10 -> "log10";
            case SIN -> "sin";
            case COS -> "cos";
            case TAN -> "tan";
            case TANH -> "tanh";
            case ABS -> "abs";
            case MIN -> "min";
            case MAX -> "max";
        };
        if (x.fn() != Fn.MIN && x.fn() != Fn.MAX) {
            return CodeBlock.of("Math.$L($L)", method, a0);
        }
        CodeBlock acc = a0;
        for (int i = 1; i < x.args().size(); i++) {
            acc = CodeBlock.of("Math.$L($L, $L)", method, acc, emit(x.args().get(i)));
        }
        return acc;
    }
}
