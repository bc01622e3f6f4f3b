package org.crdl.runtime.leptons;

import org.crdl.runtime.network.ContinuousLoss;
import org.crdl.runtime.network.Gas;
import org.crdl.runtime.network.Nuclide;

/**
 * The continuous losses of a mixed network: {@link LeptonLosses} for electrons and positrons, the nuclear law
 * ({@link ContinuousLoss#HOPKINS2021} or another) for nuclei and antiprotons (charge ±1: Coulomb and ionisation
 * as for a proton).
 *
 * @param nuclei  losses of nuclei and antiprotons
 * @param leptons losses of electrons and positrons
 */
public record SpeciesLosses(ContinuousLoss nuclei, LeptonLosses leptons) implements ContinuousLoss {

    @Override
    public double dEdtPerNucleon(Nuclide nuclide, double ekPerNucleonErg, Gas gas) {
        return nuclide.species().isLepton() ? leptons.total(ekPerNucleonErg, gas)
                : nuclei.dEdtPerNucleon(nuclide, ekPerNucleonErg, gas);
    }
}
