package org.crdl.runtime.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.optim.univariate.UnivariatePointValuePair;
import org.crdl.runtime.plasma.ModelException;

/**
 * Errors of a best fit. From the Hessian: with χ² = −2 ln L + const, the covariance is
 * C = 2 H⁻¹, H the matrix of second derivatives of χ² at the minimum (central finite differences
 * in the internal coordinates, mapped back with the Jacobian of each parameter's scale). From the
 * profile likelihood: the values where χ² minimised over the other parameters rises by Δχ² = 1
 * on each side (asymmetric errors; a side that reaches the declared range is reported as a limit).
 */
public final class Uncertainties {
    private Uncertainties() {
    }

    /** Step of the finite differences in internal coordinates (0.2 % of a range or of its log). */
    static final double STEP = 2e-3;

    /**
     * Errors and correlations from the Hessian.
     *
     * @param sigma       1σ per parameter, cgs (NaN when the Hessian is not positive definite)
     * @param sigmaUnit   1σ in internal coordinates (for the profile and sampler starting steps)
     * @param correlation correlation matrix (NaN when undefined)
     * @param note        null, or why the errors are undefined
     */
    public record Hessian(double[] sigma, double[] sigmaUnit, double[][] correlation, String note) {
    }

    /**
     * Profile-likelihood interval of one parameter: best − lower and upper − best (cgs), NaN
     * where the side reaches the declared range (then {@code note} says so).
     */
    public record Profile(double minus, double plus, String note) {
    }

