package org.crdl.runtime.leptons;

import org.crdl.runtime.network.Gas;
import org.crdl.runtime.network.Nuclide;
import org.crdl.runtime.particles.Species;
import org.crdl.runtime.plasma.ModelException;

/**
 * Catastrophic losses of the non-nuclear species [s⁻¹] at kinetic energy per particle T [erg]: none for
 * electrons, in-flight annihilation for positrons ({@link Annihilation}).
 */
public final class Destruction {
    private Destruction() {
    }

    /** removal rate [s⁻¹] of {@code nuclide} (electron, positron or pbar) at T [erg] in {@code gas} */
    public static double rate(Nuclide nuclide, double kineticErg, Gas gas) {
        return switch (nuclide.name()) {
            case Species.ELECTRON -> 0.0;
            case Species.POSITRON -> Annihilation.positronRate(kineticErg, gas);
            default -> throw new ModelException("no destruction law for species " + nuclide.name());
        };
    }
}
