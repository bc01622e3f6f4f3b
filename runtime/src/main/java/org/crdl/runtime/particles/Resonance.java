package org.crdl.runtime.particles;

import org.crdl.runtime.units.Constants;

/**
 * The gyroresonance context of one species at one rigidity in a field B: the particle
 * kinematics and the resonant parallel wavenumber k_par = 1/r_g (DESIGN §7; gyroresonance
 * with μ ≈ 1). All values are cgs; rigidity is stored in statvolt (1 GV = 1e9/299.79 statV).
 *
 * <pre>
 *   p     = Z e R / c                      [g cm s^-1]
 *   gamma = sqrt(1 + (p / m c)^2),  beta = (p / m c) / gamma,  v = beta c
 *   E_kin = (gamma - 1) m c^2               [erg]
 *   r_g   = R / B                           [cm]   (3.336e12 cm at 1 GV, 1 uG)
 *   Omega = v / r_g                         [s^-1] (relativistic gyrofrequency)
 *   k_par = 1 / r_g                         [cm^-1]
 * </pre>
 */
public final class Resonance {
    private final Species species;
    private final double rigidity;
    private final double field;
    private final double momentum;
    private final double gamma;
    private final double beta;

    private Resonance(Species species, double rigidityStatV, double fieldGauss) {
        if (!(rigidityStatV > 0) || !Double.isFinite(rigidityStatV)) {
            throw new IllegalArgumentException("rigidity must be positive and finite, got " + rigidityStatV + " statV");
        }
        this.species = species;
        this.rigidity = rigidityStatV;
        this.field = fieldGauss;
        this.momentum = Math.abs(species.charge()) * Constants.Q_E * rigidityStatV / Constants.C;
        double x = momentum / (species.mass() * Constants.C);
        this.gamma = Math.sqrt(1.0 + x * x);
        this.beta = x / gamma;
    }

    /** Resonance of {@code species} at rigidity R [statV] in a field of magnitude B [G]. */
    public static Resonance of(Species species, double rigidityStatV, double fieldGauss) {
        return new Resonance(species, rigidityStatV, fieldGauss);
    }

    /** Convenience: rigidity given in GV. */
    public static Resonance atGV(Species species, double rigidityGV, double fieldGauss) {
        return new Resonance(species, rigidityGV * Constants.GV, fieldGauss);
    }

    public Species species() {
        return species;
    }

    /** rigidity R [statV] */
    public double rigidity() {
        return rigidity;
    }

    /** rigidity in GV */
    public double rigidityGV() {
        return rigidity / Constants.GV;
    }

    /** field magnitude the resonance refers to [G] */
    public double field() {
        return field;
    }

    /** momentum p [g cm s^-1] */
    public double momentum() {
        return momentum;
    }

    public double gamma() {
        return gamma;
    }

    public double beta() {
        return beta;
    }

    /** speed v [cm s^-1] */
    public double speed() {
        return beta * Constants.C;
    }

    /** kinetic energy [erg] */
    public double kineticEnergy() {
        double x = momentum / (species.mass() * Constants.C);
        // (gamma - 1) m c^2 written to avoid cancellation at low energy
        return species.mass() * Constants.C * Constants.C * x * x / (gamma + 1.0);
    }

    /** kinetic energy per nucleon [erg] (per particle for A = 0) */
    public double kineticEnergyPerNucleon() {
        return kineticEnergy() / Math.max(1, species.massNumber());
    }

    /** gyroradius r_g = R/B [cm] */
    public double gyroradius() {
        return rigidity / requireField();
    }

    /** relativistic gyrofrequency Ω = v/r_g [s^-1] */
    public double gyrofrequency() {
        return speed() / gyroradius();
    }

    /** resonant parallel wavenumber k_par = 1/r_g [cm^-1] */
    public double kPar() {
        return requireField() / rigidity;
    }

    private double requireField() {
        if (!(field > 0) || Double.isInfinite(field)) {
            throw new org.crdl.runtime.plasma.ModelException(Double.isNaN(field)
                    ? "the gyroresonance needs the magnetic field B, which the phase does not define"
                    : "B = " + field + " G: there is no gyroresonance without a positive, finite field (r_g = R/B)");
        }
        return field;
    }

    @Override
    public String toString() {
        return String.format("%s at R = %.4g GV", species.name(), rigidityGV());
    }
}
