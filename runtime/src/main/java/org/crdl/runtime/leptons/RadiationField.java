package org.crdl.runtime.leptons;

import java.util.ArrayList;
import java.util.List;
import org.crdl.runtime.plasma.ModelException;
import org.crdl.runtime.units.Constants;

/**
 * The photon and magnetic fields seen by cosmic-ray leptons: a magnetic field B and a radiation
 * field made of grey bodies (each a black-body spectrum of temperature T diluted to the energy
 * density u), the CMB among them. Immutable; cgs.
 *
 * <p>{@link #solarNeighbourhood()}: the local ISM energy densities of Draine (2011, "Physics of the
 * Interstellar and Intergalactic Medium", Table 1.5): CMB 0.265 eV cm⁻³ (T = 2.7255 K, the black body
 * itself), far-infrared dust emission 0.31 eV cm⁻³, starlight 0.54 eV cm⁻³, magnetic field
 * 0.89 eV cm⁻³, i.e. B = 5.99 µG. The grey-body temperatures of the dust (20 K) and starlight
 * (4000 K, the middle one of the three diluted black bodies of Mathis, Mezger &amp; Panagia 1983) are our
 * choice; they matter only for the Klein–Nishina suppression. u_rad = 1.115 eV cm⁻³ in total, close to
 * hopkins2021's "~1.3 eV cm⁻³ (ISRF+CMB; Draine 2011)" for the WIM (L1565–1569).
 *
 * @param magneticField B [G]
 * @param components    the grey bodies (the CMB included when wanted)
 */
public record RadiationField(double magneticField, List<GreyBody> components) {

    /** a·T⁴ radiation constant [erg cm⁻³ K⁻⁴] (CODATA 2018: 4σ_SB/c) */
    public static final double RADIATION_CONSTANT = 7.565733250e-15;
    /** CMB temperature [K] (Fixsen 2009) */
    public static final double CMB_TEMPERATURE = 2.7255;

    /**
     * One diluted black body.
     *
     * @param name          label for messages
     * @param energyDensity u [erg cm⁻³]
     * @param temperature   T [K]
     */
    public record GreyBody(String name, double energyDensity, double temperature) {
        public GreyBody {
            if (!(energyDensity >= 0) || !Double.isFinite(energyDensity) || !(temperature > 0)
                    || !Double.isFinite(temperature)) {
                throw new ModelException("radiation field component " + name + ": need u ≥ 0 and T > 0, got u = "
                        + ModelException.show(energyDensity / Constants.EV) + " eV cm^-3, T = "
                        + ModelException.show(temperature) + " K");
            }
        }

        /**
         * Klein–Nishina transition Lorentz factor γ_K = 3√5 m_e c²/(8π k T) of a black body (Schlickeiser &amp;
         * Ruppel 2010, New J. Phys. 12, 033044, eq. 21): γ_K ≈ 0.27 m_e c²/(kT).
         */
        public double kleinNishinaGamma() {
            return 3 * Math.sqrt(5) * Constants.M_E * Constants.C * Constants.C / (8 * Math.PI * Constants.K_B * temperature);
        }
    }

    public RadiationField {
        components = List.copyOf(components);
        if (!(magneticField >= 0) || !Double.isFinite(magneticField)) {
            throw new ModelException("radiation field: B must be finite and ≥ 0, got " + ModelException.show(magneticField) + " G");
        }
    }

    /** the CMB black body, u = a T⁴ = 0.260 eV cm⁻³ */
    public static GreyBody cmb() {
        return new GreyBody("cmb", RADIATION_CONSTANT * Math.pow(CMB_TEMPERATURE, 4), CMB_TEMPERATURE);
    }

    /** Draine (2011) Table 1.5 local values, see the class comment */
    public static RadiationField solarNeighbourhood() {
        List<GreyBody> c = new ArrayList<>();
        c.add(cmb());
        c.add(new GreyBody("dust", 0.31 * Constants.EV, 20));
        c.add(new GreyBody("starlight", 0.54 * Constants.EV, 4000));
        return new RadiationField(Math.sqrt(8 * Math.PI * 0.89 * Constants.EV), c);
    }

    /** magnetic energy density u_B = B²/8π [erg cm⁻³] */
    public double magneticEnergyDensity() {
        return magneticField * magneticField / (8 * Math.PI);
    }

    /** total radiation energy density Σ u_i [erg cm⁻³] */
    public double radiationEnergyDensity() {
        double u = 0;
        for (GreyBody g : components) {
            u += g.energyDensity();
        }
        return u;
    }

    /**
     * The Klein–Nishina-weighted energy density Σ u_i γ_K,i²/(γ_K,i² + γ²) [erg cm⁻³] (Schlickeiser &amp;
     * Ruppel 2010, eq. 22, accurate to a few % against the exact grey-body rate): u_rad in the Thomson
     * limit γ ≪ γ_K, falling as γ⁻² above it (so the loss rate becomes independent of γ).
     */
    public double effectiveEnergyDensity(double lorentzGamma) {
        double u = 0;
        for (GreyBody g : components) {
            double gk = g.kleinNishinaGamma();
            u += g.energyDensity() * gk * gk / (gk * gk + lorentzGamma * lorentzGamma);
        }
        return u;
    }
}
