package org.crdl.runtime.transport;

import org.crdl.runtime.plasma.ModelException;

/**
 * The steady-state momentum equation of one species at the disk of a {@link LayeredSlab}, written in
 * rigidity R (∝ p for a given species) on an arbitrary increasing grid of cell centres R_k:
 * <pre>
 *   λ(R) n + ∂_R J = S(R),      J = Ṙ n  −  W ∂_R (n / R²),      W = R² D_RR
 * </pre>
 * n is the density per unit rigidity, λ the removal rate (escape and sinks, per side: cm s⁻¹), S the
 * source, Ṙ ≤ 0 the (adiabatic) loss rate and D_RR = D_pp (dR/dp)² the momentum diffusion
 * coefficient; the p-space form ∂_p(ṗ N) − ∂_p(p² D_pp ∂_p(N/p²)) maps to it term by term because
 * R = pc/(Ze) is linear in p. It is the rigidity twin of {@link DiskEnergySolver} (which needs the
 * log-uniform energy grid of the flat halo), with the same finite-volume scheme: cell edges at the
 * geometric midpoints (outer edges half a ln-step outside), second-order upwind loss flux (linear
 * extrapolation in ln R from the two cells above), centred momentum-diffusion flux −W(g_k n_k −
 * g_{k−1} n_{k−1})/(R_k − R_{k−1}) with g = 1/R², which vanishes exactly for f = const, zero
 * diffusive flux through the two outer edges. The band is solved by {@link DiskEnergySolver#solveBanded}.
 */
final class RigidityEnergySolver {
    private RigidityEnergySolver() {
    }

    /** cell edges (n + 1) of increasing centres: geometric midpoints, the outer ones half a ln-step outside */
    static double[] edges(double[] centres) {
        int n = centres.length;
        if (n < 2) {
            throw new ModelException("layers: reacceleration and adiabatic losses need at least two rigidities");
        }
        double[] e = new double[n + 1];
        for (int k = 1; k < n; k++) {
            e[k] = Math.sqrt(centres[k - 1] * centres[k]);
        }
        e[0] = centres[0] * Math.sqrt(centres[0] / centres[1]);
        e[n] = centres[n - 1] * Math.sqrt(centres[n - 1] / centres[n - 2]);
        return e;
    }

    /**
     * @param what     species and model, for messages
     * @param r        cell centres R_k [GV], increasing
     * @param lambda   removal rate per cell
     * @param source   source per cell
     * @param rdotEdge Ṙ at the n + 1 edges [GV per unit time of λ] (≤ 0), or null
     * @param wEdge    W = R² D_RR at the edges (the outer two unused), or null
     * @return n per cell
     */
    static double[] solve(String what, double[] r, double[] lambda, double[] source, double[] rdotEdge, double[] wEdge) {
        int n = r.length;
        double[] edge = edges(r);
        double[][] a = new double[n][n];
        double[] b = new double[n];
        for (int k = 0; k < n; k++) {
            double width = edge[k + 1] - edge[k];
            a[k][k] += lambda[k] * width;
            b[k] = source[k] * width;
        }
        if (rdotEdge != null) {
            for (int e = 0; e <= n; e++) {
                double rd = rdotEdge[e];
                if (rd > 0 || !Double.isFinite(rd)) {
                    throw new ModelException(what + ": the adiabatic loss rate must be finite and ≤ 0, got " + rd
                            + " at R = " + edge[e] + " GV");
                }
                if (rd == 0) {
                    continue;
                }
                // upwind value at edge e (between cells e−1 and e) from the cells e and e+1 above it
                int up = Math.min(e, n - 1);
                double wUp = 1;
                double wNext = 0;
                if (e <= n - 2) {
                    double t = Math.log(edge[e] / r[e]) / Math.log(r[e + 1] / r[e]);
                    wUp = 1 - t;
                    wNext = t;
                }
                if (e - 1 >= 0) {
                    a[e - 1][up] += rd * wUp;
                    if (wNext != 0) {
                        a[e - 1][up + 1] += rd * wNext;
                    }
                }
                if (e <= n - 1) {
                    a[e][up] -= rd * wUp;
                    if (wNext != 0) {
                        a[e][up + 1] -= rd * wNext;
                    }
                }
            }
        }
        if (wEdge != null) {
            for (int e = 1; e <= n - 1; e++) {
                double w = wEdge[e];
                if (!(w >= 0) || Double.isInfinite(w)) {
                    throw new ModelException(what + ": momentum diffusion coefficient must be finite and ≥ 0, got "
                            + w + " at R = " + edge[e] + " GV");
                }
                double c = w / (r[e] - r[e - 1]);
                double gHi = 1 / (r[e] * r[e]);
                double gLo = 1 / (r[e - 1] * r[e - 1]);
                // J_e = −c (g_e n_e − g_{e−1} n_{e−1}) enters row e−1 with + and row e with −
                a[e - 1][e] -= c * gHi;
                a[e - 1][e - 1] += c * gLo;
                a[e][e] += c * gHi;
                a[e][e - 1] -= c * gLo;
            }
        }
        for (int row = 0; row < n; row++) {
            double m = 0;
            for (int c = Math.max(0, row - 1); c <= Math.min(n - 1, row + 2); c++) {
                m = Math.max(m, Math.abs(a[row][c]));
            }
            if (!(m > 0)) {
                throw new ModelException(what + ": no escape, destruction or momentum flux at R = " + r[row]
                        + " GV; the steady state does not exist");
            }
            for (int c = Math.max(0, row - 1); c <= Math.min(n - 1, row + 2); c++) {
                a[row][c] /= m;
            }
            b[row] /= m;
        }
        double[] x = DiskEnergySolver.solveBanded(a, b, what);
        double max = 0;
        for (double v : x) {
            if (!Double.isFinite(v)) {
                throw new ModelException(what + ": the momentum solve produced a non-finite density");
            }
            max = Math.max(max, Math.abs(v));
        }
        for (int k = 0; k < n; k++) {
            if (x[k] < 0) {
                if (x[k] < -1e-9 * max) {
                    throw new ModelException(what + ": negative density " + x[k] + " at R = " + r[k]
                            + " GV; refine the energy grid (steep spectrum or strong adiabatic losses)");
                }
                x[k] = 0;
            }
        }
        return x;
    }
}
