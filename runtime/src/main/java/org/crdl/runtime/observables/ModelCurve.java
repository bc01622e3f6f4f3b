package org.crdl.runtime.observables;

import java.util.Arrays;
import java.util.Objects;
import org.crdl.runtime.data.XAxisKind;
import org.crdl.runtime.plasma.ModelException;

/**
 * A model prediction tabulated at increasing x, e.g. B/C or a flux versus kinetic energy per
 * nucleon. x is in the unit of {@link #xAxis()} (GeV/n, GV or GeV); y in the unit of the compared
 * data (dimensionless for ratios, m^-2 s^-1 sr^-1 per x unit for fluxes). Between nodes the curve
 * is interpolated linearly in (ln x, ln y): exact for power laws. Immutable.
 */
public final class ModelCurve {
    private final String label;
    private final XAxisKind xAxis;
    private final double[] x;
    private final double[] y;

    /**
     * @param label  name for messages and legends, e.g. {@code B/C TOA}
     * @param x      at least two finite values, strictly increasing, all &gt; 0
     * @param y      finite values, one per x (may be ≤ 0, but not where interpolated)
     * @throws ModelException if any value is NaN or infinite, or x is not strictly increasing
     */
    public ModelCurve(String label, XAxisKind xAxis, double[] x, double[] y) {
        this.label = Objects.requireNonNull(label, "label");
        this.xAxis = Objects.requireNonNull(xAxis, "xAxis");
        if (x.length != y.length) {
            throw new ModelException("model curve '" + label + "': " + x.length + " x values but "
                    + y.length + " y values");
        }
        if (x.length < 2) {
            throw new ModelException("model curve '" + label + "' needs at least two points, has "
                    + x.length);
        }
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i]) || x[i] <= 0) {
                throw new ModelException("model curve '" + label + "': x[" + i + "] = " + x[i]
                        + " is not a positive finite number");
            }
            if (!Double.isFinite(y[i])) {
                throw new ModelException("model curve '" + label + "': y[" + i + "] = " + y[i]
                        + " at x = " + x[i] + " is not a finite number");
            }
            if (i > 0 && !(x[i] > x[i - 1])) {
                throw new ModelException("model curve '" + label + "': x must increase strictly, but x["
                        + i + "] = " + x[i] + " follows x[" + (i - 1) + "] = " + x[i - 1]);
            }
        }
        this.x = x.clone();
        this.y = y.clone();
    }

    public String label() {
        return label;
    }

    public XAxisKind xAxis() {
        return xAxis;
    }

    /** A copy of the x nodes. */
    public double[] x() {
        return x.clone();
    }

    /** A copy of the y values. */
    public double[] y() {
        return y.clone();
    }

    public int size() {
        return x.length;
    }

    public double xMin() {
        return x[0];
    }

    public double xMax() {
        return x[x.length - 1];
    }

    /** True if {@code xv} lies in [xMin, xMax]. */
    public boolean covers(double xv) {
        return xv >= x[0] && xv <= x[x.length - 1];
    }

    /**
     * y at {@code xv}: the node value where xv is a node, otherwise log-log interpolation.
     *
     * @throws ModelException if xv lies outside [xMin, xMax] or a neighbouring y is ≤ 0
     */
    public double valueAt(double xv) {
        if (!covers(xv)) {
            throw new ModelException("model curve '" + label + "' is defined on [" + xMin() + ", "
                    + xMax() + "] " + xAxis.unit() + ", not at " + xv);
        }
        int k = Arrays.binarySearch(x, xv);
        if (k >= 0) {
            return y[k];
        }
        int hi = -k - 1;
        int lo = hi - 1;
        if (y[lo] <= 0 || y[hi] <= 0) {
            throw new ModelException("model curve '" + label + "' cannot be interpolated log-log at x = "
                    + xv + " " + xAxis.unit() + ": y = " + y[lo] + ", " + y[hi] + " at the neighbouring "
                    + "nodes x = " + x[lo] + ", " + x[hi] + " (must be > 0)");
        }
        double t = Math.log(xv / x[lo]) / Math.log(x[hi] / x[lo]);
        return y[lo] * Math.exp(t * Math.log(y[hi] / y[lo]));
    }
}
