package org.crdl.ir;

import java.util.Optional;

/** Built-in functions a model may call, with their arity (−1: two or more arguments). */
public enum Fn {
    SQRT("sqrt", 1), EXP("exp", 1), LN("ln", 1), LOG10("log10", 1), SIN("sin", 1), COS("cos", 1), TAN("tan", 1),
    TANH("tanh", 1), ABS("abs", 1), MIN("min", -1), MAX("max", -1);

    private final String symbol;
    private final int arity;

    Fn(String symbol, int arity) {
        this.symbol = symbol;
        this.arity = arity;
    }

    public String symbol() {
        return symbol;
    }

    public int arity() {
        return arity;
    }

    /** True for functions whose argument must be dimensionless (exp, ln, log10, trigonometric). */
    public boolean needsDimensionless() {
        return this != SQRT && this != ABS && this != MIN && this != MAX;
    }

    public static Optional<Fn> bySymbol(String s) {
        for (Fn f : values()) {
            if (f.symbol.equals(s)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    public static java.util.List<String> symbols() {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (Fn f : values()) {
            out.add(f.symbol);
        }
        return out;
    }

    /** Apply to already-evaluated arguments (shared by the interpreter and constant folding). */
    public double apply(double[] a) {
        return switch (this) {
            case SQRT -> Math.sqrt(a[0]);
            case EXP -> Math.exp(a[0]);
            case LN -> Math.log(a[0]);
            case LOG10 -> Math.log10(a[0]);
            case SIN -> Math.sin(a[0]);
            case COS -> Math.cos(a[0]);
            case TAN -> Math.tan(a[0]);
            case TANH -> Math.tanh(a[0]);
            case ABS -> Math.abs(a[0]);
            case MIN -> {
                double m = a[0];
                for (int i = 1; i < a.length; i++) {
                    m = Math.min(m, a[i]);
                }
                yield m;
            }
            case MAX -> {
                double m = a[0];
                for (int i = 1; i < a.length; i++) {
                    m = Math.max(m, a[i]);
                }
                yield m;
            }
        };
    }
}
