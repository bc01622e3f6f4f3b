package org.crdl.runtime.turbulence;

import org.crdl.runtime.numerics.GaussLegendre;
import org.apache.commons.math3.special.Gamma;

/**
 * The inner (k_⊥) integral of the Alfvén-mode D_μμ (fornieri2021 (A14)/(A15)) in closed
 * tabulated form. With b = R (1−μ²)^{1/2}, c = x_∥/M_A^a and y = b x_⊥:
 * <pre>
 *   H(x_∥) = ∫_{x⊥min}^{x⊥max} dx_⊥ x_⊥^{-7/3} J_1²(b x_⊥)/(b x_⊥)² exp(−c x_⊥^{-2/3})
 *          = b^{4/3} [h(λ, b x⊥min) − h(λ, b x⊥max)],   λ = c b^{2/3},
 *   h(λ, y0) = ∫_{y0}^∞ y^{-7/3} K(y) e^{−λ y^{-2/3}} dy,  K = J_1²(y)/y² ({@link BesselMeans}).
 * </pre>
 * For y0 ≥ Z_switch the mean kernel gives h in closed form with incomplete gamma functions,
 * ∫_{y0}^∞ y^{-p} e^{−λy^{-2/3}} dy = (3/2) λ^{-a} γ(a, λ y0^{-2/3}), a = 3(p−1)/2. Below, ln h
 * is tabulated on a grid of step 0.1 in ln λ (e^{-60} … e^{8}) and 0.05 in ln y0 (1e-20 … Z_switch),
 * built by accumulating 8-point Gauss–Legendre integrals downward from the closed form, and read
 * with bicubic Lagrange interpolation (relative error ~1e-6; tested against direct quadrature).
 */
final class AlfvenKernelTable {
    private static final double LN_LAMBDA_MIN = -60.0;
    private static final double LN_LAMBDA_MAX = 8.0;
    private static final double D_LAMBDA = 0.1;
    private static final double LN_Y_MIN = Math.log(1e-20);
    private static final double LN_Y_MAX = Math.log(BesselMeans.Z_SWITCH);
    private static final double D_Y = 0.05;
    private static final int ROWS = (int) Math.round((LN_LAMBDA_MAX - LN_LAMBDA_MIN) / D_LAMBDA) + 1;
    private static final int COLS;
    /** ln h[row][col]; col 0 at ln y = LN_Y_MAX, decreasing in steps of D_Y */
    private static final double[][] LN_H;

    static {
        COLS = (int) Math.ceil((LN_Y_MAX - LN_Y_MIN) / D_Y) + 1;
        LN_H = new double[ROWS][COLS];
        GaussLegendre gl = GaussLegendre.of(8);
        double[] scratch = new double[2];
        for (int i = 0; i < ROWS; i++) {
            double lambda = Math.exp(LN_LAMBDA_MIN + i * D_LAMBDA);
            double h = closedForm(lambda, BesselMeans.Z_SWITCH);
            LN_H[i][0] = Math.log(h);
            for (int j = 1; j < COLS; j++) {
                double t1 = LN_Y_MAX - (j - 1) * D_Y;
                double t0 = t1 - D_Y;
                double half = 0.5 * D_Y;
                double sum = 0;
                for (int q = 0; q < gl.size(); q++) {
                    double t = t0 + half * (1 + gl.nodes[q]);
                    double y = Math.exp(t);
                    double e = Math.exp(-lambda * Math.pow(y, -2.0 / 3.0));
                    if (e > 0) {
                        sum += gl.weights[q] * Math.pow(y, -4.0 / 3.0) * BesselMeans.j1OverZSquared(y, scratch) * e;
                    }
                }
                h += half * sum;
                LN_H[i][j] = Math.log(h);
            }
        }
    }

    private AlfvenKernelTable() {
    }