    public static Hessian hessian(Objective objective, double[] best, int threads) {
        List<FreeParameter> ps = objective.parameters();
        int d = best.length;
        double[] u = new double[d];
        for (int i = 0; i < d; i++) {
            u[i] = ps.get(i).toUnit(best[i]);
        }
        // steps: a first try of 0.01, then the step that raises χ² by about 4 along each axis, so the
        // differences stay well above the solvers' tolerances and inside the quadratic region
        double[] h = new double[d];
        java.util.Arrays.fill(h, 0.01);
        double f0 = Double.NaN;
        for (int pass = 0; pass < 2; pass++) {
            double[] c = centre(u, h);
            List<double[]> pts = new ArrayList<>();
            pts.add(c);
            for (int i = 0; i < d; i++) {
                pts.add(shift(c, i, h[i], -1, 0));
                pts.add(shift(c, i, -h[i], -1, 0));
            }
            PointResult[] r = evaluate(objective, ps, pts, threads);
            if (r == null) {
                return undefined(d, "the model fails next to the minimum");
            }
            f0 = r[0].total();
            for (int i = 0; i < d; i++) {
                double curv = (r[1 + 2 * i].total() - 2 * f0 + r[2 + 2 * i].total()) / (h[i] * h[i]);
                h[i] = curv > 0 ? Math.min(0.1, Math.max(STEP / 4, Math.sqrt(8 / curv))) : Math.min(0.1, 4 * h[i]);
            }
        }
        double[] c = centre(u, h);
        List<double[]> pts = new ArrayList<>();
        pts.add(c);
        for (int i = 0; i < d; i++) {
            pts.add(shift(c, i, h[i], -1, 0));
            pts.add(shift(c, i, -h[i], -1, 0));
        }
        for (int i = 0; i < d; i++) {
            for (int j = i + 1; j < d; j++) {
                pts.add(shift(c, i, h[i], j, h[j]));
                pts.add(shift(c, i, h[i], j, -h[j]));
                pts.add(shift(c, i, -h[i], j, h[j]));
                pts.add(shift(c, i, -h[i], j, -h[j]));
            }
        }
        PointResult[] r = evaluate(objective, ps, pts, threads);
        if (r == null) {
            return undefined(d, "the model fails next to the minimum");
        }
        f0 = r[0].total();
        double[][] hess = new double[d][d];
        for (int i = 0; i < d; i++) {
            hess[i][i] = (r[1 + 2 * i].total() - 2 * f0 + r[2 + 2 * i].total()) / (h[i] * h[i]);
        }
        int k = 1 + 2 * d;
        for (int i = 0; i < d; i++) {
            for (int j = i + 1; j < d; j++) {
                hess[i][j] = (r[k].total() - r[k + 1].total() - r[k + 2].total() + r[k + 3].total()) / (4 * h[i] * h[j]);
                hess[j][i] = hess[i][j];
                k += 4;
            }
        }
        u = c;
        double[][] h2 = hess;
        RealMatrix cov;
        try {
            cov = new CholeskyDecomposition(new Array2DRowRealMatrix(h2), 1e-12, 1e-14).getSolver().getInverse()
                    .scalarMultiply(2);
        } catch (NonPositiveDefiniteMatrixException e) {
            return undefined(d, "the Hessian of chi2 is not positive definite at the best point "
                    + "(a flat direction or not a minimum); see the profile-likelihood errors");
        }
        double[] sigma = new double[d];
        double[] su = new double[d];
        double[][] corr = new double[d][d];
        for (int i = 0; i < d; i++) {
            su[i] = Math.sqrt(cov.getEntry(i, i));
            sigma[i] = su[i] * Math.abs(ps.get(i).jacobian(u[i]));
        }
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                corr[i][j] = cov.getEntry(i, j) / (su[i] * su[j]);
            }
        }
        return new Hessian(sigma, su, corr, null);
    }

    private static Hessian undefined(int d, String why) {
        double[] nan = new double[d];
        java.util.Arrays.fill(nan, Double.NaN);
        double[][] c = new double[d][d];
        for (double[] row : c) {
            java.util.Arrays.fill(row, Double.NaN);
        }
        return new Hessian(nan, nan.clone(), c, why);
    }

    /** The stencil centre: the best point moved inside the range by at least one step. */
    private static double[] centre(double[] u, double[] h) {
        double[] c = u.clone();
        for (int i = 0; i < c.length; i++) {
            c[i] = Math.min(1 - h[i], Math.max(h[i], c[i]));
        }
        return c;
    }

    private static PointResult[] evaluate(Objective objective, List<FreeParameter> ps, List<double[]> pts, int threads) {
        double[][] values = new double[pts.size()][];
        for (int k = 0; k < values.length; k++) {
            values[k] = toValues(ps, pts.get(k));
        }
        PointResult[] r = GridScan.run(objective, values, threads, ProgressMeter.quiet(values.length));
        for (PointResult p : r) {
            if (!p.ok()) {
                return null;
            }
        }
        return r;
    }

    private static double[] shift(double[] u, int i, double di, int j, double dj) {
        double[] v = u.clone();
        v[i] += di;
        if (j >= 0) {
            v[j] += dj;
        }
        return v;
    }

    static double[] toValues(List<FreeParameter> ps, double[] u) {
        double[] x = new double[u.length];
        for (int i = 0; i < u.length; i++) {
            x[i] = ps.get(i).fromUnit(Math.min(1, Math.max(0, u[i])));
        }
        return x;
    }

    /**
     * Profile-likelihood intervals (Δχ² = 1) of every parameter, the 2·d sides on {@code threads}
     * threads.
     *
     * @param chi2Min   the minimum χ²
     * @param startStep a first step per parameter in internal coordinates (e.g. the Hessian σ), NaN allowed
     */
    public static Profile[] profiles(Objective objective, double[] best, double chi2Min, double[] startStep,
                                     int threads) {
        int d = best.length;
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, 2 * d)), r -> {
            Thread t = new Thread(null, r, "crdl-profile", 256L << 20);
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<double[]>> sides = new ArrayList<>();
            for (int i = 0; i < d; i++) {
                for (int sign : new int[] {-1, 1}) {
                    int p = i;
                    sides.add(pool.submit(() -> side(objective, best, chi2Min, p, sign, startStep[p])));
                }
            }
            Profile[] out = new Profile[d];
            for (int i = 0; i < d; i++) {
                double[] lo = sides.get(2 * i).get();
                double[] hi = sides.get(2 * i + 1).get();
                String note = null;
                if (Double.isNaN(lo[0]) || Double.isNaN(hi[0])) {
                    note = "Δχ² = 1 is not reached inside the declared range on the "
                            + (Double.isNaN(lo[0]) && Double.isNaN(hi[0]) ? "both sides" : Double.isNaN(lo[0])
                            ? "lower side" : "upper side");
                }
                out[i] = new Profile(best[i] - lo[0], hi[0] - best[i], note);
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelException("profile likelihood interrupted");
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new ModelException("profile failed: " + e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** The value of parameter p where the profile crosses χ²min + 1 on one side ({NaN} if it does not). */
    private static double[] side(Objective objective, double[] best, double chi2Min, int p, int sign, double step) {
        List<FreeParameter> ps = objective.parameters();
        FreeParameter fp = ps.get(p);
        double u0 = fp.toUnit(best[p]);
        double target = chi2Min + 1;
        double h = Double.isFinite(step) && step > 1e-4 ? Math.min(step, 0.25) : 0.02;
        double[] others = best.clone();
        double inside = u0;
        double outside = Double.NaN;
        double u = u0;
        for (int k = 0; k < 12; k++) {
            u = u0 + sign * h;
            if (u <= 0 || u >= 1) {
                u = sign < 0 ? 0 : 1;
                double c = profiled(objective, best, p, u, others);
                if (c < target) {
                    return new double[] {Double.NaN};
                }
                outside = u;
                break;
            }
            double c = profiled(objective, best, p, u, others);
            if (c >= target) {
                outside = u;
                break;
            }
            inside = u;
            h *= 2;
        }
        if (Double.isNaN(outside)) {
            return new double[] {Double.NaN};
        }
        // bisection in the bracket on (profiled χ² − target); 10 halvings ≈ 10⁻³ of the bracket
        double a = inside;
        double b = outside;
        for (int k = 0; k < 10; k++) {
            double m = 0.5 * (a + b);
            if (profiled(objective, best, p, m, others) >= target) {
                b = m;
            } else {
                a = m;
            }
        }
        return new double[] {fp.fromUnit(0.5 * (a + b))};
    }

    /** χ² minimised over the other parameters with parameter p fixed at internal coordinate u. */
    private static double profiled(Objective objective, double[] best, int p, double u, double[] warm) {
        List<FreeParameter> ps = objective.parameters();
        int d = best.length;
        double xp = ps.get(p).fromUnit(u);
        if (d == 1) {
            PointResult r = objective.evaluate(new double[] {xp});
            return r.ok() ? r.total() : Double.POSITIVE_INFINITY;
        }
        int[] idx = new int[d - 1];
        for (int i = 0, k = 0; i < d; i++) {
            if (i != p) {
                idx[k++] = i;
            }
        }
        java.util.function.ToDoubleFunction<double[]> f = v -> {
            double[] x = warm.clone();
            x[p] = xp;
            for (int k = 0; k < idx.length; k++) {
                x[idx[k]] = ps.get(idx[k]).fromUnit(Math.min(1, Math.max(0, v[k])));
            }
            PointResult r = objective.evaluate(x);
            return r.ok() ? r.total() : 1e30;
        };
        double[] start = new double[idx.length];
        for (int k = 0; k < idx.length; k++) {
            start[k] = ps.get(idx[k]).toUnit(warm[idx[k]]);
        }
        double[] bestV;
        double bestF;
        if (idx.length == 1) {
            double lo = Math.max(0, start[0] - 0.15);
            double hi = Math.min(1, start[0] + 0.15);
            UnivariatePointValuePair r = new BrentOptimizer(1e-6, 1e-5).optimize(new MaxEval(200), GoalType.MINIMIZE,
                    new UnivariateObjectiveFunction(v -> f.applyAsDouble(new double[] {v})),
                    new SearchInterval(lo, hi, Math.min(hi, Math.max(lo, start[0]))));
            bestV = new double[] {r.getPoint()};
            bestF = r.getValue();
        } else {
            double[] lo = new double[idx.length];
            double[] hi = new double[idx.length];
            java.util.Arrays.fill(hi, 1);
            PointValuePair r = new BOBYQAOptimizer(2 * idx.length + 1, 0.03, 1e-5).optimize(new MaxEval(2000),
                    GoalType.MINIMIZE, new ObjectiveFunction(f::applyAsDouble), new InitialGuess(start),
                    new SimpleBounds(lo, hi));
            bestV = r.getPoint();
            bestF = r.getValue();
        }
        for (int k = 0; k < idx.length; k++) {
            warm[idx[k]] = ps.get(idx[k]).fromUnit(Math.min(1, Math.max(0, bestV[k])));
        }
        return bestF;
    }
}
