package org.crdl.runtime.fit;

import java.io.Serializable;

/**
 * A parameter a fit or scan varies: its name, cgs unit (for column headers), declared range and
 * whether it is best handled on a logarithmic scale (positive ranges spanning two decades or more).
 */
public record FreeParameter(String name, String unit, double lo, double hi, boolean log) implements Serializable {

    private static final long serialVersionUID = 1L;

    public FreeParameter {
        if (!(lo < hi) || !Double.isFinite(lo) || !Double.isFinite(hi)) {
            throw new IllegalArgumentException(name + ": need a finite range lo < hi, got [" + lo + ", " + hi + "]");
        }
        if (log && !(lo > 0)) {
            throw new IllegalArgumentException(name + ": a logarithmic range needs lo > 0, got " + lo);
        }
    }

    /** The default scale of a declared range: logarithmic for positive ranges of ≥ 2 decades. */
    public static FreeParameter of(String name, String unit, double lo, double hi) {
        return new FreeParameter(name, unit, lo, hi, lo > 0 && hi / lo >= 100);
    }

    /** Column header with the unit, e.g. {@code D0 [cm^2 s^-1]}; no unit for dimensionless ones. */
    public String header() {
        return unit == null || unit.isEmpty() || unit.equals("1") ? name : name + " [" + unit + "]";
    }

    /** The value at internal coordinate u ∈ [0, 1] (linear or logarithmic in the range). */
    public double fromUnit(double u) {
        return log ? lo * Math.pow(hi / lo, u) : lo + u * (hi - lo);
    }

    /** The internal coordinate of a value. */
    public double toUnit(double x) {
        return log ? Math.log(x / lo) / Math.log(hi / lo) : (x - lo) / (hi - lo);
    }

    /** dx/du at u. */
    public double jacobian(double u) {
        return log ? fromUnit(u) * Math.log(hi / lo) : hi - lo;
    }
}
