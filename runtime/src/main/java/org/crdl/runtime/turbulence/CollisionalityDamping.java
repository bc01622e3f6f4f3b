package org.crdl.runtime.turbulence;

/**
 * Switches between a collisional and a collisionless damping law at k_∥ = k cos θ = k_switch,
 * kempski2022 L606: the viscous rate applies on scales larger than l_mfp v_A/v_th
 * (k_∥ l_mfp v_A/v_th &lt; 1), the collisionless rate on smaller scales.
 */
public final class CollisionalityDamping implements FastModeDamping {
    private final FastModeDamping collisional;
    private final FastModeDamping collisionless;
    private final double kSwitch;

    /** @param kSwitch k_∥ at the switch [cm^-1], = v_th/(l_mfp v_A) */
    public CollisionalityDamping(FastModeDamping collisional, FastModeDamping collisionless, double kSwitch) {
        this.collisional = collisional;
        this.collisionless = collisionless;
        this.kSwitch = kSwitch;
    }

    /** kempski2022 App. A: Braginskii viscosity / full Yan–Lazarian collisionless rate, switch at l_mfp v_A/v_th. */
    public static CollisionalityDamping kempski(double n, double temperature, double beta, double alfvenSpeed) {
        double lmfp = KempskiPlasma.meanFreePath(n, temperature);
        double vth = KempskiPlasma.thermalSpeed(temperature);
        ViscousDamping.Branch branch = beta < 1 ? ViscousDamping.Branch.LOW_BETA : ViscousDamping.Branch.HIGH_BETA;
        return new CollisionalityDamping(ViscousDamping.kempski(n, temperature, branch),
                new CollisionlessDamping(beta, alfvenSpeed), vth / (lmfp * alfvenSpeed));
    }

    @Override
    public double rate(double k, double cosTheta) {
        return (k * Math.abs(cosTheta) < kSwitch ? collisional : collisionless).rate(k, cosTheta);
    }

    @Override
    public String label() {
        return "collisional|collisionless(" + collisional.label() + ", " + collisionless.label() + ")";
    }
}
