package org.crdl.run;

import java.util.List;
import org.crdl.runtime.particles.Species;
import org.crdl.runtime.plasma.ModelException;
import org.crdl.runtime.transport.ForceField;

/**
 * Local interstellar spectra of every transported species on its own grid of kinetic energy per
 * nucleon, with the derived quantities observables need: element sums, ratios at equal E_kin/n
 * and force-field modulated (top-of-atmosphere) spectra, all on one common grid.
 */
public interface Spectra {

    List<String> species();

    /** kinetic energy per nucleon of the points of {@link #lis} [GeV/n], increasing */
    double[] ek(String species);

    /** local interstellar intensity [m^-2 s^-1 sr^-1 (GeV/n)^-1] */
    double[] lis(String species);

    /** The common grid curves are reported on: the first species' grid. */
    default double[] grid() {
        return ek(species().get(0));
    }

    /** Σ of the isotopes' LIS (or TOA, for φ &gt; 0) intensities on the common grid. */
    default double[] sum(List<String> isotopes, double phiGV) {
        double[] g = grid();
        double[] out = new double[g.length];
        for (String s : isotopes) {
            double[] e = ek(s);
            double[] j = lis(s);
            if (phiGV > 0) {
                Species sp = Species.byName(s).orElseThrow();
                j = ForceField.modulate(sp, phiGV, e, j);
            }
            for (int k = 0; k < g.length; k++) {
                out[k] += interpolate(e, j, g[k]);
            }
        }
        return out;
    }

    /** Ratio of two isotope sums at equal E_kin/n on the common grid; 0/0 is an error, not NaN. */
    default double[] ratio(List<String> numerator, List<String> denominator, double phiGV) {
        double[] n = sum(numerator, phiGV);
        double[] d = sum(denominator, phiGV);
        double[] out = new double[n.length];
        for (int k = 0; k < out.length; k++) {
            if (!(d[k] > 0)) {
                throw new ModelException("the ratio " + numerator + "/" + denominator + " is undefined at "
                        + grid()[k] + " GeV/n: the denominator's flux is " + d[k]);
            }
            out[k] = n[k] / d[k];
        }
        return out;
    }

    /** Log-log interpolation; 0 outside the tabulated range (a species may not reach every energy). */
    static double interpolate(double[] x, double[] y, double at) {
        if (at < x[0] * (1 - 1e-12) || at > x[x.length - 1] * (1 + 1e-12)) {
            return 0;
        }
        int i = java.util.Arrays.binarySearch(x, at);
        if (i >= 0) {
            return y[i];
        }
        int hi = Math.min(-i - 1, x.length - 1);
        int lo = Math.max(hi - 1, 0);
        if (hi == lo || y[lo] <= 0 || y[hi] <= 0) {
            return y[lo] + (y[hi] - y[lo]) * (at - x[lo]) / (x[hi] - x[lo]);
        }
        double t = Math.log(at / x[lo]) / Math.log(x[hi] / x[lo]);
        return Math.exp(Math.log(y[lo]) + t * (Math.log(y[hi]) - Math.log(y[lo])));
    }
}
