package org.crdl.runtime.leptons;

import org.crdl.runtime.network.Gas;
import org.crdl.runtime.network.Nuclide;
import org.crdl.runtime.particles.Kinematics;
import org.crdl.runtime.particles.Species;
import org.crdl.runtime.plasma.ModelException;
import org.crdl.runtime.secondaries.AntiprotonCrossSection;
import org.crdl.runtime.units.Constants;

/**
 * Catastrophic losses of the non-nuclear species [s⁻¹] at kinetic energy per particle T [erg]: none for
 * electrons, in-flight annihilation for positrons ({@link Annihilation}), and for antiprotons annihilation plus
 * the non-annihilating inelastic collisions (Tan &amp; Ng 1983, {@link AntiprotonCrossSection}), which remove a p̄
 * from T and put it back at lower energy as a "tertiary" ({@link Tertiaries}):
 * <pre>  Γ_p̄ = n_H v [σ_ann(T) + σ_non-ann(T)] (1 + y_He 4^0.8)  </pre>
 * with helium targets scaled by A_T^0.8 as in the production cross sections of
 * {@link AntiprotonCrossSection#nuclearFactor}.
 */
public final class Destruction {
    private Destruction() {
    }

    /** removal rate [s⁻¹] of {@code nuclide} (electron, positron or pbar) at T [erg] in {@code gas} */
    public static double rate(Nuclide nuclide, double kineticErg, Gas gas) {
        return switch (nuclide.name()) {
            case Species.ELECTRON -> 0.0;
            case Species.POSITRON -> Annihilation.positronRate(kineticErg, gas);
            case Species.ANTIPROTON -> antiprotonCollisionRate(kineticErg, gas, true);
            default -> throw new ModelException("no destruction law for species " + nuclide.name());
        };
    }

    /**
     * n_H v σ (1 + y_He 4^0.8) [s⁻¹] of a p̄ at kinetic energy T [erg]: σ = σ_ann + σ_non-ann when {@code all},
     * σ_non-ann alone (the rate of tertiary-making collisions) otherwise
     */
    public static double antiprotonCollisionRate(double kineticErg, Gas gas, boolean all) {
        double t = kineticErg / Constants.GEV;
        double mc2 = Constants.M_P * Constants.C * Constants.C;
        double g = 1 + kineticErg / mc2;
        double v = Constants.C * Kinematics.betaFromLorentzFactor(g);
        double sigmaMb = AntiprotonCrossSection.nonAnnihilatingMb(t) + (all ? AntiprotonCrossSection.annihilationMb(t) : 0);
        double targets = gas.hydrogenDensity() * (1 + gas.heliumRatio() * AntiprotonCrossSection.nuclearFactor(1, 4));
        return targets * v * sigmaMb * 1e-27;
    }
}
