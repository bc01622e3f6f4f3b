package org.crdl.runtime.turbulence;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.crdl.runtime.plasma.ModelException;
import org.crdl.runtime.units.Constants;

/**
 * Where the cosmic rays scatter: the turbulence, the plasma and the convention choices. cgs units.
 *
 * @param name           label used in messages and reports
 * @param injectionScale L, the outer scale of the turbulence [cm]
 * @param machAlfven     M_A ≈ (δB/B_0)_L = δV/v_A at L (fornieri2021 L94, L158)
 * @param plasmaBeta     β = P_gas/P_B (informational; the damping laws carry their own β)
 * @param alfvenSpeed    v_A [cm/s] (TTD resonance μ = v_A/(ξv), fornieri2021 L493)
 * @param field          B_0 [G] (gyroradius r_g = R/B, dimensionless rigidity R/(B L))
 * @param modes          mode families present
 * @param damping        fast-mode damping laws (empty: the cascade is never truncated)
 * @param cascade        fast-mode cascade rate the damping is compared with
 * @param alfvenKPerpMax upper k_⊥ of the (undamped) Alfvén cascade [cm^-1], fornieri2021 (A16)
 * @param regionSize     size used by the diffusive-regime criterion [cm]; NaN when not given
 * @param conventions    paper/code convention choices
 */
public record TurbulenceEnvironment(String name, double injectionScale, double machAlfven, double plasmaBeta,
                                    double alfvenSpeed, double field, Set<ModeFamily> modes,
                                    List<FastModeDamping> damping, FastModeCascade cascade, double alfvenKPerpMax,
                                    double regionSize, Conventions conventions) {

    public TurbulenceEnvironment {
        String where = "turbulence environment " + name;
        if (name == null || modes == null || damping == null || cascade == null || conventions == null) {
            throw new ModelException(where + ": name, modes, damping, cascade and conventions must be given");
        }
        requirePositive(where, "injection scale L [cm]", injectionScale);
        requirePositive(where, "Alfvenic Mach number M_A", machAlfven);
        requirePositive(where, "Alfven speed v_A [cm/s]", alfvenSpeed);
        requirePositive(where, "magnetic field B [G]", field);
        requirePositive(where, "Alfven cutoff k_perp,max [1/cm]", alfvenKPerpMax);
        if (!(plasmaBeta > 0) && !Double.isNaN(plasmaBeta)) {
            throw new ModelException(where + ": plasma beta must be positive, got " + plasmaBeta);
        }
        if (modes.isEmpty()) {
            throw new ModelException(where + ": no mode family present (give ALFVEN and/or FAST)");
        }
        if (conventions.diffusiveCriterion() != Conventions.DiffusiveCriterion.NONE && !(regionSize > 0)) {
            throw new ModelException(where + ": the diffusive criterion " + conventions.diffusiveCriterion()
                    + " needs a positive region size, got " + regionSize + " cm");
        }
        if (alfvenKPerpMax * injectionScale <= 1.0) {
            throw new ModelException(where + ": k_perp,max L = " + alfvenKPerpMax * injectionScale
                    + " <= 1 leaves no Alfven cascade");
        }
        modes = Set.copyOf(EnumSet.copyOf(modes));
        damping = List.copyOf(damping);
    }

    private static void requirePositive(String where, String what, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new ModelException(where + ": " + what + " must be positive and finite, got " + v);
        }
    }

    /** x_⊥,max = k_⊥,max L of (A16) */
    public double alfvenXPerpMax() {
        return alfvenKPerpMax * injectionScale;
    }

    /**
     * fornieri2021 (A16), L457: k_⊥,max = 10² / r_L(10^-2 GV, B), two orders of magnitude above
     * the inverse gyroradius of the least energetic particle. CODATA: r_L = R/B; CODE-2020:
     * r_L = 3.37e12 cm (p/GeV)(1 μG/B).
     */
    public static double alfvenCutoff(double fieldGauss, Conventions.ConstantSet constants) {
        double rL = constants == Conventions.ConstantSet.CODE2020
                ? 3.37e12 * 1e-2 * (1e-6 / fieldGauss)
                : 1e-2 * Constants.GV / fieldGauss;
        return 100.0 / rL;
    }

    /** m_p/m_e for the collisionless rate: CODATA or the CODE-2020 0.939/0.000510998918. */
    public static double massRatio(Conventions.ConstantSet constants) {
        return constants == Conventions.ConstantSet.CODE2020 ? 0.939 / 0.000510998918 : Constants.M_P / Constants.M_E;
    }

    public TurbulenceEnvironment withConventions(Conventions c) {
        return new TurbulenceEnvironment(name, injectionScale, machAlfven, plasmaBeta, alfvenSpeed, field, modes,
                damping, cascade, alfvenKPerpMax, regionSize, c);
    }

    public TurbulenceEnvironment withModes(Set<ModeFamily> m) {
        return new TurbulenceEnvironment(name, injectionScale, machAlfven, plasmaBeta, alfvenSpeed, field, m, damping,
                cascade, alfvenKPerpMax, regionSize, conventions);
    }

    public TurbulenceEnvironment withDamping(List<FastModeDamping> d) {
        return new TurbulenceEnvironment(name, injectionScale, machAlfven, plasmaBeta, alfvenSpeed, field, modes, d,
                cascade, alfvenKPerpMax, regionSize, conventions);
    }

    public TurbulenceEnvironment withName(String n) {
        return new TurbulenceEnvironment(n, injectionScale, machAlfven, plasmaBeta, alfvenSpeed, field, modes, damping,
                cascade, alfvenKPerpMax, regionSize, conventions);
    }
}
