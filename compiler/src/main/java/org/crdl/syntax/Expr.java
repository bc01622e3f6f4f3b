package org.crdl.syntax;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.crdl.diag.SourceSpan;

/** Expressions as written. Records; the first component is always the span. */
public sealed interface Expr permits Expr.Number, Expr.Quantity, Expr.Name, Expr.Text, Expr.Call, Expr.Unary,
        Expr.Binary, Expr.Conditional {

    SourceSpan span();

    <R> R accept(Visitor<R> v);

    /** One method per expression form (Java 17 has no pattern switch). */
    interface Visitor<R> {
        R visitNumber(Number e);

        R visitQuantity(Quantity e);

        R visitName(Name e);

        R visitText(Text e);

        R visitCall(Call e);

        R visitUnary(Unary e);

        R visitBinary(Binary e);

        R visitConditional(Conditional e);
    }

    /** A bare number: {@code 0.75}. */
    record Number(SourceSpan span, double value, String text) implements Expr {
        public Number {
            Objects.requireNonNull(span, "span");
            Objects.requireNonNull(text, "text");
        }

        public <R> R accept(Visitor<R> v) {
            return v.visitNumber(this);
        }
    }

    /** A number with a unit: {@code 5 [uG]}. */
    record Quantity(SourceSpan span, double value, String text, UnitExpr unit) implements Expr {
        public Quantity {
            Objects.requireNonNull(span, "span");
            Objects.requireNonNull(unit, "unit");
        }

        public <R> R accept(Visitor<R> v) {
            return v.visitQuantity(this);
        }
    }

    /** A name: {@code k_par}. */
    record Name(SourceSpan span, String name) implements Expr {
        public Name {
            Objects.requireNonNull(span, "span");
            Objects.requireNonNull(name, "name");
        }

        public <R> R accept(Visitor<R> v) {
            return v.visitName(this);
        }
    }

    /** A string literal (file names in galaxy/observe blocks); value is unescaped. */
    record Text(SourceSpan span, String value) implements Expr {
        public Text {
            Objects.requireNonNull(span, "span");
            Objects.requireNonNull(value, "value");
        }

        public <R> R accept(Visitor<R> v) {
            return v.visitText(this);
        }
    }

    /** A call: {@code sqrt(T / 1000 [K])}. */
    record Call(SourceSpan span, Ident function, List<Expr> args) implements Expr {
        public Call {
            Objects.requireNonNull(span, "span");
            Objects.requireNonNull(function, "function");
            args = List.copyOf(args);
        }

        public <R> R accept(Visitor<R> v) {
            return v.visitCall(this);
        }
    }

    enum UnaryOp {
        NEG("-"), PLUS("+"), NOT("not ");

        public final String symbol;

        UnaryOp(String symbol) {
            this.symbol = symbol;
        }
    }

    record Unary(SourceSpan span, UnaryOp op, Expr operand) implements Expr {
        public Unary {
            Objects.requireNonNull(span, "span");
            Objects.requireNonNull(op, "op");
            Objects.requireNonNull(operand, "operand");
        }

        public <R> R accept(Visitor<R> v) {
            return v.visitUnary(this);
        }
    }

    /** Binary operators, loosest first; {@code precedence} orders them for printing. */
    enum BinaryOp {
        OR("or", 1), AND("and", 2),
        LT("<", 4), LE("<=", 4), GT(">", 4), GE(">=", 4), EQ("==", 4), NE("!=", 4),
        ADD("+", 5), SUB("-", 5), MUL("*", 6), DIV("/", 6), POW("^", 8);

        public final String symbol;
        public final int precedence;

        BinaryOp(String symbol, int precedence) {
            this.symbol = symbol;
            this.precedence = precedence;
        }

        public boolean isComparison() {
            return precedence == 4;
        }

        public boolean isLogical() {
            return this == OR || this == AND;
        }

        public static Optional<BinaryOp> bySymbol(String s) {
            for (BinaryOp op : values()) {
                if (op.symbol.equals(s)) {
                    return Optional.of(op);
                }
            }
            return Optional.empty();
        }
    }

    record Binary(SourceSpan span, BinaryOp op, Expr left, Expr right) implements Expr {
        public Binary {
            Objects.requireNonNull(span, "span");
            Objects.requireNonNull(op, "op");
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }

        public <R> R accept(Visitor<R> v) {
            return v.visitBinary(this);
        }
    }

    /** {@code if cond then a else b} */
    record Conditional(SourceSpan span, Expr condition, Expr then, Expr otherwise) implements Expr {
        public Conditional {
            Objects.requireNonNull(span, "span");
            Objects.requireNonNull(condition, "condition");
            Objects.requireNonNull(then, "then");
            Objects.requireNonNull(otherwise, "otherwise");
        }

        public <R> R accept(Visitor<R> v) {
            return v.visitConditional(this);
        }
    }
}
