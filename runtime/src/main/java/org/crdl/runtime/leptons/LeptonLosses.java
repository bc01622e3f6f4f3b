package org.crdl.runtime.leptons;

import org.crdl.runtime.network.Gas;
import org.crdl.runtime.particles.Kinematics;
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
 * a {@link HaloWeight}: 1 where the fields fill the volume the gas fills (leaky box); in a flat halo the fields
 * fill the whole halo and the disk equation carries the halo-integrated losses, weight ∫₀^H ψ dz / h
 * ({@link HaloWeight#flatHalo}).
 *
 * @param field  B and the radiation field
 * @param weight factor on the synchrotron and IC terms (see above)
 */
public record LeptonLosses(RadiationField field, HaloWeight weight) {

    /** The weight of the radiative losses at kinetic energy T given their loss time T/|Ė_rad|. */
    @FunctionalInterface
    public interface HaloWeight {
        double at(double kineticErg, double radiativeLossTimeS);

        /** the same weight at every energy (1: fields and gas fill the same volume, as in a leaky box) */
        static HaloWeight constant(double w) {
            if (!(w >= 0) || !Double.isFinite(w)) {
                throw new ModelException("lepton losses: the radiative weight must be finite and ≥ 0, got " + ModelException.show(w));
            }
            return (t, tl) -> w;
        }

        /**
         * A flat halo of half-height H around a gas disk of half-thickness h, with the diffusion coefficient D(T):
         * the leptons' vertical profile with losses at rate 1/t_loss treated as a removal, ψ(z) = sinh(b(H − z))/sinh(bH),
         * b = 1/√(D t_loss), so the weight is ∫₀^H ψ dz/h = tanh(bH/2)/(b h): H/2h (the loss-free ψ = 1 − z/H) while
         * the cooling length √(D t_loss) exceeds H, the cooling length over h when it is shorter (the leptons see only
         * the fields within a cooling length of the disk). An approximation: continuous losses are not a removal.
         */
        static HaloWeight flatHalo(double haloHalfHeight, double diskHalfThickness, java.util.function.DoubleUnaryOperator diffusion) {
            return (t, tl) -> {
                if (!(tl > 0) || Double.isInfinite(tl)) {
                    return haloHalfHeight / (2 * diskHalfThickness);
                }
                double b = 1 / Math.sqrt(diffusion.applyAsDouble(t) * tl);
                double x = b * haloHalfHeight;
                return x < 1e-6 ? haloHalfHeight / (2 * diskHalfThickness) : Math.tanh(x / 2) / (b * diskHalfThickness);
            };
        }
    }

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
        if (weight == null) {
            throw new ModelException("lepton losses need a halo weight");
        }
    }

    private static double mec2() {
        return Constants.M_E * Constants.C * Constants.C;
    }

    private static double gamma(double t) {
        return 1 + t / mec2();
    }

    private static double beta(double g) {
        return Kinematics.betaFromLorentzFactor(g);
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

    /** the sum of every term, radiative ones weighted by {@link #weight} [erg s⁻¹] */
    public double total(double t, Gas gas) {
        double rad = synchrotron(t) + inverseCompton(t);
        double w = rad == 0 ? 0 : weight.at(t, t / Math.abs(rad));
        return w * rad + bremsstrahlung(t, gas) + ionisation(t, gas) + coulomb(t, gas);
    }
}
