/**
 * Steady-state Galactic transport of a {@link org.crdl.runtime.network.Network}: the solvers a
 * model's {@code galaxy { transport … }} block compiles into (DESIGN §4).
 *
 * <p><b>Takes</b> a network, a {@link org.crdl.runtime.transport.Source} (spectrum shape per
 * species, abundances, event rate × energy over the disk area), a spatial diffusion coefficient
 * from outside ({@link org.crdl.runtime.transport.Diffusion}: D_xx or κ of species and rigidity),
 * gas and geometry in cgs. <b>Gives</b> spectra on a grid of kinetic energy per nucleon
 * ({@link org.crdl.runtime.transport.TransportSolution}: density, LIS and force-field-modulated
 * intensities in m⁻² s⁻¹ sr⁻¹ (GeV/n)⁻¹, ratios, grammage [g cm⁻²], residence and escape times
 * [Myr]) or, for the layered slab, densities per rigidity with their z profiles
 * ({@link org.crdl.runtime.transport.LayeredSolution}).
 *
 * <ul>
 *   <li>{@link org.crdl.runtime.transport.LeakyBox} — escape time or grammage law, spallation,
 *       decay, optional losses.</li>
 *   <li>{@link org.crdl.runtime.transport.FlatHalo} — thin disk in a diffusive halo: exact in z,
 *       implicit finite volume in energy (losses, reacceleration, wind); reduces to the hopkins2021
 *       digest §6.3 formulas.</li>
 *   <li>{@link org.crdl.runtime.transport.LayeredSlab} — piecewise-in-z slab of diffusive and
 *       NLL self-confined layers over a thin loss/spallation disk (kempski2022 §4, eqs. 10–16,
 *       29–33 with the corrected eq. 33).</li>
 *   <li>{@link org.crdl.runtime.transport.ForceField} — Gleeson–Axford solar modulation.</li>
 * </ul>
 * Errors are {@link org.crdl.runtime.plasma.ModelException}s naming the species, energy or
 * rigidity; no method returns NaN.
 */
package org.crdl.runtime.transport;
