/**
 * Electrons, positrons and antiprotons in transport: the radiation field ({@link
 * org.crdl.runtime.leptons.RadiationField}), the continuous lepton losses ({@link
 * org.crdl.runtime.leptons.LeptonLosses}: synchrotron, inverse Compton in the Thomson and
 * Klein–Nishina regimes, bremsstrahlung, Coulomb, ionisation), catastrophic annihilation
 * ({@link org.crdl.runtime.leptons.Annihilation}) and the composition of these with the nuclear losses
 * ({@link org.crdl.runtime.leptons.SpeciesLosses}).
 */
package org.crdl.runtime.leptons;
