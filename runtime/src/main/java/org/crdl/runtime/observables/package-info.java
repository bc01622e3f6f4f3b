/**
 * Observables compared with data.
 *
 * <p><b>Takes</b> a model curve y(x) — a {@link org.crdl.runtime.observables.ModelCurve} (sorted
 * arrays, interpolated log-log) or a function on an x range — and a
 * {@link org.crdl.runtime.data.Dataset} on the same x axis.
 *
 * <p><b>Gives</b> a {@link org.crdl.runtime.observables.ChiSquareResult}: χ² = Σ ((y_model − y)/σ)²
 * over the data points inside the model's x range, with σ the total error on the side of the data
 * point where the model lies; the number of points used and of points outside the range; χ²/N.
 * Invalid input (NaN, non-positive values under a logarithm, zero errors) is a
 * {@link org.crdl.runtime.plasma.ModelException}, never a NaN result.
 */
package org.crdl.runtime.observables;
