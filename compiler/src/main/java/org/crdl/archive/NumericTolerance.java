package org.crdl.archive;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Comparator;

/** Equality of numbers to a relative tolerance: for JSON trees (Jackson) and CSV cells. */
final class NumericTolerance implements Comparator<JsonNode> {
    private final double tolerance;

    NumericTolerance(double tolerance) {
        this.tolerance = tolerance;
    }

    @Override
    public int compare(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return close(a.doubleValue(), b.doubleValue(), tolerance) ? 0 : 1;
        }
        return a.equals(b) ? 0 : 1;
    }

    static boolean close(double a, double b, double tolerance) {
        return a == b || Math.abs(a - b) <= tolerance * Math.max(Math.abs(a), Math.abs(b));
    }

    /** Same lines and cells; numeric cells within the tolerance, others identical. */
    static boolean csvAgree(String a, String b, double tolerance) {
        String[] x = a.split("\n", -1);
        String[] y = b.split("\n", -1);
        if (x.length != y.length) {
            return false;
        }
        for (int i = 0; i < x.length; i++) {
            String[] u = x[i].split(",", -1);
            String[] v = y[i].split(",", -1);
            if (u.length != v.length) {
                return false;
            }
            for (int j = 0; j < u.length; j++) {
                if (!u[j].equals(v[j]) && !numbersClose(u[j], v[j], tolerance)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean numbersClose(String a, String b, double tolerance) {
        try {
            return close(Double.parseDouble(a), Double.parseDouble(b), tolerance);
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
