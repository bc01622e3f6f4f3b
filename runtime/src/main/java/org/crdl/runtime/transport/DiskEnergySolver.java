package org.crdl.runtime.transport;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.crdl.runtime.plasma.ModelException;

/**
 * The steady-state energy equation of one species in the disk (or the leaky box), solved by a
 * conservative finite-volume scheme on an {@link EnergyGrid}:
 * <pre>
 *   λ(E) N + ∂_E J = S(E),      J = Ė N  −  (p² D_pp v / A²) ∂_E (N v / p²)
 * </pre>
 * N is the density per unit kinetic energy per nucleon E [cm⁻³ erg⁻¹], λ the removal rate
 * (escape, destruction), S the source, Ė ≤ 0 the continuous loss rate per nucleon and the second
 * flux term momentum diffusion, J = −4πp² D_pp ∂f/∂p written for N (f = N v/(4π A p²)).
 *
 * <p>Discretization (cell k, width ΔE_k): λ_k N_k ΔE_k + J_{k+1/2} − J_{k−1/2} = S_k ΔE_k.
 * Loss flux: second-order upwind, N_{k+1/2} = 1.5 N_{k+1} − 0.5 N_{k+2} (linear extrapolation in
 * ln E from the two cells above; particles move down in energy), first order in the top cell, where
 * the inflow from above the grid is taken as Ė N_{top}; where |Ė| grows with E (synchrotron and IC of
 * leptons), both edges of the top cell use N_{top} (E_top/E_edge)^{s+1}, the loss-dominated steady state with
 * the local source slope s (positive for s &gt; 1 however fast the losses; Ė N_{top} at the top edge is not). Reacceleration flux: centred,
 * −W_{k+1/2}(g_{k+1}N_{k+1} − g_k N_k)/(E_{k+1} − E_k) with g = v/p², which vanishes exactly for
 * f = const; zero at the two outer edges. Particles leave through the bottom edge by losses only.
 * Without losses and reacceleration the system is diagonal and N = S/λ exactly; otherwise the
 * banded matrix (one sub-, two super-diagonals) is solved by LU (Commons Math).
 */
final class DiskEnergySolver {
    private DiskEnergySolver() {
    }

    /**
     * @param what     species and model, for messages
     * @param lambda   removal rate per cell [s⁻¹]
     * @param source   source per cell [cm⁻³ s⁻¹ erg⁻¹]
     * @param edotEdge Ė per nucleon at the n+1 edges [erg s⁻¹] (≤ 0), or null
     * @param wEdge    W = p² D_pp v / A² at the edges, or null; with g = v/p² the flux
     *                 W ∂_E(g N) is in cm⁻³ s⁻¹
     * @param g        v/p² per cell (needed with {@code wEdge})
     * @return N per cell [cm⁻³ erg⁻¹]
     */
    static double[] solve(String what, EnergyGrid grid, double[] lambda, double[] source, double[] edotEdge,
                          double[] wEdge, double[] g) {
        int n = grid.size();
        double[] width = new double[n];
        for (int k = 0; k < n; k++) {
            width[k] = grid.widthErg(k);
        }
        double[] out = new double[n];
        if (edotEdge == null && wEdge == null) {
            for (int k = 0; k < n; k++) {
                if (!(lambda[k] > 0)) {
                    throw new ModelException(what + ": no escape or loss at E = " + grid.ekGeV(k)
                            + " GeV/n (removal rate " + lambda[k] + " s^-1); the steady state does not exist");
                }
                out[k] = source[k] / lambda[k];
            }
            return check(what, grid, out);
        }
        RealMatrix a = new Array2DRowRealMatrix(n, n);
        RealVector b = new ArrayRealVector(n);
        for (int k = 0; k < n; k++) {
            a.addToEntry(k, k, lambda[k] * width[k]);
            b.setEntry(k, source[k] * width[k]);
        }
        if (edotEdge != null) {
            // |Ė| growing with E at the top (synchrotron, IC): both edges of the top cell take the loss-dominated
            // steady state N ∝ E^−(s+1) through the cell centre, s the local slope of the source. Ė N_top at the top
            // edge (the default) would make the top cell gain more than it loses when the losses are fast.
            double topSlope = Double.NaN;
            if (n >= 2 && edotEdge[n] < edotEdge[n - 1] && source[n - 1] > 0 && source[n - 2] > 0) {
                double sl = Math.log(source[n - 2] / source[n - 1]) / Math.log(grid.ekErg(n - 1) / grid.ekErg(n - 2));
                topSlope = sl > 0 ? sl : Double.NaN;
            }
            for (int e = 0; e <= n; e++) {
                double ed = edotEdge[e];
                if (ed > 0 || !Double.isFinite(ed)) {
                    throw new ModelException(what + ": continuous loss rate must be finite and ≤ 0, got " + ed
                            + " erg/s at edge " + e);
                }
                if (ed == 0) {
                    continue;
                }
                // upwind value at edge e (between cells e−1 and e) from the cells above it
                int up = Math.min(e, n - 1);
                boolean second = e <= n - 2;
                if (!Double.isNaN(topSlope) && e >= n - 1) {
                    ed *= Math.pow(grid.ekErg(n - 1) / grid.edgeErg(e), topSlope + 1);
                    second = false;
                }
                // J_e enters row e−1 with + and row e with −
                if (e - 1 >= 0) {
                    addFlux(a, e - 1, +1, ed, up, second);
                }
                if (e <= n - 1) {
                    addFlux(a, e, -1, ed, up, second);
                }
            }
        }
        if (wEdge != null) {
            for (int e = 1; e <= n - 1; e++) {
                double w = wEdge[e];
                if (!(w >= 0) || Double.isInfinite(w)) {
                    throw new ModelException(what + ": momentum diffusion coefficient must be finite and ≥ 0, got " + w
                            + " at E = " + grid.edgeErg(e) / (grid.ekErg(0) / grid.ekGeV(0)) + " GeV/n");
                }
                double c = w / (grid.ekErg(e) - grid.ekErg(e - 1));
                // J_e = −c (g_e N_e − g_{e−1} N_{e−1})
                a.addToEntry(e - 1, e, -c * g[e]);
                a.addToEntry(e - 1, e - 1, +c * g[e - 1]);
                a.addToEntry(e, e, +c * g[e]);
                a.addToEntry(e, e - 1, -c * g[e - 1]);
            }
        }
        // equilibrate: every row scaled to a largest entry of 1 (the raw entries are ~λΔE ~ 1e-20)
        for (int r = 0; r < n; r++) {
            double m = 0;
            for (int c = Math.max(0, r - 1); c <= Math.min(n - 1, r + 2); c++) {
                m = Math.max(m, Math.abs(a.getEntry(r, c)));
            }
            if (!(m > 0)) {
                throw new ModelException(what + ": no escape, destruction or energy flux at E = " + grid.ekGeV(r)
                        + " GeV/n; the steady state does not exist");
            }
            for (int c = Math.max(0, r - 1); c <= Math.min(n - 1, r + 2); c++) {
                a.setEntry(r, c, a.getEntry(r, c) / m);
            }
            b.setEntry(r, b.getEntry(r) / m);
        }
        double[] x = solveBanded(a.getData(), b.toArray(), what);
        System.arraycopy(x, 0, out, 0, n);
        return check(what, grid, out);
    }

