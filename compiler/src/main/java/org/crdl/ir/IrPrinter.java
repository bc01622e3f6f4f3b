package org.crdl.ir;

import java.util.stream.Collectors;

/**
 * Prints IR expressions for `--dump-after=<pass>`: constants in cgs with their dimension in
 * brackets, names by kind (param:xi, field:ell_A, plasma:c_s, res:k_par, cr:e_cr, t3 for
 * hoisted temporaries), lets/laws/where by name.
 */
public final class IrPrinter {
    private IrPrinter() {
    }

    public static String print(Node n) {
        if (n instanceof Node.Const c) {
            String v = Double.toString(c.value());
            return c.dim().isNone() ? v : v + "[" + c.dim() + "]";
        } else if (n instanceof Node.Ref r) {
            return symbol(r.symbol());
        } else if (n instanceof Node.Neg x) {
            return "-(" + print(x.arg()) + ")";
        } else if (n instanceof Node.Add x) {
            return "(" + print(x.left()) + " + " + print(x.right()) + ")";
        } else if (n instanceof Node.Sub x) {
            return "(" + print(x.left()) + " - " + print(x.right()) + ")";
        } else if (n instanceof Node.Mul x) {
            return "(" + print(x.left()) + " * " + print(x.right()) + ")";
        } else if (n instanceof Node.Div x) {
            return "(" + print(x.left()) + " / " + print(x.right()) + ")";
        } else if (n instanceof Node.Pow x) {
            return "(" + print(x.base()) + " ^ " + print(x.exponent()) + ")";
        } else if (n instanceof Node.Call x) {
            return x.fn().symbol() + "(" + x.args().stream().map(IrPrinter::print).collect(Collectors.joining(", ")) + ")";
        } else if (n instanceof Node.Compare x) {
            return "(" + print(x.left()) + " " + x.op().symbol + " " + print(x.right()) + ")";
        } else if (n instanceof Node.Logic x) {
            return "(" + print(x.left()) + " " + x.op().symbol + " " + print(x.right()) + ")";
        } else if (n instanceof Node.Not x) {
            return "not " + print(x.arg());
        } else if (n instanceof Node.Cond x) {
            return "(if " + print(x.condition()) + " then " + print(x.yes()) + " else " + print(x.no()) + ")";
        } else if (n instanceof Node.KSlope x) {
            return "dln(" + x.quantity().symbol() + ")/dln(k_par)";
        }
        return "<invalid>";
    }

    private static String symbol(Symbol s) {
        if (s instanceof Symbol.Param p) {
            return "param:" + p.name();
        } else if (s instanceof Symbol.Field f) {
            return "field:" + f.name();
        } else if (s instanceof Symbol.Plasma p) {
            return "plasma:" + p.name();
        } else if (s instanceof Symbol.Resonance r) {
            return "res:" + r.name();
        } else if (s instanceof Symbol.Cr c) {
            return "cr:" + c.name();
        } else if (s instanceof Symbol.Constant c) {
            return "const:" + c.name();
        } else if (s instanceof Symbol.Wave) {
            return "e";
        } else if (s instanceof Symbol.Temp t) {
            return t.name();
        } else if (s instanceof Symbol.WaveVector w) {
            return w.name();
        }
        return s.name();
    }
}
