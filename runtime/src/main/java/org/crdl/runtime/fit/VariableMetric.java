package org.crdl.runtime.fit;

/**
 * A MIGRAD-like minimiser (James &amp; Roos 1975, MINUIT): a variable-metric (BFGS) descent with
 * central-difference gradients, a backtracking line search projected onto the box [0, 1]^d of the
 * internal coordinates, and MINUIT's stopping rule, the estimated distance to the minimum
 * EDM = gᵀ V g / 2 below 2·10⁻⁴ (MINUIT's 0.002 × tolerance 0.1 × up 1), V the inverse-Hessian
 * estimate.
 */
final class VariableMetric {
    private VariableMetric() {
    }

    static final double EDM_GOAL = 2e-4;

    /** Minimises from u0; returns the EDM reached, or throws TooManyEvaluations via {@code budget}. */
    static double minimise(Fitter.Tracker t, double[] u0, int maxEvaluations) {
        int d = u0.length;
        double[] u = u0.clone();
        double f = t.chi2(u);
        double[] g = gradient(t, u, f);
        double[][] v = new double[d][d];
        for (int i = 0; i < d; i++) {
            v[i][i] = 1e-3;   // a cautious first metric: steps of ~0.03 of a range for a gradient of ~30
        }
        for (int iter = 0; t.evaluations < maxEvaluations; iter++) {
            double[] p = new double[d];
            double edm = 0;
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    p[i] -= v[i][j] * g[j];
                }
                edm -= 0.5 * g[i] * p[i];
            }
            if (edm < EDM_GOAL && iter > 0) {
                return edm;
            }
            double slope = 0;
            for (int i = 0; i < d; i++) {
                slope += g[i] * p[i];
            }
            if (slope >= 0) {   // the metric lost positive definiteness: restart along −g
                for (int i = 0; i < d; i++) {
                    java.util.Arrays.fill(v[i], 0);
                    v[i][i] = 1e-3;
                    p[i] = -1e-3 * g[i];
                }
                slope = 0;
                for (int i = 0; i < d; i++) {
                    slope += g[i] * p[i];
                }
            }
            double alpha = 1;
            double[] next = null;
            double fNext = f;
            for (int k = 0; k < 30; k++) {
                double[] trial = new double[d];
                for (int i = 0; i < d; i++) {
                    trial[i] = Math.min(1, Math.max(0, u[i] + alpha * p[i]));
                }
                double ft = t.chi2(trial);
                if (ft <= f + 1e-4 * alpha * slope) {
                    next = trial;
                    fNext = ft;
                    break;
                }
                alpha *= 0.3;
            }
            if (next == null) {
                return edm;   // no decrease along the descent direction: at the minimum within the noise
            }
            double[] gNext = gradient(t, next, fNext);
            double[] s = new double[d];
            double[] y = new double[d];
            double ys = 0;
            for (int i = 0; i < d; i++) {
                s[i] = next[i] - u[i];
                y[i] = gNext[i] - g[i];
                ys += y[i] * s[i];
            }
            if (ys > 1e-12) {
                double[] vy = new double[d];
                double yvy = 0;
                for (int i = 0; i < d; i++) {
                    for (int j = 0; j < d; j++) {
                        vy[i] += v[i][j] * y[j];
                    }
                    yvy += y[i] * vy[i];
                }
                for (int i = 0; i < d; i++) {
                    for (int j = 0; j < d; j++) {
                        v[i][j] += (1 + yvy / ys) * s[i] * s[j] / ys - (vy[i] * s[j] + s[i] * vy[j]) / ys;
                    }
                }
            }
            u = next;
            f = fNext;
            g = gNext;
        }
        throw new org.apache.commons.math3.exception.TooManyEvaluationsException(maxEvaluations);
    }

    /** Central differences of χ² in internal coordinates (one-sided at the bounds). */
    private static double[] gradient(Fitter.Tracker t, double[] u, double f) {
        double h = 1e-3;
        double[] g = new double[u.length];
        for (int i = 0; i < u.length; i++) {
            double[] a = u.clone();
            double[] b = u.clone();
            a[i] = Math.min(1, u[i] + h);
            b[i] = Math.max(0, u[i] - h);
            double fa = a[i] == u[i] ? f : t.chi2(a);
            double fb = b[i] == u[i] ? f : t.chi2(b);
            g[i] = (fa - fb) / (a[i] - b[i]);
        }
        return g;
    }
}
