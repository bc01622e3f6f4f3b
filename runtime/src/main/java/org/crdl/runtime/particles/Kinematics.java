package org.crdl.runtime.particles;

import org.crdl.runtime.units.Constants;

/**
 * Conversions between rigidity, momentum and kinetic energy per nucleon for a species.
 * Rigidity in statvolt, energies in erg, momenta in g cm s^-1 (cgs throughout).
 */
public final class Kinematics {
    private Kinematics() {
    }

    /** momentum p = |Z| e R / c */
    public static double momentumFromRigidity(Species s, double rigidityStatV) {
        return Math.abs(s.charge()) * Constants.Q_E * rigidityStatV / Constants.C;
    }

    /** rigidity R = p c / (|Z| e) */
    public static double rigidityFromMomentum(Species s, double momentum) {
        return momentum * Constants.C / (Math.abs(s.charge()) * Constants.Q_E);
    }

    /** total kinetic energy T from momentum: T = sqrt(p²c² + m²c⁴) − mc² (cancellation-free form) */
    public static double kineticEnergyFromMomentum(Species s, double momentum) {
        double mc2 = s.mass() * Constants.C * Constants.C;
        double pc = momentum * Constants.C;
        return pc * pc / (Math.sqrt(pc * pc + mc2 * mc2) + mc2);
    }

    /** momentum from total kinetic energy: p c = sqrt(T (T + 2 mc²)) */
    public static double momentumFromKineticEnergy(Species s, double kinetic) {
        double mc2 = s.mass() * Constants.C * Constants.C;
        return Math.sqrt(kinetic * (kinetic + 2 * mc2)) / Constants.C;
    }

    private static int nucleons(Species s) {
        return Math.max(1, s.massNumber());
    }

    /** rigidity [statV] of a species with kinetic energy per nucleon E [erg] */
    public static double rigidityFromEkPerNucleon(Species s, double ekPerNucleon) {
        return rigidityFromMomentum(s, momentumFromKineticEnergy(s, ekPerNucleon * nucleons(s)));
    }

    /** kinetic energy per nucleon [erg] of a species at rigidity R [statV] */
    public static double ekPerNucleonFromRigidity(Species s, double rigidityStatV) {
        return kineticEnergyFromMomentum(s, momentumFromRigidity(s, rigidityStatV)) / nucleons(s);
    }

    /** β = v/c = √(1 − 1/γ²) at Lorentz factor γ (0 for γ ≤ 1) */
    public static double betaFromLorentzFactor(double gamma) {
        return Math.sqrt(Math.max(0, 1 - 1 / (gamma * gamma)));
    }

    /** β = v/c at rigidity R [statV] */
    public static double betaFromRigidity(Species s, double rigidityStatV) {
        double x = momentumFromRigidity(s, rigidityStatV) / (s.mass() * Constants.C);
        return x / Math.sqrt(1 + x * x);
    }

    /**
     * Jacobian dR/dE_n [statV per erg] that turns a spectrum per rigidity into one per kinetic
     * energy per nucleon: dN/dE_n = dN/dR · dR/dE_n. From dE/dp = v and R = pc/(|Z|e):
     * dR/dE_n = A / (|Z| e β).
     */
    public static double dRigidityDEkPerNucleon(Species s, double rigidityStatV) {
        double beta = betaFromRigidity(s, rigidityStatV);
        return nucleons(s) / (Math.abs(s.charge()) * Constants.Q_E * beta);
    }
}
