/**
 * Secondary cosmic rays made in the gas: production cross sections of antiprotons and e±, the
 * antiproton loss channels, the source rate q(T) of a secondary species from primary intensities,
 * and the ionisation rate of the gas. Pure formulas, no transport.
 *
 * <p><b>Takes</b> primary intensities tabulated on a kinetic-energy-per-nucleon grid and a
 * {@link org.crdl.runtime.network.Gas}. <b>Gives</b> cross sections [mb, mb/GeV], source rates
 * [cm⁻³ s⁻¹ GeV⁻¹] and the ionisation rate per H atom [s⁻¹].
 *
 * <p>Sources (details and equation numbers in each class):
 * <ul>
 *   <li>{@link org.crdl.runtime.secondaries.AntiprotonCrossSection}: di Mauro, Donato, Goudelis
 *       &amp; Serpico 2014 (PRD 90, 085017) Eq. 12 for prompt p̄ from p–p; antineutron and hyperon
 *       factors of Winkler 2017 (JCAP 02, 048); (A_P A_T)^0.8 nuclear scaling; annihilation and
 *       non-annihilating inelastic cross sections of Tan &amp; Ng 1983 as used in GALPROP.</li>
 *   <li>{@link org.crdl.runtime.secondaries.LeptonCrossSection}: Kelner, Aharonian &amp; Bugayov
 *       2006 (PRD 74, 034018) Eq. 62 above 1 TeV joined to their δ-functional pion approximation
 *       (§IV.B) with the π → μ → e decay spectrum below; charge-symmetric.</li>
 *   <li>{@link org.crdl.runtime.secondaries.IonisationRate}: hopkins2021 §3.5.5 (L2613–2625) with
 *       the Spitzer &amp; Tomasko 1968 cross section (digest §7 [FLAG]).</li>
 * </ul>
 * GeV, mb and GeV/n in the names of the methods that use them; cgs elsewhere.
 */
package org.crdl.runtime.secondaries;
