package org.crdl.runtime.transport;

import org.crdl.runtime.particles.Kinematics;
import org.crdl.runtime.particles.Species;
import org.crdl.runtime.plasma.ModelException;
import org.crdl.runtime.units.Constants;

/**
 * A spatial diffusion coefficient supplied by the caller: D_xx (flat halo, leaky box) or κ along
 * z (layers) [cm² s⁻¹] of a species at rigidity R [GV]. Generated code and the waves package
 * plug their D_xx = v²/(9ν̄) in here; the factories cover the phenomenological laws of the papers.
 */
@FunctionalInterface
public interface Diffusion {

    /** D [cm² s⁻¹] of {@code species} at rigidity {@code rigidityGV} [GV] */
    double coefficient(Species species, double rigidityGV);

    /** D = β D₀ (R / 1 GV)^δ (GALPROP/DRAGON form; hopkins2021 digest §5) */
    static Diffusion betaPowerLaw(double d0, double delta) {
        return (s, r) -> Kinematics.betaFromRigidity(s, r * Constants.GV) * d0 * Math.pow(r, delta);
    }

    /**
     * D = v²/(9ν̄) with ν̄ = ν̄₀ β (R / 1 GV)^−δ (hopkins2021 §5, L933–946), i.e.
     * D = β c² R^δ / (9 ν̄₀); ν̄₀ = 10⁻⁹ s⁻¹ gives D₀ ≈ 1.0×10²⁹ cm² s⁻¹.
     */
    static Diffusion fromScatteringRate(double nu0, double delta) {
        return (s, r) -> {
            double beta = Kinematics.betaFromRigidity(s, r * Constants.GV);
            double v = beta * Constants.C;
            double nu = nu0 * beta * Math.pow(r, -delta);
            return v * v / (9 * nu);
        };
    }

    /** a coefficient independent of species and rigidity */
    static Diffusion constant(double d) {
        return (s, r) -> d;
    }

    /** D = D₀ (R / 1 GV)^δ, no velocity factor (e.g. κ_turb(R) of kempski2022 Fig. 3 as a power law) */
    static Diffusion powerLaw(double d0, double delta) {
        return (s, r) -> d0 * Math.pow(r, delta);
    }

    /**
     * κ_i(R) = (v_i(R)/v_p(R)) κ_p(R): a law written for protons applied to another species at the
     * same rigidity (kempski2022 footnote 3, L299).
     */
    static Diffusion velocityScaled(Diffusion protonLaw) {
        Species p = Species.proton();
        return (s, r) -> {
            double ratio = Kinematics.betaFromRigidity(s, r * Constants.GV) / Kinematics.betaFromRigidity(p, r * Constants.GV);
            return ratio * protonLaw.coefficient(p, r);
        };
    }

    /** this law multiplied by a constant factor */
    default Diffusion times(double factor) {
        return (s, r) -> factor * coefficient(s, r);
    }

    /** the coefficient, or a {@link ModelException} naming species and rigidity if it is not positive and finite */
    default double checked(Species species, double rigidityGV, String where) {
        double d = coefficient(species, rigidityGV);
        if (!(d > 0) || Double.isInfinite(d)) {
            throw new ModelException(where + ": diffusion coefficient of " + species.name() + " at R = " + rigidityGV
                    + " GV is " + d + " cm^2/s; it must be positive and finite");
        }
        return d;
    }
}
