package org.crdl.runtime.transport;

import java.util.Arrays;
import org.crdl.runtime.particles.Species;
import org.crdl.runtime.plasma.ModelException;
import org.crdl.runtime.units.Constants;

/**
 * Solar modulation in the force-field approximation (Gleeson &amp; Axford 1968, ApJ 154, 1011),
 * written per nucleon:
 * <pre>
 *   Φ_n = (|Z|/A) e φ                     (φ the modulation potential [GV])
 *   J_TOA(E) = J_LIS(E + Φ_n) · E(E + 2m_n c²) / [(E + Φ_n)(E + Φ_n + 2m_n c²)]
 * </pre>
 * with E the kinetic energy per nucleon and m_n = m/A; the ratio of the two factors is
 * p²(E)/p²(E + Φ_n). φ = 0 is the identity; far above Φ_n the ratio tends to 1.
 *
 * <p>J_LIS between grid points is interpolated linearly in log–log; above the last grid point it
 * is extrapolated as a power law through the last two points (the shift Φ_n is a fraction of a GeV,
 * so this affects only the top of the grid).
 */
public final class ForceField {

    private ForceField() {
    }

    /** the energy shift per nucleon Φ_n = (|Z|/A) φ [GeV/n] for potential φ [GV] */
    public static double shiftGeVPerNucleon(Species s, double phiGV) {
        return Math.abs(s.charge()) / (double) Math.max(1, s.massNumber()) * phiGV;
    }

    /**
     * Top-of-atmosphere flux on the same grid: {@code ekGeVPerNucleon} increasing, {@code fluxLis}
     * ≥ 0 in any unit per (GeV/n); returns the same unit.
     */
    public static double[] modulate(Species s, double phiGV, double[] ekGeVPerNucleon, double[] fluxLis) {
        if (!(phiGV >= 0) || Double.isInfinite(phiGV)) {
            throw new ModelException("force-field modulation of " + s.name() + ": potential must be finite and ≥ 0, got "
                    + phiGV + " GV");
        }
        int n = ekGeVPerNucleon.length;
        if (n != fluxLis.length || n < 2) {
            throw new ModelException("force-field modulation of " + s.name() + ": need ≥ 2 energies and one flux per energy");
        }
        double mn = s.mass() * Constants.C * Constants.C / Math.max(1, s.massNumber()) / Constants.GEV;
        double shift = shiftGeVPerNucleon(s, phiGV);
        double[] out = new double[n];
        for (int k = 0; k < n; k++) {
            double e = ekGeVPerNucleon[k];
            double es = e + shift;
            double ratio = e * (e + 2 * mn) / (es * (es + 2 * mn));
            out[k] = interpolate(s, ekGeVPerNucleon, fluxLis, es) * ratio;
        }
        return out;
    }

    /** J_TOA/J_LIS at one energy for a given LIS function value pair (for checks): p²(E)/p²(E+Φ) */
    public static double momentumFactor(Species s, double phiGV, double ekGeVPerNucleon) {
        double mn = s.mass() * Constants.C * Constants.C / Math.max(1, s.massNumber()) / Constants.GEV;
        double e = ekGeVPerNucleon;
        double es = e + shiftGeVPerNucleon(s, phiGV);
        return e * (e + 2 * mn) / (es * (es + 2 * mn));
    }

    private static double interpolate(Species s, double[] x, double[] y, double at) {
        int n = x.length;
        int i;
        if (at >= x[n - 1]) {
            i = n - 2;
        } else {
            int k = Arrays.binarySearch(x, at);   // i: the interval whose upper node is the first x >= at
            i = Math.max(0, (k >= 0 ? k : -k - 1) - 1);
        }
        double x0 = x[i];
        double x1 = x[i + 1];
        double y0 = y[i];
        double y1 = y[i + 1];
        if (!(y0 >= 0) || !(y1 >= 0)) {
            throw new ModelException("force-field modulation of " + s.name() + ": LIS flux must be ≥ 0, got " + y0 + ", "
                    + y1 + " near " + at + " GeV/n");
        }
        if (y0 > 0 && y1 > 0) {
            double t = Math.log(at / x0) / Math.log(x1 / x0);
            return Math.exp(Math.log(y0) + t * Math.log(y1 / y0));
        }
        double t = (at - x0) / (x1 - x0);
        return Math.max(0, y0 + t * (y1 - y0));
    }
}
