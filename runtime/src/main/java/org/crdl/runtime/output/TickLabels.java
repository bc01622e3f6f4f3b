package org.crdl.runtime.output;

import java.util.Locale;

/**
 * Axis tick labels as physicists write them: {@code 10⁻³}, {@code 3×10⁴}, never {@code 3E-1}.
 * Decades on a log axis read {@code 10ⁿ}; other values a mantissa of at most two significant
 * digits times 10ⁿ; values of moderate size on a linear axis are written plainly.
 */
public final class TickLabels {
    private static final String SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    private TickLabels() {
    }

    /** A label for a log-axis tick. */
    public static String log(double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            return "";
        }
        int n = (int) Math.floor(Math.log10(v) + 1e-9);
        double m = v / Math.pow(10, n);
        if (Math.abs(m - 1) < 1e-6) {
            return "10" + superscript(n);
        }
        return trim(m) + "×10" + superscript(n);
    }

    /** A label for a linear-axis tick: plain between 10⁻² and 10⁴, else mantissa × 10ⁿ. */
    public static String linear(double v) {
        if (!Double.isFinite(v)) {
            return "";
        }
        double a = Math.abs(v);
        if (a < 1e-12) {
            return "0";
        }
        if (a >= 1e-2 && a < 1e4) {
            String t = String.format(Locale.ROOT, "%.4g", v);
            return (t.contains(".") ? t.replaceAll("\\.?0+$", "") : t).replace('-', '−');
        }
        int n = (int) Math.floor(Math.log10(a) + 1e-9);
        double m = v / Math.pow(10, n);
        return (Math.abs(Math.abs(m) - 1) < 1e-6 ? (m < 0 ? "−" : "") : trim(m) + "×") + "10" + superscript(n);
    }

    private static String trim(double m) {
        String t = String.format(Locale.ROOT, "%.2g", m);
        return (t.contains(".") ? t.replaceAll("\\.?0+$", "") : t).replace('-', '−');
    }

    /** Integer exponent in superscript digits, e.g. −3 → ⁻³. */
    static String superscript(int n) {
        StringBuilder sb = new StringBuilder(n < 0 ? "⁻" : "");
        for (char c : Integer.toString(Math.abs(n)).toCharArray()) {
            sb.append(SUPERSCRIPT_DIGITS.charAt(c - '0'));
        }
        return sb.toString();
    }
}