    /**
     * Gaussian elimination with partial pivoting for the band of the energy equation (one
     * sub-diagonal, two super-diagonals; pivoting widens the upper band to three): O(n) instead of
     * the O(n³) of a dense LU, which dominated a warm flat-halo run (fits and scans repeat it).
     */
    static double[] solveBanded(double[][] a, double[] b, String what) {
        int n = b.length;
        final int kl = 1;
        final int ku = 2;
        for (int k = 0; k < n; k++) {
            int last = Math.min(n - 1, k + kl);
            int p = k;
            for (int r = k + 1; r <= last; r++) {
                if (Math.abs(a[r][k]) > Math.abs(a[p][k])) {
                    p = r;
                }
            }
            if (!(Math.abs(a[p][k]) > 1e-14)) {
                throw new ModelException(what + ": the energy equation is singular (no escape or destruction at some energy)");
            }
            int cols = Math.min(n - 1, k + ku + kl);
            if (p != k) {
                double[] t = a[p];
                a[p] = a[k];
                a[k] = t;
                double tb = b[p];
                b[p] = b[k];
                b[k] = tb;
            }
            for (int r = k + 1; r <= last; r++) {
                double f = a[r][k] / a[k][k];
                if (f == 0) {
                    continue;
                }
                a[r][k] = 0;
                for (int c = k + 1; c <= cols; c++) {
                    a[r][c] -= f * a[k][c];
                }
                b[r] -= f * b[k];
            }
        }
        double[] x = new double[n];
        for (int k = n - 1; k >= 0; k--) {
            double sum = b[k];
            for (int c = k + 1; c <= Math.min(n - 1, k + ku + kl); c++) {
                sum -= a[k][c] * x[c];
            }
            x[k] = sum / a[k][k];
        }
        return x;
    }

    private static void addFlux(RealMatrix a, int row, int sign, double edot, int up, boolean second) {
        if (second) {
            a.addToEntry(row, up, sign * edot * 1.5);
            a.addToEntry(row, up + 1, sign * edot * -0.5);
        } else {
            a.addToEntry(row, up, sign * edot);
        }
    }

    private static double[] check(String what, EnergyGrid grid, double[] n) {
        double max = 0;
        for (double v : n) {
            if (!Double.isFinite(v)) {
                throw new ModelException(what + ": the energy solver produced a non-finite density");
            }
            max = Math.max(max, Math.abs(v));
        }
        for (int k = 0; k < n.length; k++) {
            if (n[k] < 0) {
                if (n[k] < -1e-9 * max) {
                    throw new ModelException(what + ": negative density " + n[k] + " at E = " + grid.ekGeV(k)
                            + " GeV/n; refine the energy grid (steep spectrum or strong losses)");
                }
                n[k] = 0;
            }
        }
        return n;
    }
}
