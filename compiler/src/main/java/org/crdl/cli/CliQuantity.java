package org.crdl.cli;

import java.util.Optional;
import org.crdl.diag.Diagnostics;
import org.crdl.diag.SourceFile;
import org.crdl.runtime.units.Dimension;
import org.crdl.syntax.Expr;
import org.crdl.syntax.SourceParser;
import org.crdl.units.UnitEvaluator;

/**
 * A quantity typed on the command line: {@code 1GV}, {@code 100 MV}, {@code 0.6[GV]},
 * {@code 3e-7}. A bare number takes {@code defaultUnit} when one is given.
 */
final class CliQuantity {
    private CliQuantity() {
    }

    /** The value in cgs, checked against {@code expected} (null: any dimension). */
    static double parse(String text, Dimension expected, String defaultUnit, String what) {
        String t = text.trim();
        int i = 0;
        while (i < t.length() && "0123456789.eE+-".indexOf(t.charAt(i)) >= 0) {
            if ((t.charAt(i) == 'e' || t.charAt(i) == 'E') && (i + 1 >= t.length()
                    || "0123456789+-".indexOf(t.charAt(i + 1)) < 0)) {
                break;
            }
            i++;
        }
        String number = t.substring(0, i);
        String unit = t.substring(i).trim();
        if (unit.startsWith("[") && unit.endsWith("]")) {
            unit = unit.substring(1, unit.length() - 1).trim();
        }
        if (unit.isEmpty() && defaultUnit != null) {
            unit = defaultUnit;
        }
        String source = number + (unit.isEmpty() ? "" : " [" + unit + "]");
        Diagnostics d = new Diagnostics();
        Optional<Expr> e = SourceParser.parseExpression(SourceFile.inMemory("<" + what + ">", source), d);
        if (e.isEmpty() || !(e.get() instanceof Expr.Number || e.get() instanceof Expr.Quantity)) {
            throw new UsageException("cannot read " + what + " '" + text + "': expected a number with an optional unit, "
                    + "like 1GV or 0.6[GV]");
        }
        if (e.get() instanceof Expr.Number n) {
            check(Dimension.NONE, expected, text, what);
            return n.value();
        }
        Expr.Quantity q = (Expr.Quantity) e.get();
        Optional<UnitEvaluator.Value> v = new UnitEvaluator(d).evaluate(q.unit());
        if (v.isEmpty()) {
            throw new UsageException("cannot read " + what + " '" + text + "': unknown unit [" + unit + "]");
        }
        check(v.get().dimension(), expected, text, what);
        return q.value() * v.get().factor();
    }

    private static void check(Dimension got, Dimension expected, String text, String what) {
        if (expected != null && !expected.equals(got)) {
            throw new UsageException(what + " '" + text + "' has dimension [" + got + "], expected [" + expected + "]");
        }
    }
}
