package org.crdl.runtime.network;

import org.crdl.runtime.plasma.ModelException;
import org.crdl.runtime.units.Constants;

/**
 * Interstellar gas as seen by cosmic-ray nuclei: hydrogen density, helium-to-hydrogen number
 * ratio and ionized fraction of hydrogen. Immutable; cgs.
 *
 * <ul>
 *   <li>targets for spallation: n_H hydrogen nuclei and n_He = y_He·n_H helium nuclei;</li>
 *   <li>free electrons (Coulomb losses): n_e = x_ion·n_H (helium assumed neutral);</li>
 *   <li>neutral hydrogen atoms (ionization losses): n_HI = (1 − x_ion)·n_H; neutral He is not
 *       counted, following the 0.57 n_neutral term of hopkins2021 §3.1(a) written per H atom;</li>
 *   <li>mass density ρ = n_H (m_p + y_He·4 m_u); for y_He = 0.1 this is the m̄ ≈ 1.4 m_p per H atom
 *       of the hopkins2021 digest §6.3.</li>
 * </ul>
 *
 * @param hydrogenDensity n_H [cm^-3]
 * @param heliumRatio     y_He = n_He/n_H (0.1 is the cosmic value)
 * @param ionizedFraction x_ion ∈ [0, 1]
 */
public record Gas(double hydrogenDensity, double heliumRatio, double ionizedFraction) {

    public Gas {
        if (!(hydrogenDensity >= 0) || !Double.isFinite(hydrogenDensity)) {
            throw new ModelException("gas: hydrogen density must be finite and ≥ 0, got " + hydrogenDensity + " cm^-3");
        }
        if (!(heliumRatio >= 0) || !Double.isFinite(heliumRatio)) {
            throw new ModelException("gas: helium ratio n_He/n_H must be finite and ≥ 0, got " + heliumRatio);
        }
        if (!(ionizedFraction >= 0 && ionizedFraction <= 1)) {
            throw new ModelException("gas: ionized fraction must lie in [0, 1], got " + ionizedFraction);
        }
    }

    /** Neutral hydrogen only (no helium): the kempski2022 disk and the digest's bare formulas. */
    public static Gas neutralHydrogen(double nH) {
        return new Gas(nH, 0.0, 0.0);
    }

    /** free-electron density n_e [cm^-3] */
    public double electronDensity() {
        return ionizedFraction * hydrogenDensity;
    }

    /** neutral-hydrogen density n_HI [cm^-3] */
    public double neutralDensity() {
        return (1 - ionizedFraction) * hydrogenDensity;
    }

    /** helium density n_He [cm^-3] */
    public double heliumDensity() {
        return heliumRatio * hydrogenDensity;
    }

    /** mass density ρ = n_H (m_p + 4 m_u y_He) [g cm^-3] */
    public double massDensity() {
        return hydrogenDensity * (Constants.M_P + 4 * Constants.M_U * heliumRatio);
    }
}
