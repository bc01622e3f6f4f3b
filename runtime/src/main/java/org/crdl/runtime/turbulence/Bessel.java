package org.crdl.runtime.turbulence;

/**
 * Bessel functions of the first kind J_0, J_1 and the derivative J_1' for real arguments,
 * fast enough for the innermost loops of the pitch-angle integrals.
 *
 * <pre>
 *   |z| &lt; 14 : power series  J_0 = Σ (-w)^k/(k!)^2,  J_1 = (z/2) Σ (-w)^k/(k!(k+1)!),  w = z²/4
 *   |z| ≥ 14 : Hankel asymptotic expansion  J_n = sqrt(2/(πz)) [P_n cos χ_n − Q_n sin χ_n],
 *              χ_n = z − (2n+1)π/4, summed until the terms stop decreasing (Abramowitz &amp; Stegun 9.2.5–9.2.10)
 *   J_1'(z) = J_0(z) − J_1(z)/z  (A&amp;S 9.1.27), → 1/2 as z → 0; J_1' = (J_0 − J_2)/2 (fornieri2021 L536)
 * </pre>
 * Absolute accuracy is about 1e-12 (series cancellation near z = 14; asymptotic remainder
 * e^{-2z}); the tests compare against Commons Math {@code BesselJ}.
 */
public final class Bessel {
    private static final int SERIES_TERMS = 40;
    private static final double SERIES_LIMIT = 14.0;
    /** series coefficients 1/(k!)^2 and 1/(k!(k+1)!) */
    private static final double[] C0 = new double[SERIES_TERMS];
    private static final double[] C1 = new double[SERIES_TERMS];

    static {
        double f = 1.0;
        for (int k = 0; k < SERIES_TERMS; k++) {
            if (k > 0) {
                f /= k;
            }
            C0[k] = f * f;
            C1[k] = f * f / (k + 1);
        }
    }

    private Bessel() {
    }

    /** J_0(z) */
    public static double j0(double z) {
        double[] out = new double[2];
        j01(z, out);
        return out[0];
    }

    /** J_1(z) */
    public static double j1(double z) {
        double[] out = new double[2];
        j01(z, out);
        return out[1];
    }

    /** J_1'(z) = J_0(z) − J_1(z)/z */
    public static double j1Prime(double z) {
        double[] out = new double[2];
        j01(z, out);
        return j1PrimeFrom(z, out[0], out[1]);
    }

    /** J_1'(z) from already computed J_0(z), J_1(z); the small-z limit is handled by the series. */
    static double j1PrimeFrom(double z, double j0, double j1) {
        double az = Math.abs(z);
        if (az < 1e-4) {
            return 0.5 - 3.0 * z * z / 16.0;
        }
        return j0 - j1 / z;
    }

    /** Writes J_0(z) into out[0] and J_1(z) into out[1] (one sin/cos pair for both). */
    public static void j01(double z, double[] out) {
        double az = Math.abs(z);
        double sign = z < 0 ? -1.0 : 1.0;
        if (az < SERIES_LIMIT) {
            double w = -0.25 * az * az;
            double s0 = 0.0;
            double s1 = 0.0;
            int n = az < 2 ? 16 : az < 6 ? 26 : SERIES_TERMS;
            for (int k = n - 1; k >= 0; k--) {
                s0 = s0 * w + C0[k];
                s1 = s1 * w + C1[k];
            }
            out[0] = s0;
            out[1] = sign * 0.5 * az * s1;
            return;
        }
        if (Double.isInfinite(az)) {
            out[0] = 0.0;
            out[1] = 0.0;
            return;
        }
        // Hankel expansion for n = 0 and n = 1 (mu = 4n^2)
        double p0 = 0, q0 = 0, p1 = 0, q1 = 0;
        double t0 = 1.0;
        double t1 = 1.0;
        double inv8z = 1.0 / (8.0 * az);
        double prev0 = Double.MAX_VALUE;
        double prev1 = Double.MAX_VALUE;
        boolean go0 = true;
        boolean go1 = true;
        for (int k = 0; k < 60 && (go0 || go1); k++) {
            // term_k = a_k(n) / z^k with a_k = prod_{j=1..k} (mu - (2j-1)^2) / (k! 8^k)
            if (k > 0) {
                double odd = (2 * k - 1) * (2 * k - 1);
                t0 *= (0.0 - odd) * inv8z / k;
                t1 *= (4.0 - odd) * inv8z / k;
            }
            if (go0) {
                double a = Math.abs(t0);
                if (a > prev0 || a < 1e-17) {
                    go0 = false;
                } else {
                    if ((k & 1) == 0) {
                        p0 += ((k / 2) % 2 == 0 ? 1 : -1) * t0;
                    } else {
                        q0 += (((k - 1) / 2) % 2 == 0 ? 1 : -1) * t0;
                    }
                    prev0 = a;
                }
            }
            if (go1) {
                double a = Math.abs(t1);
                if (a > prev1 || (a < 1e-17 && k > 0)) {
                    go1 = false;
                } else {
                    if ((k & 1) == 0) {
                        p1 += ((k / 2) % 2 == 0 ? 1 : -1) * t1;
                    } else {
                        q1 += (((k - 1) / 2) % 2 == 0 ? 1 : -1) * t1;
                    }
                    prev1 = a;
                }
            }
        }
        double chi0 = az - 0.25 * Math.PI;
        double c = Math.cos(chi0);
        double s = Math.sin(chi0);
        double amp = Math.sqrt(2.0 / (Math.PI * az));
        // chi1 = chi0 - pi/2: cos chi1 = sin chi0, sin chi1 = -cos chi0
        out[0] = amp * (p0 * c - q0 * s);
        out[1] = sign * amp * (p1 * s + q1 * c);
    }
}
