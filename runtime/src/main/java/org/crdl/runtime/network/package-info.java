/**
 * The nuclear network: which nuclei exist, how they break up and decay, and how they lose energy
 * in gas. Pure data and formulas, no transport.
 *
 * <p><b>Takes</b> species names (as in {@link org.crdl.runtime.particles.Species}), optionally a
 * DRAGON2-format cross-section file ({@link org.crdl.runtime.network.FragmentationFile}) and a
 * {@link org.crdl.runtime.network.Gas}. <b>Gives</b> a {@link org.crdl.runtime.network.Network}
 * in parents-first order with destruction and production rates [s⁻¹] at a kinetic energy per
 * nucleon, decay links, and continuous loss rates ({@link org.crdl.runtime.network.ContinuousLoss}).
 *
 * <p>Sources of every formula (details in each class):
 * <ul>
 *   <li>{@link org.crdl.runtime.network.NuclideTable}: ¹⁰Be t_1/2 = 1.387 Myr (Chmeleff 2010,
 *       Korschinek 2010; hopkins2021 L771 uses 1.51 Myr, available as an override); ⁷Be stable when
 *       fully stripped.</li>
 *   <li>{@link org.crdl.runtime.network.InelasticCrossSection}: Letaw et al. 1983 in the corrected
 *       form of the hopkins2021 digest §3.1(c) [FLAG] (paper L684–689 prints sin(1.3 − …) and
 *       exponent +0.28); protons Kelner et al. 2006.</li>
 *   <li>{@link org.crdl.runtime.network.BuiltInFragmentation}: Evoli et al. (DRAGON2, 2018/2019)
 *       values at 10 GeV/n, energy-independent; {@link org.crdl.runtime.network.FragmentationFile}
 *       interpolates the full tables in ln E.</li>
 *   <li>{@link org.crdl.runtime.network.HeliumScaling}: helium targets by the Bradt–Peters
 *       geometric factor (b = 1).</li>
 *   <li>{@link org.crdl.runtime.network.ContinuousLoss}: Coulomb + ionization of hopkins2021
 *       §3.1(a) (Gould 1972), and kempski2022 eq. C2.</li>
 * </ul>
 * cgs throughout; GeV/n and mb only in methods whose names say so.
 */
package org.crdl.runtime.network;
