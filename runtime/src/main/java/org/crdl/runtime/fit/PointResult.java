package org.crdl.runtime.fit;

import java.io.Serializable;
import java.util.Arrays;

/**
 * The outcome of one model evaluation at one parameter point: χ² and number of points per
 * dataset, the analytically profiled normalisations, or why the point failed.
 *
 * @param values  the varied parameters, cgs, in the order of the scan or fit
 * @param chi2    χ² per dataset (NaN for every dataset when the point failed)
 * @param points  data points used per dataset
 * @param scales  best normalisation of each nuisance observable (empty without nuisances)
 * @param failure why the model could not be solved here, or null
 */
public record PointResult(double[] values, double[] chi2, int[] points, double[] scales, String failure)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public PointResult {
        values = values.clone();
        chi2 = chi2.clone();
        points = points.clone();
        scales = scales.clone();
    }

    /** A failed point: χ² undefined, the reason kept. */
    public static PointResult failed(double[] values, int datasets, int scales, String why) {
        double[] nan = new double[datasets];
        Arrays.fill(nan, Double.NaN);
        double[] s = new double[scales];
        Arrays.fill(s, Double.NaN);
        return new PointResult(values, nan, new int[datasets], s, why == null ? "unknown failure" : why);
    }

    public boolean ok() {
        return failure == null;
    }

    /** Σ χ² over the datasets; +∞ for a failed point (so minimisers move away from it). */
    public double total() {
        if (!ok()) {
            return Double.POSITIVE_INFINITY;
        }
        double t = 0;
        for (double c : chi2) {
            t += c;
        }
        return t;
    }

    /** Σ N over the datasets. */
    public int n() {
        int t = 0;
        for (int p : points) {
            t += p;
        }
        return t;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PointResult p && Arrays.equals(values, p.values) && Arrays.equals(chi2, p.chi2)
                && Arrays.equals(points, p.points) && Arrays.equals(scales, p.scales)
                && java.util.Objects.equals(failure, p.failure);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values) * 31 + Arrays.hashCode(chi2);
    }

    @Override
    public String toString() {
        return "PointResult" + Arrays.toString(values) + " chi2=" + Arrays.toString(chi2)
                + (ok() ? "" : " failed: " + failure);
    }
}