    /** ∫_{y0}^∞ y^{-p} e^{−λ y^{-2/3}} dy for p &gt; 1, λ &gt; 0, y0 &gt; 0. */
    static double powerExpTail(double p, double lambda, double y0) {
        double s = lambda * Math.pow(y0, -2.0 / 3.0);
        double a = 1.5 * (p - 1.0);
        if (s < 0.5) {
            // y0^{1-p} Σ_k (−s)^k / (k! (p − 1 + 2k/3))
            double sum = 0;
            double term = 1.0;
            for (int k = 0; k < 40; k++) {
                if (k > 0) {
                    term *= -s / k;
                }
                double add = term / (p - 1.0 + 2.0 * k / 3.0);
                sum += add;
                if (Math.abs(add) < 1e-17 * Math.abs(sum)) {
                    break;
                }
            }
            return Math.pow(y0, 1.0 - p) * sum;
        }
        double logVal = Math.log(1.5) - a * Math.log(lambda) + Gamma.logGamma(a)
                + Math.log(Gamma.regularizedGammaP(a, s, 1e-15, 10000));
        return Math.exp(logVal);
    }

    /** h(λ, y0) for y0 ≥ Z_switch, with the mean kernel (1/(πy³))(1 − 3/(32y²)). */
    static double closedForm(double lambda, double y0) {
        return (powerExpTail(16.0 / 3.0, lambda, y0) - 3.0 / 32.0 * powerExpTail(22.0 / 3.0, lambda, y0)) / Math.PI;
    }

    /** h(λ, y0) = ∫_{y0}^∞ y^{-7/3} K(y) e^{−λ y^{-2/3}} dy. */
    static double h(double lambda, double y0) {
        if (y0 >= BesselMeans.Z_SWITCH) {
            return closedForm(lambda, y0);
        }
        double lnL = Math.log(lambda);
        if (lnL > LN_LAMBDA_MAX) {
            // e^{−λ y^{-2/3}} < e^{−500} below Z_switch: only the closed-form part survives
            return closedForm(lambda, BesselMeans.Z_SWITCH);
        }
        if (lnL < LN_LAMBDA_MIN) {
            throw new IllegalStateException("Alfven kernel table: lambda = " + lambda + " below the table (e^-60)");
        }
        double lnY = Math.max(Math.log(y0), LN_Y_MIN);
        double u = (lnL - LN_LAMBDA_MIN) / D_LAMBDA;
        double v = (LN_Y_MAX - lnY) / D_Y;
        int i = Math.max(1, Math.min((int) Math.floor(u), ROWS - 3));
        int j = Math.max(1, Math.min((int) Math.floor(v), COLS - 3));
        double fu = u - i;
        double fv = v - j;
        double[] wu = lagrange4(fu);
        double[] wv = lagrange4(fv);
        double sum = 0;
        for (int a = 0; a < 4; a++) {
            double[] row = LN_H[i - 1 + a];
            double r = wv[0] * row[j - 1] + wv[1] * row[j] + wv[2] * row[j + 1] + wv[3] * row[j + 2];
            sum += wu[a] * r;
        }
        return Math.exp(sum);
    }

    /** Cubic Lagrange weights for nodes −1, 0, 1, 2 at fraction f. */
    private static double[] lagrange4(double f) {
        double fm1 = f + 1;
        double f1 = f - 1;
        double f2 = f - 2;
        return new double[] {-f * f1 * f2 / 6.0, fm1 * f1 * f2 / 2.0, -fm1 * f * f2 / 2.0, fm1 * f * f1 / 6.0};
    }

    /** H(x_∥) of the class comment, from b = R s, c = x_∥/M_A^a and the x_⊥ limits. */
    static double perpendicularIntegral(double b, double c, double xPerpMin, double xPerpMax) {
        if (!(b > 0) || !(xPerpMax > xPerpMin)) {
            return 0.0;
        }
        double lambda = c * Math.pow(b, 2.0 / 3.0);
        double lo = h(lambda, b * xPerpMin);
        double hi = h(lambda, b * xPerpMax);
        double d = lo - hi;
        return d > 0 ? Math.pow(b, 4.0 / 3.0) * d : 0.0;
    }
}
