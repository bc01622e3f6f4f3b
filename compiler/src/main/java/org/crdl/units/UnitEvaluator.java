package org.crdl.units;

import java.util.Optional;
import org.crdl.diag.Code;
import org.crdl.diag.Diagnostics;
import org.crdl.diag.SourceSpan;
import org.crdl.diag.Suggestions;
import org.crdl.runtime.units.Dimension;
import org.crdl.runtime.units.Rational;
import org.crdl.runtime.units.Unit;
import org.crdl.runtime.units.UnitTable;
import org.crdl.syntax.UnitExpr;

/**
 * Evaluates a bracketed unit to its cgs factor and dimension using the runtime's
 * {@link UnitTable}. Reports unknown units with a suggestion, numbers other than 1, and
 * exponents that are not simple fractions.
 */
public final class UnitEvaluator {

    /** A unit's cgs factor and dimension. */
    public record Value(double factor, Dimension dimension) {
        static final Value ONE = new Value(1.0, Dimension.NONE);

        Value times(Value o) {
            return new Value(factor * o.factor, dimension.times(o.dimension));
        }

        Value pow(Rational p) {
            return new Value(Math.pow(factor, p.toDouble()), dimension.pow(p));
        }
    }

    private final Diagnostics diagnostics;

    public UnitEvaluator(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    /** The unit's value, or empty when it has an error (already reported). */
    public Optional<Value> evaluate(UnitExpr unit) {
        Value result = Value.ONE;
        boolean ok = true;
        for (UnitExpr.Part part : unit.parts()) {
            Optional<Value> f = factor(part.factor());
            if (f.isEmpty()) {
                ok = false;
                continue;
            }
            result = result.times(part.divide() ? f.get().pow(Rational.of(-1)) : f.get());
        }
        return ok ? Optional.of(result) : Optional.empty();
    }

    private Optional<Value> factor(UnitExpr.Factor factor) {
        if (factor instanceof UnitExpr.One one) {
            if (!isOne(one.text())) {
                diagnostics.report(Code.BAD_UNIT_NUMBER, one.span(), one.text());
                return Optional.empty();
            }
            return Optional.of(Value.ONE);
        }
        if (factor instanceof UnitExpr.Named named) {
            Optional<Unit> u = UnitTable.lookup(named.name());
            if (u.isEmpty()) {
                diagnostics.report(Code.UNKNOWN_UNIT, named.span().file().span(named.span().start(),
                                named.span().start() + named.name().length()), named.name(),
                        Suggestions.didYouMean(named.name(), UnitTable.commonSymbols()));
                return Optional.empty();
            }
            Value v = new Value(u.get().factor(), u.get().dimension());
            return exponent(named.exponentText(), named.exponentSpan()).map(v::pow);
        }
        UnitExpr.Group group = (UnitExpr.Group) factor;
        Optional<Value> inner = evaluate(group.inner());
        if (inner.isEmpty()) {
            return Optional.empty();
        }
        return exponent(group.exponentText(), group.exponentSpan()).map(inner.get()::pow);
    }

    private static boolean isOne(String text) {
        try {
            return Double.parseDouble(text) == 1.0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private Optional<Rational> exponent(String text, SourceSpan span) {
        if (text == null) {
            return Optional.of(Rational.ONE);
        }
        Rational r = null;
        try {
            if (text.contains("/")) {
                String[] p = text.split("/");
                double num = Double.parseDouble(p[0]);
                double den = Double.parseDouble(p[1]);
                if (num == Math.rint(num) && den == Math.rint(den) && den != 0) {
                    r = Rational.of((long) num, (long) den);
                }
            } else {
                r = Rational.approximate(Double.parseDouble(text));
            }
        } catch (NumberFormatException | ArithmeticException e) {
            r = null;
        }
        if (r == null || r.den() > 100) {
            diagnostics.report(Code.BAD_UNIT_EXPONENT, span, text);
            return Optional.empty();
        }
        return Optional.of(r);
    }
}
