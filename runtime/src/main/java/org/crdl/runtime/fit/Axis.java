package org.crdl.runtime.fit;

/**
 * One axis of a scan grid: n values from lo to hi inclusive, evenly spaced linearly or in log.
 */
public record Axis(FreeParameter parameter, double lo, double hi, int n, boolean log) {

    public Axis {
        if (n < 1) {
            throw new IllegalArgumentException(parameter.name() + ": a scan axis needs at least one point, got " + n);
        }
        if (log && !(lo > 0 && hi > 0)) {
            throw new IllegalArgumentException(parameter.name() + ": a log axis needs positive ends, got " + lo + ":" + hi);
        }
    }

    /** The i-th value (i = 0 is lo, i = n-1 is hi). */
    public double value(int i) {
        if (n == 1) {
            return lo;
        }
        double t = (double) i / (n - 1);
        if (i == n - 1) {
            return hi;
        }
        return log ? lo * Math.pow(hi / lo, t) : lo + t * (hi - lo);
    }

    public double[] values() {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = value(i);
        }
        return v;
    }
}
