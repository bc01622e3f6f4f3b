package org.crdl.runtime.leptons;

import org.crdl.runtime.network.Gas;
import org.crdl.runtime.plasma.ModelException;
import org.crdl.runtime.units.Constants;

/**
 * Continuous energy losses of electrons and positrons, dT/dt [erg s⁻¹] (≤ 0) at kinetic energy T, after
 * the hopkins2021 digest §3.2 (paper L695–731), with γ = 1 + T/m_ec², v = βc and Ė = v ṗ:
 * <ul>
 *   <li><b>synchrotron</b> Ė = −(4/3) σ_T c β²γ² u_B, u_B = B²/8π (pitch-angle average; digest (h));</li>
 *   <li><b>inverse Compton</b> Ė = −(4/3) σ_T c β²γ² Σ u_i γ_K,i²/(γ_K,i² + γ²): the Thomson rate of digest (h)
 *       with the Klein–Nishina suppression of each grey body (Schlickeiser &amp; Ruppel 2010, eq. 22; the paper
 *       ignores it, L721–731; {@link RadiationField#effectiveEnergyDensity});</li>
 *   <li><b>bremsstrahlung</b> on ionised hydrogen: ṗ = −(3/2π) α σ_T c n_p Z(Z+1) (ln 2γ − 1/3) p with Z = 1
 *       (digest (e), Blumenthal &amp; Gould 1970; n_p = n_e); on neutral gas, complete screening,
 *       Ė = −E c Σ ρ_i/X_i with the radiation lengths X_H = 63.04 g cm⁻² and X_He = 94.32 g cm⁻² (PDG,
 *       Review of Particle Physics, atomic and nuclear properties) [external: the digest gives only the
 *       ionised form];</li>
 *   <li><b>ionisation</b> of neutral hydrogen: ṗ = −(3/4) m_ec² σ_T n_HI ln(2γ³/α⁴) (digest (f), Gould &amp;
 *       Burbidge 1965);</li>
 *   <li><b>Coulomb</b> on free electrons: ṗ = −(3/4) m_ec² σ_T n_e β⁻² {ln[m_ec² β √(γ−1)/ħω_pl] + ln 2 (β²/2 +
 *       1/γ) + 1/2 + (γ−1)²/16γ²}, ω_pl² = 4π e² n_e/m_e (digest (g), Gould 1972).</li>
 * </ul>
 * The gas terms use the {@link Gas} of the disk; the radiative terms (synchrotron, IC) are multiplied by
 * {@code radiativeWeight}: 1 where the fields fill the volume the gas fills (leaky box), and H/2h in a flat
 * halo, where the fields fill the whole halo and the disk equation carries the halo-integrated losses
 * (∫ψ dz/h with the loss-free profile ψ = 1 − |z|/H: exact while the cooling length exceeds H, an
 * over-estimate of the halo-average loss when it is shorter; see the README's known gaps).
 *
 * @param field           B and the radiation field
 * @param radiativeWeight factor on the synchrotron and IC terms (see above), ≥ 0
 */
public record LeptonLosses(RadiationField field, double radiativeWeight) {

    /** radiation length of hydrogen [g cm⁻²] (PDG) */
    public static final double X0_HYDROGEN = 63.04;
    /** radiation length of helium [g cm⁻²] (PDG) */
    public static final double X0_HELIUM = 94.32;
    /** reduced Planck constant [erg s] */
    static final double HBAR = Constants.H_PLANCK / (2 * Math.PI);

    public LeptonLosses {
        if (field == null) {
            throw new ModelException("lepton losses need a radiation field");
        }
        if (!(radiativeWeight >= 0) || !Double.isFinite(radiativeWeight)) {
            throw new ModelException("lepton losses: the radiative weight must be finite and ≥ 0, got "
                    + ModelException.show(radiativeWeight));
        }
    }

    private static double mec2() {
        return Constants.M_E * Constants.C * Constants.C;
    }

    private static double gamma(double t) {
        return 1 + t / mec2();
    }

    private static double beta(double g) {
        return Math.sqrt(Math.max(0, 1 - 1 / (g * g)));
    }

    /** synchrotron dT/dt [erg s⁻¹] */
    public double synchrotron(double t) {
        double g = gamma(t);
        double b = beta(g);
        return -4.0 / 3.0 * Constants.SIGMA_T * Constants.C * b * b * g * g * field.magneticEnergyDensity();
    }

    /** inverse Compton dT/dt [erg s⁻¹], Klein–Nishina-suppressed per grey body */
    public double inverseCompton(double t) {
        double g = gamma(t);
        double b = beta(g);
        return -4.0 / 3.0 * Constants.SIGMA_T * Constants.C * b * b * g * g * field.effectiveEnergyDensity(g);
    }

    /** inverse Compton in the Thomson limit (no KN suppression), dT/dt [erg s⁻¹] */
    public double inverseComptonThomson(double t) {
        double g = gamma(t);
        double b = beta(g);
        return -4.0 / 3.0 * Constants.SIGMA_T * Constants.C * b * b * g * g * field.radiationEnergyDensity();
    }

    /** bremsstrahlung on ionised hydrogen (digest (e)) plus neutral H and He (radiation lengths) [erg s⁻¹] */
    public static double bremsstrahlung(double t, Gas gas) {
        double g = gamma(t);
        double b = beta(g);
        double e = g * mec2();
        double log = Math.max(0, Math.log(2 * g) - 1.0 / 3.0);
        double ionised = 3 / (2 * Math.PI) * Constants.ALPHA_FS * Constants.SIGMA_T * Constants.C
                * gas.electronDensity() * 2 * log * b * b * e;
        double neutral = e * Constants.C * b * (gas.neutralDensity() * Constants.M_P / X0_HYDROGEN
                + gas.heliumDensity() * 4 * Constants.M_U / X0_HELIUM);
        return -(ionised + neutral);
    }

    /** ionisation of neutral hydrogen (digest (f)) [erg s⁻¹] */
    public static double ionisation(double t, Gas gas) {
        double g = gamma(t);
        double b = beta(g);
        double a = Constants.ALPHA_FS;
        double log = Math.log(2 * g * g * g / (a * a * a * a));
        return -0.75 * mec2() * Constants.SIGMA_T * gas.neutralDensity() * log * b * Constants.C;
    }

    /** Coulomb losses on free electrons (digest (g)) [erg s⁻¹]; 0 without free electrons */
    public static double coulomb(double t, Gas gas) {
        double ne = gas.electronDensity();
        if (ne == 0) {
            return 0;
        }
        double g = gamma(t);
        double b = beta(g);
        double omegaPl = Math.sqrt(4 * Math.PI * Constants.Q_E * Constants.Q_E * ne / Constants.M_E);
        double bracket = Math.log(mec2() * b * Math.sqrt(g - 1) / (HBAR * omegaPl)) + Math.log(2) * (b * b / 2 + 1 / g)
                + 0.5 + (g - 1) * (g - 1) / (16 * g * g);
        return -0.75 * mec2() * Constants.SIGMA_T * ne * Math.max(0, bracket) / b * Constants.C;
    }

    /** the sum of every term, radiative ones weighted by {@link #radiativeWeight} [erg s⁻¹] */
    public double total(double t, Gas gas) {
        return radiativeWeight * (synchrotron(t) + inverseCompton(t)) + bremsstrahlung(t, gas) + ionisation(t, gas)
                + coulomb(t, gas);
    }
}
