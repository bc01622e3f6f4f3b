package org.crdl.runtime.fit;

import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.SimpleValueChecker;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.CMAESOptimizer;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.optim.univariate.UnivariatePointValuePair;
import org.apache.commons.math3.random.MersenneTwister;
import org.apache.commons.math3.util.FastMath;

/**
 * Minimises the total χ² of an {@link Objective} over its free parameters with the Commons Math
 * optimisers, in internal coordinates u ∈ [0, 1] per parameter (linear or logarithmic in the
 * declared range, so D0 ~ 10²⁸ and δ ~ 0.5 are equally well conditioned and the bounds are the
 * declared {@code param … in [lo, hi]}). One free parameter is minimised with Brent's method.
 */
public final class Fitter {
    private Fitter() {
    }

    /** The optimiser. */
    public enum Method {
        /** Powell's BOBYQA: bounded quadratic models, no derivatives (the default) */
        BOBYQA,
        /** covariance-matrix adaptation evolution strategy: global, robust, more evaluations */
        CMAES,
        /** Nelder–Mead simplex (bounds by clamping) */
        SIMPLEX,
        /** variable metric with numerical gradients and MINUIT's EDM stopping rule ({@link VariableMetric}) */
        MIGRAD_LIKE;

        /** The method named on the command line (bobyqa, cmaes, simplex). */
        public static Method parse(String name) {
            for (Method m : values()) {
                if (m.name().equalsIgnoreCase(name.replace("-", "_"))) {
                    return m;
                }
            }
            throw new IllegalArgumentException("--method is bobyqa, cmaes, simplex or migrad-like, not '" + name + "'");
        }

        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * Where the minimiser stopped.
     *
     * @param best        the best point seen (cgs values and its χ²)
     * @param last        the last point evaluated
     * @param evaluations number of model evaluations
     * @param converged   whether the optimiser met its tolerance
     * @param message     why it stopped (for a fit that did not converge: the reason)
     */
    public record Minimum(PointResult best, PointResult last, int evaluations, boolean converged, String message) {
    }

    /** The objective in internal coordinates, remembering the best and the last point. */
    static final class Tracker {
        final Objective objective;
        final List<FreeParameter> params;
        PointResult best;
        PointResult last;
        int evaluations;

        Tracker(Objective objective) {
            this.objective = objective;
            this.params = objective.parameters();
        }

        double[] toValues(double[] u) {
            double[] x = new double[u.length];
            for (int i = 0; i < u.length; i++) {
                x[i] = params.get(i).fromUnit(Math.min(1, Math.max(0, u[i])));
            }
            return x;
        }

        double chi2(double[] u) {
            PointResult r = objective.evaluate(toValues(u));
            evaluations++;
            last = r;
            if (r.ok() && (best == null || r.total() < best.total())) {
                best = r;
            }
            // a failed point is a wall, not an infinity (quadratic models need finite values)
            return r.ok() ? r.total() : 1e30;
        }
    }

    /**
     * Minimises from {@code start} (cgs values inside the ranges).
     *
     * @param maxEvaluations model evaluations allowed before the fit is declared not converged
     */
    public static Minimum minimise(Objective objective, double[] start, Method method, int maxEvaluations, long seed) {
        Tracker t = new Tracker(objective);
        int d = start.length;
        double[] u0 = new double[d];
        for (int i = 0; i < d; i++) {
            u0[i] = t.params.get(i).toUnit(start[i]);
        }
        try {
            if (d == 1) {
                BrentOptimizer brent = new BrentOptimizer(1e-7, 1e-6);
                UnivariatePointValuePair p = brent.optimize(new MaxEval(maxEvaluations), GoalType.MINIMIZE,
                        new UnivariateObjectiveFunction(u -> t.chi2(new double[] {u})), new SearchInterval(0, 1, u0[0]));
                return done(t, "Brent's method met its tolerance at u = " + fmt(p.getPoint()));
            }
            double[] lo = new double[d];
            double[] hi = new double[d];
            java.util.Arrays.fill(hi, 1);
            ObjectiveFunction f = new ObjectiveFunction(t::chi2);
            switch (method) {
                case BOBYQA -> new BOBYQAOptimizer(2 * d + 1, 0.1, 1e-6).optimize(new MaxEval(maxEvaluations),
                        GoalType.MINIMIZE, f, new InitialGuess(u0), new SimpleBounds(lo, hi));
                case CMAES -> {
                    double[] sigma = new double[d];
                    java.util.Arrays.fill(sigma, 0.15);
                    int lambda = 4 + (int) (3 * FastMath.log(d));
                    new CMAESOptimizer(maxEvaluations, 0, true, 0, 0, new MersenneTwister(seed), false,
                            new SimpleValueChecker(1e-9, 1e-6)).optimize(new MaxEval(maxEvaluations),
                            new MaxIter(maxEvaluations), GoalType.MINIMIZE, f, new InitialGuess(u0),
                            new SimpleBounds(lo, hi), new CMAESOptimizer.Sigma(sigma),
                            new CMAESOptimizer.PopulationSize(lambda));
                }
                case MIGRAD_LIKE -> {
                    double edm = VariableMetric.minimise(t, u0, maxEvaluations);
                    return done(t, String.format(Locale.ROOT, "migrad-like: EDM = %.2g%s", edm,
                            edm < VariableMetric.EDM_GOAL ? " < 2e-4" : " (no further decrease along the descent direction)"));
                }
                case SIMPLEX -> new SimplexOptimizer(new SimpleValueChecker(1e-10, 1e-6)).optimize(
                        new MaxEval(maxEvaluations), GoalType.MINIMIZE, f, new InitialGuess(u0),
                        new NelderMeadSimplex(d, 0.05));
                default -> throw new IllegalStateException(method.toString());
            }
            return done(t, method.label() + " met its tolerance");
        } catch (TooManyEvaluationsException e) {
            return new Minimum(t.best, t.last, t.evaluations, false, method.label() + " did not converge within "
                    + maxEvaluations + " model evaluations (raise --max-evals, or try --method cmaes)");
        }
    }

    private static Minimum done(Tracker t, String message) {
        if (t.best == null) {
            return new Minimum(t.last, t.last, t.evaluations, false, "every point the optimiser tried failed; last: "
                    + (t.last == null ? "none" : t.last.failure()));
        }
        return new Minimum(t.best, t.last, t.evaluations, true, message);
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }
}
