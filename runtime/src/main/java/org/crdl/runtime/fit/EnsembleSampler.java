package org.crdl.runtime.fit;

import java.util.List;
import org.apache.commons.math3.random.MersenneTwister;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * The affine-invariant ensemble sampler of Goodman &amp; Weare (2010, Commun. Appl. Math. Comput.
 * Sci. 5, 65), with the stretch move as in emcee (Foreman-Mackey et al. 2013, PASP 125, 306,
 * Algorithm 3, parallel form): the walkers are split in two halves; each walker X_k of one half
 * moves towards or away from a random walker X_j of the other, Y = X_j + z (X_k − X_j) with
 * g(z) ∝ 1/√z on [1/a, a], a = 2, accepted with probability min(1, z^(d−1) p(Y)/p(X_k)).
 *
 * <p>The posterior is exp(−χ²/2) with a flat prior in the internal coordinates of each parameter
 * (uniform in the declared range, or in its logarithm for logarithmic parameters), zero outside
 * the range. The random numbers are drawn serially from a seeded generator before the proposals
 * of a half are evaluated in parallel, so a chain does not depend on the thread count.
 */
public final class EnsembleSampler {
    private EnsembleSampler() {
    }

    static final double A = 2;

    /**
     * A chain: positions [step][walker][parameter] (cgs), χ² [step][walker] and the acceptance
     * fraction of all proposals.
     */
    public record Chain(double[][][] positions, double[][] chi2, double acceptance) {
        public int steps() {
            return positions.length;
        }

        public int walkers() {
            return positions.length == 0 ? 0 : positions[0].length;
        }
    }

    /**
     * Runs {@code steps} steps of {@code walkers} walkers started in a small Gaussian ball around
     * {@code center} (cgs) of width {@code spreadUnit} per parameter in internal coordinates.
     */
    public static Chain run(Objective objective, double[] center, double[] spreadUnit, int walkers, int steps,
                            long seed, int threads, ProgressMeter meter) {
        return run(objective, pts -> GridScan.run(objective, pts, threads, ProgressMeter.quiet(pts.length)), center,
                spreadUnit, walkers, steps, seed, meter);
    }

    /** How a batch of points is evaluated: on local threads, or elsewhere (a Spark session). */
    public interface Batch {
        PointResult[] evaluate(double[][] points);
    }

    /** As {@link #run(Objective, double[], double[], int, int, long, int, ProgressMeter)}, the batches of
     *  proposals evaluated by {@code batch} (the chain is the same whatever evaluates them). */
    public static Chain run(Objective objective, Batch batch, double[] center, double[] spreadUnit, int walkers,
                            int steps, long seed, ProgressMeter meter) {
        List<FreeParameter> ps = objective.parameters();
        int d = center.length;
        if (walkers < 2 * d || walkers % 2 != 0) {
            throw new IllegalArgumentException("the stretch move needs an even number of walkers >= 2 x parameters, got "
                    + walkers);
        }
        RandomGenerator rng = new MersenneTwister(seed);
        double[][] u = new double[walkers][d];
        double[] lnp = new double[walkers];
        double[][] start = new double[walkers][];
        for (int w = 0; w < walkers; w++) {
            for (int i = 0; i < d; i++) {
                double s = Double.isFinite(spreadUnit[i]) && spreadUnit[i] > 0 ? Math.min(spreadUnit[i], 0.05) : 0.01;
                double c = ps.get(i).toUnit(center[i]);
                double v;
                do {
                    v = c + s * rng.nextGaussian();
                } while (v <= 0 || v >= 1);
                u[w][i] = v;
            }
            start[w] = Uncertainties.toValues(ps, u[w]);
        }
        PointResult[] first = batch.evaluate(start);
        double[][] chi2Now = new double[walkers][1];
        for (int w = 0; w < walkers; w++) {
            lnp[w] = first[w].ok() ? -0.5 * first[w].total() : Double.NEGATIVE_INFINITY;
            chi2Now[w][0] = first[w].total();
        }
        double[][][] positions = new double[steps][walkers][];
        double[][] chi2 = new double[steps][walkers];
        long accepted = 0;
        int half = walkers / 2;
        for (int step = 0; step < steps; step++) {
            for (int h = 0; h < 2; h++) {
                int from = h * half;
                int other = (1 - h) * half;
                double[][] proposal = new double[half][d];
                double[] z = new double[half];
                double[] r = new double[half];
                boolean[] inside = new boolean[half];
                for (int k = 0; k < half; k++) {
                    int j = other + rng.nextInt(half);
                    double q = (A - 1) * rng.nextDouble() + 1;
                    z[k] = q * q / A;
                    r[k] = rng.nextDouble();
                    inside[k] = true;
                    for (int i = 0; i < d; i++) {
                        proposal[k][i] = u[j][i] + z[k] * (u[from + k][i] - u[j][i]);
                        inside[k] &= proposal[k][i] > 0 && proposal[k][i] < 1;
                    }
                }
                int n = 0;
                for (boolean b : inside) {
                    n += b ? 1 : 0;
                }
                double[][] values = new double[n][];
                for (int k = 0, m = 0; k < half; k++) {
                    if (inside[k]) {
                        values[m++] = Uncertainties.toValues(ps, proposal[k]);
                    }
                }
                PointResult[] res = batch.evaluate(values);
                for (int k = 0, m = 0; k < half; k++) {
                    if (!inside[k]) {
                        continue;
                    }
                    PointResult p = res[m++];
                    double lnNew = p.ok() ? -0.5 * p.total() : Double.NEGATIVE_INFINITY;
                    double lnAccept = (d - 1) * Math.log(z[k]) + lnNew - lnp[from + k];
                    if (lnNew > Double.NEGATIVE_INFINITY && Math.log(r[k]) < lnAccept) {
                        u[from + k] = proposal[k];
                        lnp[from + k] = lnNew;
                        chi2Now[from + k][0] = p.total();
                        accepted++;
                    }
                }
            }
            for (int w = 0; w < walkers; w++) {
                positions[step][w] = Uncertainties.toValues(ps, u[w]);
                chi2[step][w] = chi2Now[w][0];
            }
            meter.step();
        }
        return new Chain(positions, chi2, steps == 0 ? 0 : (double) accepted / ((long) steps * walkers));
    }
}
