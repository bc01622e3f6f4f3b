package org.crdl.runtime.transport.evolve;

import java.util.ArrayList;
import java.util.List;
import org.crdl.runtime.units.Constants;

/**
 * The result of one {@link SelfConsistentSlab#evolve}: the history of e'_cr at the mid-plane and
 * at each region's middle, the final profile e'(R, z), ν̄_s and κ_eff at the faces, and what the
 * final state is per rigidity ({@link Attractor}). Per rigidity k, {@code nu[k][f]},
 * {@code kappa[k][f]}, {@code streaming[k][f]} belong to the top face of cell f.
 */
public record Evolution(Start start, EvolveSetup setup, double[] centres, double[] faces, int diskCells,
                        List<Snapshot> history, double[][] finalState, double[][] nu, double[][] kappa,
                        double[][] streaming, double[] speed, double[] haloAlfven, boolean steady, double tEnd,
                        int steps, double lastChange, double[] growthRate) {

    /** e'_cr [erg cm⁻³] per rigidity at the mid-plane (z0) and at the middle of each region, at t [Myr] */
    public record Snapshot(double tMyr, double[] midplane, double[][] regionMiddles) {
    }

    public double[] rigiditiesGV() {
        return setup.rigiditiesGV();
    }

    /** the flux per side [erg cm⁻² s⁻¹ per ln R] through the top face of cell f at rigidity k */
    public double flux(int k, int f) {
        double[] e = finalState[k];
        int n = e.length;
        double dz = f == n - 1 ? setup.haloHeight() - centres[f] : centres[f + 1] - centres[f];
        double next = f == n - 1 ? 0 : e[f + 1];
        double s = streaming[k][f];
        double stream = s >= 0 ? s * e[f] : s * next;
        return kappa[k][f] * (e[f] - next) / dz + stream;
    }

    /** the streaming part of {@link #flux} */
    public double streamingFlux(int k, int f) {
        double s = streaming[k][f];
        int n = finalState[k].length;
        return s >= 0 ? s * finalState[k][f] : s * (f == n - 1 ? 0 : finalState[k][f + 1]);
    }

    /** the injection per side q h [erg cm⁻² s⁻¹ per ln R] */
    public double injectionPerSide(int k) {
        return setup.diskInjection()[k] * setup.diskHeight();
    }

    /** ∫₀^H e' dz per side [erg cm⁻² per ln R], or over [zLo, zHi] */
    public double content(int k, double zLo, double zHi) {
        double s = 0;
        for (int i = 0; i < centres.length; i++) {
            double lo = Math.max(zLo, faces[i]);
            double hi = Math.min(zHi, faces[i + 1]);
            if (hi > lo) {
                s += finalState[k][i] * (hi - lo);
            }
        }
        return s;
    }

    /** time to escape: content / flux through H [Myr]; of a region: its content / flux through H */
    public double residenceMyr(int k, double zLo, double zHi) {
        double f = flux(k, centres.length - 1);
        return f > 0 ? content(k, zLo, zHi) / f / Constants.MYR : Double.NaN;
    }

    /**
     * The constant D that gives the same escape in a flat halo: D_eff = F(h)(H − h)/e'(h), the
     * harmonic mean of D over the halo for pure diffusion in steady state (exact there), the
     * flux-equivalent otherwise (streaming, flux limiting, or a state still evolving).
     */
    public double effectiveDiffusion(int k) {
        int top = diskCells - 1;
        double eh = valueAtDiskTop(k);
        double f = flux(k, top);
        return f > 0 && eh > 0 ? f * (setup.haloHeight() - setup.diskHeight()) / eh : Double.NaN;
    }

    /** e' at z = h, linear between the centres of the cells on either side */
    public double valueAtDiskTop(int k) {
        int i = diskCells - 1;
        double w = (faces[diskCells] - centres[i]) / (centres[i + 1] - centres[i]);
        return finalState[k][i] + w * (finalState[k][i + 1] - finalState[k][i]);
    }

    /** the face-averaged ν̄_s over a region [zLo, zHi] (a face on the lower boundary excluded) */
    public double meanNu(int k, double zLo, double zHi) {
        double s = 0;
        int n = 0;
        for (int f = 0; f < centres.length; f++) {
            double z = faces[f + 1];
            if (z > zLo && z <= zHi * (1 + 1e-12)) {
                s += nu[k][f];
                n++;
            }
        }
        return n == 0 ? Double.NaN : s / n;
    }

    /** what the state is at rigidity k (see {@link Attractor}) */
    public Attractor attractor(int k) {
        int top = centres.length - 1;
        double out = flux(k, top);
        double content = content(k, 0, setup.haloHeight());
        double meanSpeed = content > 0 ? out * setup.haloHeight() / content : Double.POSITIVE_INFINITY;
        if (meanSpeed >= 0.1 * speed[k]) {
            return Attractor.FREE_ESCAPE;
        }
        int mid = diskCells + (centres.length - diskCells) / 2;     // the face in the middle of the halo
        double fm = flux(k, mid);
        boolean streamingDominated = fm > 0 && streamingFlux(k, mid) > 0.5 * fm;
        boolean piling = out < 0.5 * injectionPerSide(k) && growthRate[k] > 0;
        // confined at least as long as streaming alone at v_A,eff would keep CRs in the halo ("10 Gyr", L860)
        boolean overConfined = haloAlfven[k] > 0 && residenceMyr(k, 0, setup.haloHeight()) * Constants.MYR
                >= (setup.haloHeight() - setup.diskHeight()) / haloAlfven[k];
        if (streamingDominated || piling || overConfined) {
            return Attractor.BOTTLENECK;
        }
        return Attractor.DIFFUSIVE;
    }

    /** the attractor reached at most rigidities (ties: free escape, then bottleneck) */
    public Attractor dominantAttractor() {
        int[] count = new int[Attractor.values().length];
        for (int k = 0; k < rigiditiesGV().length; k++) {
            count[attractor(k).ordinal()]++;
        }
        Attractor best = Attractor.FREE_ESCAPE;
        for (Attractor a : Attractor.values()) {
            if (count[a.ordinal()] > count[best.ordinal()]) {
                best = a;
            }
        }
        return best;
    }

    /** e'_cr at the mid-plane at the end, per rigidity */
    public double[] finalMidplane() {
        double[] out = new double[finalState.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = finalState[k][0];
        }
        return out;
    }

    /** the local δ_s = −d ln(ν̄_s/β)/d ln R of the residence time's equivalent: d ln t_res/d ln R (≈ −δ for diffusion) */
    public double[] residenceSlope() {
        double[] r = rigiditiesGV();
        List<Double> out = new ArrayList<>();
        for (int k = 0; k < r.length; k++) {
            int a = Math.max(0, k - 1);
            int b = Math.min(r.length - 1, k + 1);
            double ta = residenceMyr(a, 0, setup.haloHeight());
            double tb = residenceMyr(b, 0, setup.haloHeight());
            out.add(a == b || !(ta > 0) || !(tb > 0) ? Double.NaN : Math.log(tb / ta) / Math.log(r[b] / r[a]));
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
