package org.crdl.runtime.data;

/**
 * One measurement: the x value with its bin edges (x_lo ≤ x ≤ x_hi, equal to x when the file gives
 * no bin), the y value, and its <em>total</em> (statistical ⊕ systematic) errors below and above.
 * Units are those of the owning {@link Dataset}: x in {@link Dataset#xAxis()} units, y in
 * {@link Dataset#yUnit()}.
 */
public record DataPoint(double x, double xLo, double xHi, double y, double yErrLo, double yErrHi) {

    /** Checks that every value is finite, x &gt; 0, the bin contains x and errors are non-negative. */
    public DataPoint {
        requireFinite("x", x);
        requireFinite("x_lo", xLo);
        requireFinite("x_hi", xHi);
        requireFinite("y", y);
        requireFinite("y_err_lo", yErrLo);
        requireFinite("y_err_hi", yErrHi);
        if (x <= 0) {
            throw new IllegalArgumentException("x must be positive, found " + x);
        }
        if (xLo > x || xHi < x) {
            throw new IllegalArgumentException(
                    "bin [" + xLo + ", " + xHi + "] does not contain x = " + x);
        }
        if (yErrLo < 0 || yErrHi < 0) {
            throw new IllegalArgumentException(
                    "errors must be non-negative, found -" + yErrLo + " / +" + yErrHi);
        }
    }

    private static void requireFinite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " is not a finite number: " + value);
        }
    }

    /** The total error on the side of y where {@code model} lies (upper error if model ≥ y). */
    public double errorTowards(double model) {
        return model >= y ? yErrHi : yErrLo;
    }

    /** This point with y and its errors multiplied by {@code factor} (&gt; 0); x unchanged. */
    public DataPoint scaleY(double factor) {
        if (!(factor > 0) || !Double.isFinite(factor)) {
            throw new IllegalArgumentException("scale factor must be positive and finite: " + factor);
        }
        return new DataPoint(x, xLo, xHi, y * factor, yErrLo * factor, yErrHi * factor);
    }
}
