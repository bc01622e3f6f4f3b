/**
 * Output files of a run: CSV tables, {@code summary.json} and PNG plots.
 *
 * <p><b>Takes</b> numbers from the solvers (columns of doubles), summary values (names,
 * parameters, χ² results), model curves and {@link org.crdl.runtime.data.Dataset}s.
 *
 * <p><b>Gives</b>
 * <ul>
 *   <li>{@link org.crdl.runtime.output.CsvTable}: a header line and rows of doubles printed in the
 *       shortest form that parses back to the same double; NaN is refused, ±infinity only when
 *       allowed (written {@code inf}/{@code -inf});</li>
 *   <li>{@link org.crdl.runtime.output.JsonObject}/{@link org.crdl.runtime.output.JsonArray} and
 *       {@link org.crdl.runtime.output.JsonWriter}: a small ordered JSON model (keys keep their
 *       insertion order, so output is deterministic) with proper string escaping;</li>
 *   <li>{@link org.crdl.runtime.output.ObservablePlot}: observable vs energy on log–log axes,
 *       model lines (LIS dashed, TOA solid), data with asymmetric error bars, χ²/N in the legend,
 *       optional E^γ scaling of fluxes;</li>
 *   <li>{@link org.crdl.runtime.output.LogLogChart}: any set of named curves on log–log axes
 *       (ν(R), κ(R), D(R) …).</li>
 * </ul>
 * Plots are drawn headless with XChart; points that cannot be drawn (NaN, ±∞, ≤ 0 on a log axis)
 * are dropped and reported in the returned {@link org.crdl.runtime.output.PlotReport}.
 * Failures are {@link org.crdl.runtime.plasma.ModelException}s.
 */
package org.crdl.runtime.output;
