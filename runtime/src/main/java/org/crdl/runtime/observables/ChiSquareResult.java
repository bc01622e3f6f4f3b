package org.crdl.runtime.observables;

import java.util.Objects;
import org.crdl.runtime.plasma.ModelException;

/**
 * Outcome of comparing a model with one dataset.
 *
 * @param dataset       label of the dataset (its file name)
 * @param chi2          Σ ((y_model − y)/σ)² over the points used (dimensionless, ≥ 0)
 * @param pointsUsed    N, the number of data points inside the model's x range
 * @param pointsOutside data points outside the model's x range (not in χ²)
 */
public record ChiSquareResult(String dataset, double chi2, int pointsUsed, int pointsOutside) {

    public ChiSquareResult {
        Objects.requireNonNull(dataset, "dataset");
        if (!(chi2 >= 0) || Double.isInfinite(chi2) || pointsUsed < 0 || pointsOutside < 0) {
            throw new IllegalArgumentException("invalid χ² result: χ² = " + chi2 + ", N = "
                    + pointsUsed + ", outside = " + pointsOutside);
        }
    }

    /** True if at least one data point was compared. */
    public boolean hasOverlap() {
        return pointsUsed > 0;
    }

    /**
     * χ²/N with N the number of points used (not the degrees of freedom).
     *
     * @throws ModelException if no data point lies in the model's range
     */
    public double chi2PerPoint() {
        if (pointsUsed == 0) {
            throw new ModelException(dataset + ": no data point lies in the model's x range ("
                    + pointsOutside + " outside); χ²/N is undefined");
        }
        return chi2 / pointsUsed;
    }
}
