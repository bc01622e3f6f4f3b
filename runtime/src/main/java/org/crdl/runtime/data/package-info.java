/**
 * Loaders for cosmic-ray measurements as exported by the public databases.
 *
 * <p><b>Takes</b> a file from {@code data/observations/} in one of the layouts found there —
 * SSDC exports ({@code # XLabel:} / {@code # Columns:} headers), CRDB-style {@code .dat} tables,
 * the DAMPE band table ({@code E_min E_avg E_max Flux_min Flux_avg Flux_max …}) and the Voyager 1
 * ApJ intensity tables (one element, or several elements side by side) — plus optional
 * {@link org.crdl.runtime.data.LoadOptions} (x-axis override, element selection).
 *
 * <p><b>Gives</b> an immutable {@link org.crdl.runtime.data.Dataset}: the quantity, the x-axis
 * kind ({@link org.crdl.runtime.data.XAxisKind}: GeV/n, GV or GeV), the flux unit, the experiment,
 * and points with bin edges and <em>total</em> asymmetric errors. Fluxes keep the file's
 * differential variable (per GeV/n, per GV or per GeV); values stored multiplied by E^2.7 are
 * divided back, and MeV-based tables are converted to GeV (each such step is recorded in
 * {@link org.crdl.runtime.data.Dataset#notes()}). {@link org.crdl.runtime.data.AxisConversion}
 * moves a flux to another x axis for a given species.
 *
 * <p>Every problem (missing file, unknown layout, malformed line) is a
 * {@link org.crdl.runtime.plasma.ModelException} whose message starts with {@code file:line:}.
 */
package org.crdl.runtime.data;
