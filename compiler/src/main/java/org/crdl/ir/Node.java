package org.crdl.ir;

import java.util.List;
import java.util.Objects;
import org.crdl.diag.SourceSpan;
import org.crdl.runtime.plasma.PlasmaQuantity;
import org.crdl.runtime.units.Dimension;

/**
 * The typed IR: every node carries its dimension (dimensionless for conditions) and the
 * span of the text it came from. Literals are already in cgs. Nodes are immutable; passes
 * build new trees.
 */
public sealed interface Node permits Node.Const, Node.Ref, Node.Neg, Node.Add, Node.Sub, Node.Mul, Node.Div,
        Node.Pow, Node.Call, Node.Compare, Node.Logic, Node.Not, Node.Cond, Node.KSlope, Node.Invalid {

    Dimension dim();

    SourceSpan span();

    /** True for nodes that yield a truth value rather than a quantity. */
    default boolean isCondition() {
        return this instanceof Compare || this instanceof Logic || this instanceof Not;
    }

    /** A number in cgs. */
    record Const(double value, Dimension dim, SourceSpan span) implements Node {
        public Const {
            Objects.requireNonNull(dim, "dim");
            Objects.requireNonNull(span, "span");
        }
    }

    /** A resolved name. */
    record Ref(Symbol symbol, SourceSpan span) implements Node {
        public Ref {
            Objects.requireNonNull(symbol, "symbol");
            Objects.requireNonNull(span, "span");
        }

        public Dimension dim() {
            return symbol.dimension();
        }
    }

    record Neg(Node arg, Dimension dim, SourceSpan span) implements Node {
        /** The dimension is computed once here (a chain of n operations would otherwise cost O(n) per dim()). */
        public Neg(Node arg, SourceSpan span) {
            this(arg, arg.dim(), span);
        }

        public Neg {
            Objects.requireNonNull(dim, "dim");
            Objects.requireNonNull(arg, "arg");
            Objects.requireNonNull(span, "span");
        }
    }

    record Add(Node left, Node right, Dimension dim, SourceSpan span) implements Node {
        /** The dimension is computed once here (a chain of n operations would otherwise cost O(n) per dim()). */
        public Add(Node left, Node right, SourceSpan span) {
            this(left, right, left.dim(), span);
        }

        public Add {
            Objects.requireNonNull(dim, "dim");
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
            Objects.requireNonNull(span, "span");
        }
    }

    record Sub(Node left, Node right, Dimension dim, SourceSpan span) implements Node {
        /** The dimension is computed once here (a chain of n operations would otherwise cost O(n) per dim()). */
        public Sub(Node left, Node right, SourceSpan span) {
            this(left, right, left.dim(), span);
        }

        public Sub {
            Objects.requireNonNull(dim, "dim");
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
            Objects.requireNonNull(span, "span");
        }
    }

    record Mul(Node left, Node right, Dimension dim, SourceSpan span) implements Node {
        /** The dimension is computed once here (a chain of n operations would otherwise cost O(n) per dim()). */
        public Mul(Node left, Node right, SourceSpan span) {
            this(left, right, left.dim().times(right.dim()), span);
        }

        public Mul {
            Objects.requireNonNull(dim, "dim");
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
            Objects.requireNonNull(span, "span");
        }
    }

    record Div(Node left, Node right, Dimension dim, SourceSpan span) implements Node {
        /** The dimension is computed once here (a chain of n operations would otherwise cost O(n) per dim()). */
        public Div(Node left, Node right, SourceSpan span) {
            this(left, right, left.dim().over(right.dim()), span);
        }

        public Div {
            Objects.requireNonNull(dim, "dim");
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
            Objects.requireNonNull(span, "span");
        }
    }

    /** base^exponent; when the base has a dimension the exponent is a compile-time rational. */
    record Pow(Node base, Node exponent, Dimension dim, SourceSpan span) implements Node {
        public Pow {
            Objects.requireNonNull(base, "base");
            Objects.requireNonNull(exponent, "exponent");
            Objects.requireNonNull(dim, "dim");
            Objects.requireNonNull(span, "span");
        }
    }

    record Call(Fn fn, List<Node> args, Dimension dim, SourceSpan span) implements Node {
        public Call {
            Objects.requireNonNull(fn, "fn");
            args = List.copyOf(args);
            Objects.requireNonNull(dim, "dim");
            Objects.requireNonNull(span, "span");
        }
    }

    enum CompareOp {
        LT("<"), LE("<="), GT(">"), GE(">="), EQ("=="), NE("!=");

        public final String symbol;

        CompareOp(String symbol) {
            this.symbol = symbol;
        }

        public boolean test(double a, double b) {
            return switch (this) {
                case LT -> a < b;
                case LE -> a <= b;
                case GT -> a > b;
                case GE -> a >= b;
                case EQ -> a == b;
                case NE -> a != b;
            };
        }
    }

    record Compare(CompareOp op, Node left, Node right, SourceSpan span) implements Node {
        public Compare {
            Objects.requireNonNull(op, "op");
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
            Objects.requireNonNull(span, "span");
        }

        public Dimension dim() {
            return Dimension.NONE;
        }
    }

    enum LogicOp {
        AND("and"), OR("or");

        public final String symbol;

        LogicOp(String symbol) {
            this.symbol = symbol;
        }
    }

    record Logic(LogicOp op, Node left, Node right, SourceSpan span) implements Node {
        public Logic {
            Objects.requireNonNull(op, "op");
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
            Objects.requireNonNull(span, "span");
        }

        public Dimension dim() {
            return Dimension.NONE;
        }
    }

    record Not(Node arg, SourceSpan span) implements Node {
        public Not {
            Objects.requireNonNull(arg, "arg");
            Objects.requireNonNull(span, "span");
        }

        public Dimension dim() {
            return Dimension.NONE;
        }
    }

    /** {@code if condition then yes else no} */
    record Cond(Node condition, Node yes, Node no, Dimension dim, SourceSpan span) implements Node {
        /** The dimension is computed once here (a chain of n operations would otherwise cost O(n) per dim()). */
        public Cond(Node condition, Node yes, Node no, SourceSpan span) {
            this(condition, yes, no, yes.dim(), span);
        }

        public Cond {
            Objects.requireNonNull(dim, "dim");
            Objects.requireNonNull(condition, "condition");
            Objects.requireNonNull(yes, "yes");
            Objects.requireNonNull(no, "no");
            Objects.requireNonNull(span, "span");
        }
    }

    /**
     * ∂ln q/∂ln k_par of a derived plasma quantity that depends on the resonance (v_A_eff);
     * produced only by the physics-signature pass, never by the model text.
     */
    record KSlope(PlasmaQuantity quantity, SourceSpan span) implements Node {
        public KSlope {
            Objects.requireNonNull(quantity, "quantity");
            Objects.requireNonNull(span, "span");
        }

        public Dimension dim() {
            return Dimension.NONE;
        }
    }

    /** Stands in for an expression that already has an error, so one mistake gives one message. */
    record Invalid(SourceSpan span) implements Node {
        public Invalid {
            Objects.requireNonNull(span, "span");
        }

        public Dimension dim() {
            return Dimension.NONE;
        }
    }
}
