package org.crdl.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * Numeric comparison of expected text: tokens that parse as numbers agree within a relative tolerance
 * (or absolutely, for O(1) columns that may be ≈ 0), everything else exactly. Gives the differences as
 * readable lines ("row 3 nu_s_per_s: expected 1.2e-9, got 1.3e-9").
 */
final class ExpectedText {
    private ExpectedText() {
    }

    /** Text cells exactly; numbers within tol relative (or absolute for O(1) columns); "" and "inf" exactly. */
    static boolean same(String e, String a, double tol, boolean absolute) {
        if (e.equals(a)) {
            return true;
        }
        Double x = number(e);
        Double y = number(a);
        if (x == null || y == null || !Double.isFinite(x) || !Double.isFinite(y)) {
            return false;
        }
        double scale = absolute ? Math.max(1, Math.max(Math.abs(x), Math.abs(y))) : Math.max(Math.abs(x), Math.abs(y));
        return Math.abs(x - y) <= tol * scale;
    }

    static Double number(String s) {
        if (s.isEmpty() || "inf".equals(s) || "-inf".equals(s)) {
            return null;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * Line by line, cells split at {@code separators}; {@code header} names the columns of a CSV (null for
     * free text), and columns in {@code absolute} compare absolutely.
     */
    static List<String> differences(List<String> expected, List<String> actual, String separators, double tol,
                                    java.util.Set<String> absolute, boolean csvHeader) {
        List<String> bad = new ArrayList<>();
        if (expected.size() != actual.size()) {
            bad.add("expected " + expected.size() + " lines, got " + actual.size());
        }
        String[] head = csvHeader && !expected.isEmpty() ? expected.get(0).split(",", -1) : new String[0];
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
            String[] e = expected.get(i).split(separators, -1);
            String[] a = actual.get(i).split(separators, -1);
            if (e.length != a.length) {
                bad.add("line " + (i + 1) + ": expected '" + expected.get(i) + "', got '" + actual.get(i) + "'");
                continue;
            }
            for (int j = 0; j < e.length; j++) {
                String column = j < head.length ? head[j] : "";
                if (!same(e[j], a[j], tol, absolute.contains(column))) {
                    bad.add((csvHeader ? "row " + i + " " + column : "line " + (i + 1)) + ": expected "
                            + (e[j].isEmpty() ? "''" : e[j]) + ", got " + (a[j].isEmpty() ? "''" : a[j]));
                }
            }
        }
        return bad;
    }

    /** The first few differences on one line. */
    static String summary(List<String> bad) {
        return bad.size() + " difference" + (bad.size() == 1 ? "" : "s") + ": "
                + String.join("; ", bad.subList(0, Math.min(4, bad.size()))) + (bad.size() > 4 ? "; …" : "");
    }
}
