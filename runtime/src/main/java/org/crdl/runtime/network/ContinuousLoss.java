package org.crdl.runtime.network;

import org.crdl.runtime.units.Constants;

/**
 * A continuous energy-loss law of nuclei in gas: the rate of change of kinetic energy per
 * nucleon, dE_n/dt [erg s^-1], negative for losses.
 *
 * <p>{@link #HOPKINS2021}: Coulomb + ionization losses of hopkins2021 §3.1(a) (paper L673–680,
 * after Gould 1972):
 * <pre>  dT/dt = −3.1×10⁻⁷ eV s⁻¹ cm³ · Z² · (n_e + 0.57 n_HI)  </pre>
 * for the total kinetic energy T, independent of T as written in the paper (loss time
 * T/|Ṫ| = 1.02 Myr at 10 MeV, Z = 1, n_e = 1 cm⁻³; 1.79 Myr for n_HI = 1 cm⁻³: digest table).
 * Per nucleon the rate is divided by A.
 *
 * <p>{@link #KEMPSKI2022}: the ionization rate of kempski2022 eq. C2 (Schlickeiser 2002),
 * τ_ion⁻¹ = 2×10⁻¹⁶ s⁻¹ Z² (n/cm⁻³) β⁻² (p/GeV c⁻¹)⁻¹ with dp/dt = −p/τ_ion and n the total
 * hydrogen density (the disk is "mostly neutral", L318); dE/dt = v dp/dt.
 */
@FunctionalInterface
public interface ContinuousLoss {

    /** dE_n/dt [erg s^-1] (≤ 0) of {@code nuclide} with kinetic energy per nucleon E_n [erg] in {@code gas} */
    double dEdtPerNucleon(Nuclide nuclide, double ekPerNucleonErg, Gas gas);

    /** no continuous losses */
    ContinuousLoss NONE = (n, e, g) -> 0.0;

    /** hopkins2021 §3.1(a): Coulomb (n_e) + ionization (0.57 n_HI), energy-independent */
    ContinuousLoss HOPKINS2021 = (n, e, g) -> -3.1e-7 * Constants.EV * n.z() * n.z()
            * (g.electronDensity() + 0.57 * g.neutralDensity()) / n.a();

    /** kempski2022 eq. C2 ionization rate (total hydrogen density), see the interface comment */
    ContinuousLoss KEMPSKI2022 = (n, e, g) -> {
        double mc2 = n.species().mass() * Constants.C * Constants.C;
        double t = e * n.a();
        double pc = Math.sqrt(t * (t + 2 * mc2));
        double beta = pc / (t + mc2);
        double pOverGeV = pc / Constants.GEV;
        double rate = 2e-16 * n.z() * n.z() * g.hydrogenDensity() / (beta * beta * pOverGeV);
        // dE/dt = v dp/dt = −β pc · rate
        return -beta * pc * rate / n.a();
    };

    /** loss time of the total kinetic energy, T/|dT/dt| [s]; infinite without losses */
    default double lossTime(Nuclide nuclide, double ekPerNucleonErg, Gas gas) {
        double r = dEdtPerNucleon(nuclide, ekPerNucleonErg, gas);
        return r == 0 ? Double.POSITIVE_INFINITY : ekPerNucleonErg / Math.abs(r);
    }

    /** momentum loss time p/|dp/dt| [s] = p v/|dE/dt| per particle; used by the kempski2022 loss factor */
    default double momentumLossTime(Nuclide nuclide, double ekPerNucleonErg, Gas gas) {
        double r = dEdtPerNucleon(nuclide, ekPerNucleonErg, gas) * nuclide.a();
        if (r == 0) {
            return Double.POSITIVE_INFINITY;
        }
        double mc2 = nuclide.species().mass() * Constants.C * Constants.C;
        double t = ekPerNucleonErg * nuclide.a();
        double pc = Math.sqrt(t * (t + 2 * mc2));
        double beta = pc / (t + mc2);
        return beta * pc / Math.abs(r);
    }
}
