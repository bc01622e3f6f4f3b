package org.crdl.runtime.turbulence;

import org.crdl.runtime.numerics.GaussLegendre;

/**
 * The x-integral of the fast-mode transit-time-damping kernel (fornieri2021 (A22),
 * kempski2022 (A2)): at fixed (R, μ, ξ) the resonance factor E^T does not depend on x, so
 * <pre>
 *   ∫_1^X dx x^{-5/2} J_1²(a x) = a^{3/2} [F(aX) − F(a)],   F(y) = ∫_0^y t^{-5/2} J_1²(t) dt,
 *   a = R (1 − ξ²)^{1/2} (1 − μ²)^{1/2}.
 * </pre>
 * F is tabulated once (per JVM) by 8-point Gauss–Legendre on every table interval and
 * interpolated with cubic Hermite polynomials using the exact derivative F' = y^{-5/2}J_1²(y):
 * a log-spaced part (step 0.05 in ln y) for 1e-4 ≤ y ≤ 1 and a linear part (step 0.05 in y,
 * 16 steps per Bessel period) for 1 ≤ y ≤ 2000. Outside: the series
 * F = y^{1/2}/2 − y^{5/2}/40 + 5y^{9/2}/3456 below, the asymptotic tail
 * F(∞) − F(y) = (2/(5π)) y^{-5/2} above (oscillating remainder O(y^{-7/2}) &lt; 1e-12).
 * F(∞) = Γ(5/2)Γ(1/4)/(2^{5/2}Γ(7/4)²Γ(11/4)) = 0.627... (Weber–Schafheitlin) is a test value.
 */
final class TransitTimeKernel {
    static final double Y_LOW = 1e-4;
    static final double Y_MID = 1.0;
    static final double Y_HIGH = 2000.0;
    private static final double LOG_STEP;
    private static final double LIN_STEP;

    private static final int N_LOG;
    private static final int N_LIN;
    private static final double[] LOG_F;
    private static final double[] LOG_D; // dF/d ln y
    private static final double[] LIN_F;
    private static final double[] LIN_D; // dF/dy
    static final double F_INFINITY;

    static {
        N_LOG = (int) Math.round(Math.log(Y_MID / Y_LOW) / 0.05) + 1;
        N_LIN = (int) Math.round((Y_HIGH - Y_MID) / 0.05) + 1;
        // steps chosen so that both parts end exactly on Y_MID and Y_HIGH
        LOG_STEP = Math.log(Y_MID / Y_LOW) / (N_LOG - 1);
        LIN_STEP = (Y_HIGH - Y_MID) / (N_LIN - 1);
        LOG_F = new double[N_LOG];
        LOG_D = new double[N_LOG];
        LIN_F = new double[N_LIN];
        LIN_D = new double[N_LIN];
        GaussLegendre gl = GaussLegendre.of(8);
        double[] b = new double[2];
        double f = series(Y_LOW);
        double lnLow = Math.log(Y_LOW);
        for (int i = 0; i < N_LOG; i++) {
            double y = Math.exp(lnLow + i * LOG_STEP);
            if (i > 0) {
                double t0 = lnLow + (i - 1) * LOG_STEP;
                double h = 0.5 * LOG_STEP;
                double sum = 0;
                for (int j = 0; j < gl.size(); j++) {
                    double t = t0 + h * (1 + gl.nodes[j]);
                    double yy = Math.exp(t);
                    Bessel.j01(yy, b);
                    sum += gl.weights[j] * Math.pow(yy, -1.5) * b[1] * b[1];
                }
                f += h * sum;
            }
            Bessel.j01(y, b);
            LOG_F[i] = f;
            LOG_D[i] = Math.pow(y, -1.5) * b[1] * b[1];
        }
        for (int i = 0; i < N_LIN; i++) {
            double y = Y_MID + i * LIN_STEP;
            if (i > 0) {
                double y0 = Y_MID + (i - 1) * LIN_STEP;
                double h = 0.5 * LIN_STEP;
                double sum = 0;
                for (int j = 0; j < gl.size(); j++) {
                    double yy = y0 + h * (1 + gl.nodes[j]);
                    Bessel.j01(yy, b);
                    sum += gl.weights[j] * Math.pow(yy, -2.5) * b[1] * b[1];
                }
                f += h * sum;
            }
            Bessel.j01(y, b);
            LIN_F[i] = f;
            LIN_D[i] = Math.pow(y, -2.5) * b[1] * b[1];
        }
        F_INFINITY = f + tail(Y_HIGH);
    }

    private TransitTimeKernel() {
    }

    private static double series(double y) {
        double y2 = y * y;
        return Math.sqrt(y) * (0.5 - y2 / 40.0 + 5.0 * y2 * y2 / 3456.0);
    }

    private static double tail(double y) {
        return 2.0 / (5.0 * Math.PI) * Math.pow(y, -2.5);
    }

    /** F(y) = ∫_0^y t^{-5/2} J_1²(t) dt for y ≥ 0 (F(∞) for y = +∞). */
    static double f(double y) {
        if (!(y > 0)) {
            return 0.0;
        }
        if (y < Y_LOW) {
            return series(y);
        }
        if (y >= Y_HIGH) {
            return Double.isInfinite(y) ? F_INFINITY : F_INFINITY - tail(y);
        }
        if (y < Y_MID) {
            double u = (Math.log(y) - Math.log(Y_LOW)) / LOG_STEP;
            int i = Math.min((int) u, N_LOG - 2);
            return hermite(u - i, LOG_F[i], LOG_F[i + 1], LOG_D[i] * LOG_STEP, LOG_D[i + 1] * LOG_STEP);
        }
        double u = (y - Y_MID) / LIN_STEP;
        int i = Math.min((int) u, N_LIN - 2);
        return hermite(u - i, LIN_F[i], LIN_F[i + 1], LIN_D[i] * LIN_STEP, LIN_D[i + 1] * LIN_STEP);
    }

    private static double hermite(double t, double f0, double f1, double d0, double d1) {
        double t2 = t * t;
        double t3 = t2 * t;
        return (2 * t3 - 3 * t2 + 1) * f0 + (t3 - 2 * t2 + t) * d0 + (-2 * t3 + 3 * t2) * f1 + (t3 - t2) * d1;
    }

    /**
     * ∫_1^X dx x^{-5/2} J_1²(a x) for a ≥ 0 and X ≥ 1 (X may be +∞); 0 when X ≤ 1 or a = 0.
     * Small a uses the series form a²(√X − 1)/2 leading term via F itself (no cancellation
     * problem: F(aX) ≫ F(a) unless X ≈ 1, where the difference is small anyway).
     */
    static double integral(double a, double xMax) {
        if (!(xMax > 1) || !(a > 0)) {
            return 0.0;
        }
        double hi = Double.isInfinite(xMax) ? F_INFINITY : f(a * xMax);
        double diff = hi - f(a);
        return diff > 0 ? Math.pow(a, 1.5) * diff : 0.0;
    }
}
