package org.crdl.runtime.transport.evolve;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.crdl.runtime.particles.Resonance;
import org.crdl.runtime.particles.Species;
import org.crdl.runtime.plasma.ModelException;
import org.crdl.runtime.plasma.PhaseState;
import org.crdl.runtime.units.Constants;

/**
 * Time-dependent, self-consistent CR transport in a vertical slab (CRDL {@code transport evolve};
 * hopkins2022 App. A, L828–L888; digest §3.1, §8.1–8.3). The scattering rate is not given: at every
 * step and cell face the compiled {@code scattering} block of the region is bound with the CR state
 * of the solution and its wave balance is solved, so that ν̄_s depends on e'_cr and its gradient —
 * the feedback that makes self-confinement (SC) unstable.
 *
 * <p><b>Equation</b> (protons, per rigidity R, z ≥ 0, mirror-symmetric; no momentum coupling):
 * <pre>
 *   ∂_t e' = −∂_z F + q(R) [|z| &lt; h],   F = −κ_eff ∂_z e' + v_st e',   ∂_z e'(0) = 0,  e'(H) = 0
 * </pre>
 * e' = e'_cr = de_cr/d ln p [erg cm⁻³] (P' = β²e'/3, L84); q the disk injection; κ = v²/(9ν̄_s)
 * (tangled field, as flat_halo; {@code field = vertical}: v²/(3ν̄_s), as layers); v_st = v_A,eff
 * directed down the CR gradient, v_st = −v_A tanh(ℓ_reg ∂_z e'/e') with ℓ_reg = 10 H: the sign switch is
 * smoothed only on CR plateaus (gradient scales beyond 10 H), so wherever e' falls towards the free-escape
 * boundary the streaming runs at the full v_A,eff; F_st = v_st e'_up is upwinded,
 * in regions with streaming on (the layers self-confined mode, App. A1
 * v̄_A → −v_A,eff sign ∂e'), zero elsewhere. The streaming-loss and adiabatic momentum terms are
 * dropped, as in layers (kempski2022 L53–L61).
 *
 * <p><b>Feedback.</b> At each face the block sees e_cr = the face average of e', P_cr = β²e_cr/3 and
 * ell_grad = e'/|∂_z e'| + D/v (κ_eff is also capped at v H; {@code flux_limit = off} drops the
 * limiter and the D/v term: pure diffusion, as flat_halo). The D/v term (≈ the mean free path) is a flux limiter: CRs cannot
 * carry more than v e' (F = κ|∂e'|/(1 + κ|∂e'|/(v e'))), and the SC drive v_A|∇P'| of the
 * local-flux form (L195) then equals ν̄_s v_A F'/c² with that limited flux, i.e. the non-steady
 * S_sc of Eq. 9 (L171, footnote 7 L201). When the waves are weak and CRs stream freely, the drive
 * falls ∝ e'_cr: the low-start collapse of L434 ("too low … CRs escape more rapidly, further
 * lowering e'_cr"). D is taken from the previous Picard iterate; at convergence it is consistent.
 *
 * <p><b>Numerics.</b> Finite volumes in z: {@code cells} cells, a quarter of them (at least 4)
 * uniform in the disk, the rest uniform in the halo. Backward Euler in time; the κ(e') nonlinearity by
 * Picard iteration, the streaming switch by a Newton linearisation in the gradient (F_st ≈ v_st e'_up
 * − B(∂e' − ∂e'₀), B = v_A ℓ_reg sech²x e'_up/e'_face: near the switch the stiff dependence on ∂e' is an
 * implicit diffusion, so a plateau does not make the frozen velocity flip between iterates — with the
 * frozen velocity alone the step collapsed). The linear system is tridiagonal and an M-matrix (diffusion
 * centred, streaming upwind; the lagged Newton constant may still drive e' negative, which rejects the
 * step). Picard stops when the
 * largest relative change of e' is below 2 % of the previous step's change (at most 10⁻³, at least
 * min(10⁻⁴, tolerance/10)); a step that does not converge in 12 iterates is retried with half the step; Δt then adapts to a 50 % largest relative change per
 * step (factor 0.5–2). Steady state: the largest relative change of e' over the window (100 Myr
 * unless set), estimated from the last step, is below the tolerance; or t_max is reached.
 * Convergence (measured, {@code SelfConsistentSlabTest}, {@code EvolveStabilityTest}): with constant
 * ν̄_s and {@code flux_limit = off} the steady state is the exact linear profile e'(z) = q h (H − z)/D
 * above the disk at 16 and 64 cells (finite volumes are exact for it; test 10⁻⁵, the steady tolerance),
 * and the effective D and the network's proton flux equal flat_halo's to 10⁻³. With the limiter on,
 * the mean free path D/v shortens the flux near the top by D/(v(H − z)): 2.6×10⁻³ in the mid-plane e'
 * at 10 GV for ν̄_s = 10⁻⁹ β R^−0.6 (H = 8 kpc). The time accuracy is that of backward Euler with
 * steps of ≤ 50 % change (first order; not measured separately — the outcomes tested are attractors
 * and steady states, which do not depend on it).
 *
 * <p>Failures (no wave root, Δt collapse, negative e') are {@link ModelException}s naming the model,
 * region and phase, z, R and t. Nothing NaN is ever returned.
 */
public final class SelfConsistentSlab {
    private static final double TARGET_CHANGE = 0.5;
    private static final int MAX_PICARD = 12;
    private static final double SIGNIFICANT = 1e-3;
    /** the streaming sign switch is smoothed over gradient scales e'/|∂e'| of this many H */
    private static final double STREAMING_SCALE = 10;

    private final EvolveSetup setup;
    private final int nz;
    private final int nr;
    private final double[] faces;
    private final double[] centres;
    private final double[] widths;
    private final int diskCells;
    private final double[] speed;
    private final Resonance[] resonances;

    public SelfConsistentSlab(EvolveSetup setup) {
        this.setup = setup;
        this.nz = setup.cells();
        this.nr = setup.rigiditiesGV().length;
        this.diskCells = Math.max(4, nz / 4);
        double h = setup.diskHeight();
        double hh = setup.haloHeight();
        this.faces = new double[nz + 1];
        for (int i = 0; i <= nz; i++) {
            faces[i] = i <= diskCells ? h * i / diskCells : h + (hh - h) * (i - diskCells) / (nz - diskCells);
        }
        this.centres = new double[nz];
        this.widths = new double[nz];
        for (int i = 0; i < nz; i++) {
            centres[i] = (faces[i] + faces[i + 1]) / 2;
            widths[i] = faces[i + 1] - faces[i];
        }
        this.speed = new double[nr];
        this.resonances = new Resonance[nr];
        for (int k = 0; k < nr; k++) {
            double r = setup.rigiditiesGV()[k];
            if (!(r > 0) || Double.isInfinite(r)) {
                throw new ModelException("transport evolve: rigidities must be positive and finite, got " + r + " GV");
            }
            resonances[k] = Resonance.of(Species.proton(), r * Constants.GV, Double.NaN);
            speed[k] = resonances[k].speed();
        }
    }

    public EvolveSetup setup() {
        return setup;
    }

    /** cell centres [cm] */
    public double[] centres() {
        return centres.clone();
    }

    /** cell faces [cm], 0 … H */
    public double[] faces() {
        return faces.clone();
    }

    /** One accepted step, for progress reports. */
    public record StepReport(String start, double tMyr, int step, double dtMyr, double change, double rigidityGV,
                             double zKpc) {
    }

    /**
     * Evolve from {@code start} until steady state or t_max, reporting every accepted step. The
     * rigidity columns are independent (no momentum coupling), so each is stepped with its own Δt:
     * a stiff event at one rigidity does not slow the others. The history is sampled at common times
     * (0 and 20 per decade from 10⁻³ Myr), interpolated linearly between a column's steps; a column
     * that is steady keeps its final value.
     */
    public Evolution evolve(Start start, Consumer<StepReport> progress) {
        FaceScattering[][] fs = faceScattering();
        double[][] e = new double[nr][nz];
        double[][] kappa = new double[nr][nz];
        double[][] vst = new double[nr][nz];
        double[][] nu = new double[nr][nz];
        double[] growth = new double[nr];
        double[] tEnd = new double[nr];
        boolean allSteady = true;
        int steps = 0;
        double lastChange = 0;
        List<double[]> sampleTimes = new ArrayList<>();
        List<double[][]> columns = new ArrayList<>();
        for (int k = 0; k < nr; k++) {
            double e0 = start.midplaneSpectrum().applyAsDouble(setup.rigiditiesGV()[k]);
            if (!(e0 > 0) || Double.isInfinite(e0)) {
                throw new ModelException("model " + setup.model() + ": the " + start.label() + " start has e_cr = " + e0
                        + " erg cm^-3 at R = " + setup.rigiditiesGV()[k] + " GV; it must be positive and finite");
            }
            for (int i = 0; i < nz; i++) {
                e[k][i] = e0 * Math.min(1, (setup.haloHeight() - centres[i]) / (setup.haloHeight() - setup.diskHeight()));
            }
            Column c = evolveColumn(k, start, fs[k], e[k], kappa[k], vst[k], nu[k], progress);
            e[k] = c.state;
            growth[k] = c.growth;
            tEnd[k] = c.tEnd;
            allSteady &= c.steady;
            steps += c.steps;
            lastChange = Math.max(lastChange, c.lastChange);
            sampleTimes.add(c.times.stream().mapToDouble(Double::doubleValue).toArray());
            columns.add(c.samples.toArray(new double[0][]));
        }
        double end = 0;
        for (double t : tEnd) {
            end = Math.max(end, t);
        }
        List<Evolution.Snapshot> history = history(end, sampleTimes, columns);
        double[] haloAlfven = new double[nr];
        EvolveRegion halo = setup.regions().get(setup.regions().size() - 1);
        if (halo.streaming()) {
            for (int k = 0; k < nr; k++) {
                haloAlfven[k] = fs[k][diskCells + (nz - diskCells) / 2].alfvenSpeed();
            }
        }
        return new Evolution(start, setup, centres.clone(), faces.clone(), diskCells, history, e, nu, kappa, vst, speed,
                haloAlfven, allSteady, end, steps, lastChange, growth);
    }

    /** What one column's evolution produced. */
    private static final class Column {
        double[] state;
        double growth;
        double tEnd;
        boolean steady;
        int steps;
        double lastChange;
        final List<Double> times = new ArrayList<>();
        /** per accepted step: e' at the mid-plane cell, then at each region's middle cell */
        final List<double[]> samples = new ArrayList<>();
    }

    private Column evolveColumn(int k, Start start, FaceScattering[] fs, double[] init, double[] kappa, double[] vst,
                                double[] nu, Consumer<StepReport> progress) {
        double gv = setup.rigiditiesGV()[k];
        double[] lagD = new double[nz];
        java.util.Arrays.fill(lagD, Double.NaN);
        Linearised st = new Linearised(nz);
        double[] e = init.clone();
        Column col = new Column();
        col.times.add(0.0);
        col.samples.add(sample(e));
        double t = 0;
        double dt = 1e-3 * Constants.MYR;
        double dtMin = Math.min(1e-9 * setup.tMax(), Constants.YR);
        double lastChange = Double.NaN;
        double picardFloor = Math.min(1e-4, setup.tolerance() / 10);
        while (t < setup.tMax() * (1 - 1e-12)) {
            double step = Math.min(dt, setup.tMax() - t);
            for (FaceScattering f : fs) {
                f.beginStep();
            }
            double[] it = e.clone();
            // Picard accuracy: a small fraction of the last step's change, never looser than 1e-3
            double picardTol = Double.isNaN(lastChange) ? picardFloor
                    : Math.max(picardFloor, Math.min(1e-3, 0.02 * lastChange));
            boolean converged = false;
            String trouble = "";
            for (int p = 0; p < MAX_PICARD; p++) {
                coefficients(k, fs, it, lagD, kappa, vst, st, nu, step, t);
                double[] next = solveColumn(k, e, kappa, vst, st, step);
                int[] where = new int[1];
                double change = maxRelativeChange(it, next, where);
                it = next;
                if (Double.isNaN(change)) {
                    trouble = "negative or undefined e_cr at z = " + kpc(centres[where[0]]) + " kpc, R = " + gv + " GV";
                    break;
                }
                trouble = "Picard iteration not converging (relative change " + String.format("%.2g", change)
                        + " at z = " + kpc(centres[where[0]]) + " kpc, R = " + gv + " GV)";
                if (change < picardTol) {
                    converged = true;
                    break;
                }
            }
            if (!converged) {
                for (FaceScattering f : fs) {
                    f.rejectStep();
                }
                dt = step / 2;
                if (dt < dtMin) {
                    throw new ModelException("model " + setup.model() + ", " + start.label() + " start: time step collapsed "
                            + "below " + String.format("%.3g", dtMin / Constants.YR) + " yr at t = "
                            + String.format("%.6g", t / Constants.MYR) + " Myr: " + trouble);
                }
                continue;
            }
            int[] where = new int[1];
            double change = maxRelativeChange(e, it, where);
            double before = integral(e);
            double after = integral(it);
            col.growth = after > 0 ? (after - before) / (after * step) : 0;
            e = it;
            t += step;
            col.steps++;
            lastChange = change;
            col.times.add(t);
            col.samples.add(sample(e));
            progress.accept(new StepReport(start.label(), t / Constants.MYR, col.steps, step / Constants.MYR, change, gv,
                    centres[where[0]] / Constants.KPC));
            double overWindow = change * Math.max(1, setup.window() / step);
            if (col.steps >= 3 && overWindow < setup.tolerance()) {
                col.steady = true;
                break;
            }
            if (col.steps > 1_000_000) {
                throw new ModelException("model " + setup.model() + ": more than 10^6 steps at R = " + gv + " GV before t = "
                        + t / Constants.MYR + " Myr");
            }
            dt = step * Math.max(0.5, Math.min(2.0, TARGET_CHANGE / Math.max(change, 1e-300)));
        }
        coefficients(k, fs, e, lagD, kappa, vst, st, nu, Double.POSITIVE_INFINITY, t);
        col.state = e;
        col.tEnd = t;
        col.lastChange = Double.isNaN(lastChange) ? 0 : lastChange;
        return col;
    }

    /** e' at the mid-plane cell and at each region's middle cell */
    private double[] sample(double[] e) {
        List<EvolveRegion> regions = setup.regions();
        double[] out = new double[regions.size() + 1];
        out[0] = e[0];
        double bottom = 0;
        for (int j = 0; j < regions.size(); j++) {
            out[j + 1] = e[cellAt((bottom + regions.get(j).zTop()) / 2)];
            bottom = regions.get(j).zTop();
        }
        return out;
    }

    /** the columns sampled at 0, 20 times per decade from 10⁻³ Myr, and the end time */
    private List<Evolution.Snapshot> history(double end, List<double[]> times, List<double[][]> samples) {
        List<Double> grid = new ArrayList<>();
        grid.add(0.0);
        for (double t = 1e-3 * Constants.MYR; t < end * (1 - 1e-9); t *= Math.pow(10, 0.05)) {
            grid.add(t);
        }
        if (end > 0) {
            grid.add(end);
        }
        int regions = setup.regions().size();
        List<Evolution.Snapshot> out = new ArrayList<>();
        for (double t : grid) {
            double[] mid = new double[nr];
            double[][] middles = new double[regions][nr];
            for (int k = 0; k < nr; k++) {
                double[] v = interpolateAt(times.get(k), samples.get(k), t);
                mid[k] = v[0];
                for (int j = 0; j < regions; j++) {
                    middles[j][k] = v[j + 1];
                }
            }
            out.add(new Evolution.Snapshot(t / Constants.MYR, mid, middles));
        }
        return out;
    }

    private static double[] interpolateAt(double[] times, double[][] values, double t) {
        int n = times.length;
        if (t >= times[n - 1]) {
            return values[n - 1];
        }
        int i = java.util.Arrays.binarySearch(times, t);
        if (i >= 0) {
            return values[i];
        }
        int hi = -i - 1;
        int lo = hi - 1;
        double w = (t - times[lo]) / (times[hi] - times[lo]);
        double[] out = new double[values[lo].length];
        for (int j = 0; j < out.length; j++) {
            out[j] = values[lo][j] + w * (values[hi][j] - values[lo][j]);
        }
        return out;
    }

    // ---------------------------------------------------------------- coefficients

    private FaceScattering[][] faceScattering() {
        FaceScattering[][] out = new FaceScattering[nr][nz];
        List<EvolveRegion> regions = setup.regions();
        PhaseState[][] phases = new PhaseState[regions.size()][nr];
        Resonance[][] res = new Resonance[regions.size()][nr];
        for (int j = 0; j < regions.size(); j++) {
            for (int k = 0; k < nr; k++) {
                double r = setup.rigiditiesGV()[k] * Constants.GV;
                phases[j][k] = regions.get(j).phase().at(Species.proton(), r);
                res[j][k] = Resonance.of(Species.proton(), r, phases[j][k].fieldOr("B", Double.NaN));
            }
        }
        for (int f = 0; f < nz; f++) {
            int j = regionOfFace(f);
            EvolveRegion region = regions.get(j);
            for (int k = 0; k < nr; k++) {
                out[k][f] = new FaceScattering(region.scattering(), phases[j][k], res[j][k], region.name(), faces[f + 1]);
            }
        }
        return out;
    }

    /** the region holding face f + 1/2 (the top face of cell f); a face on a boundary belongs to the region above */
    int regionOfFace(int f) {
        double z = faces[f + 1];
        List<EvolveRegion> regions = setup.regions();
        for (int j = 0; j < regions.size(); j++) {
            if (z < regions.get(j).zTop() * (1 - 1e-12)) {
                return j;
            }
        }
        return regions.size() - 1;
    }

    /**
     * κ_eff and the signed streaming speed at every top face f + 1/2 from the state {@code e};
     * {@code dt} = ∞ for the local wave balance (or the final diagnostics).
     */
    private void coefficients(int k, FaceScattering[] fs, double[] e, double[] lagD, double[] kappa,
                              double[] vst, Linearised st, double[] nu, double dt, double t) {
        double waveDt = setup.waves() == EvolveSetup.WaveMode.ODE ? dt : Double.POSITIVE_INFINITY;
        {
            double v = speed[k];
            double beta = resonances[k].beta();
            for (int f = 0; f < nz; f++) {
                double eFace;
                double grad;
                if (f == nz - 1) {
                    eFace = e[f] / 2;
                    grad = -e[f] / (setup.haloHeight() - centres[f]);
                } else {
                    double w = (faces[f + 1] - centres[f]) / (centres[f + 1] - centres[f]);
                    eFace = e[f] + w * (e[f + 1] - e[f]);
                    grad = (e[f + 1] - e[f]) / (centres[f + 1] - centres[f]);
                }
                double g = Math.abs(grad);
                double ell = g > 0 ? eFace / g : Double.MAX_VALUE;
                double mfp = Double.isNaN(lagD[f]) || !setup.fluxLimit() ? 0 : lagD[f] / v;
                double ellEff = Math.min(Double.MAX_VALUE, ell + mfp);
                double n;
                try {
                    n = fs[f].nu(eFace, beta * beta * eFace / 3, ellEff, waveDt, setup.model());
                } catch (ModelException ex) {
                    throw new ModelException(ex.getMessage() + ", t = " + String.format("%.6g", t / Constants.MYR) + " Myr");
                }
                double d = n > 0 ? v * v / ((setup.tangled() ? 9 : 3) * n) : Double.POSITIVE_INFINITY;
                lagD[f] = d;
                nu[f] = n;
                // flux limiter: F = D g / (1 + D g/(v e)) <= v e
                // (at the free-escape face with the last cell's e', a Marshak-like outflow F <= v e'_N)
                double limited = Double.isInfinite(d) ? (g > 0 ? v * (f == nz - 1 ? e[f] : eFace) / g : Double.MAX_VALUE)
                        : d / (1 + d * g / (v * Math.max(f == nz - 1 ? e[f] : eFace, Double.MIN_NORMAL)));
                // and never more than free streaming across the slab (a zero gradient carries no flux anyway)
                kappa[f] = Math.min(setup.fluxLimit() ? limited : d, v * setup.haloHeight());
                boolean streams = setup.regions().get(regionOfFace(f)).streaming();
                // down the gradient: F_st = −v_A e' tanh(x), x = ℓ_reg ∂e'/e' (ℓ_reg = STREAMING_SCALE·H: the sign
                // switch is regularised only where the profile is flatter than the slab — a plateau)
                double lreg = STREAMING_SCALE * setup.haloHeight();
                double eSafe = Math.max(eFace, Double.MIN_NORMAL);
                double x = streams ? Math.max(-50, Math.min(50, grad * lreg / eSafe)) : 0;
                double va = streams ? fs[f].alfvenSpeed() : 0;
                vst[f] = -Math.tanh(x) * va;
                // F_st = v_st e'_up (upwind). Linearised about this iterate in the gradient (Newton in ∂e', x's
                // dependence on e'_face lagged): F ≈ v_st e'_up − B (∂e' − ∂e'_0), B = v_A ℓ_reg sech²x e'_up/e'_face ≥ 0,
                // so that near the switch (a plateau, |x| ≲ 1) the stiff dependence on ∂e' is implicit — a diffusion —
                // and the frozen-velocity iterate does not flip; saturated (|x| ≫ 1) it is plain upwind advection
                double eUp = vst[f] >= 0 ? e[f] : (f == nz - 1 ? 0 : e[f + 1]);
                double sech = 1 / Math.cosh(x);
                double b = va * lreg * sech * sech * eUp / eSafe;
                st.diffusion[f] = b;
                st.constant[f] = b * grad;
            }
        }
    }

    // ---------------------------------------------------------------- one implicit step of one column

    /**
     * backward Euler for rigidity k with frozen coefficients: diffusion κ + B centred, streaming at v_st
     * upwind, the streaming constant c on the right; a tridiagonal M-matrix solve (Thomas)
     */
    private double[] solveColumn(int k, double[] old, double[] kappa, double[] vst, Linearised st, double dt) {
        double[] a = new double[nz];
        double[] b = new double[nz];
        double[] c = new double[nz];
        double[] d = new double[nz];
        double q = setup.diskInjection()[k];
        for (int i = 0; i < nz; i++) {
            b[i] = widths[i] / dt;
            d[i] = widths[i] * old[i] / dt + (i < diskCells ? q * widths[i] : 0);
        }
        for (int f = 0; f < nz; f++) {
            double dz = f == nz - 1 ? setup.haloHeight() - centres[f] : centres[f + 1] - centres[f];
            double kk = (kappa[f] + st.diffusion[f]) / dz;
            double up = Math.max(vst[f], 0);     // outward streaming carries e_f (upwind)
            double down = Math.max(-vst[f], 0);  // inward streaming carries e_{f+1}
            d[f] -= st.constant[f];
            if (f < nz - 1) {
                d[f + 1] += st.constant[f];
            }
            b[f] += kk + up;
            if (f < nz - 1) {
                c[f] -= kk + down;
                a[f + 1] -= kk + up;
                b[f + 1] += kk + down;
            }
        }
        double[] x = new double[nz];
        double[] cp = new double[nz];
        double[] dp = new double[nz];
        cp[0] = c[0] / b[0];
        dp[0] = d[0] / b[0];
        for (int i = 1; i < nz; i++) {
            double m = b[i] - a[i] * cp[i - 1];
            cp[i] = c[i] / m;
            dp[i] = (d[i] - a[i] * dp[i - 1]) / m;
        }
        x[nz - 1] = dp[nz - 1];
        for (int i = nz - 2; i >= 0; i--) {
            x[i] = dp[i] - cp[i] * x[i + 1];
        }
        return x;
    }

    /** the gradient part of every face's streaming flux linearised about the iterate: F ≈ v_st e'_up − B ∂e' + c */
    private static final class Linearised {
        final double[] diffusion;
        final double[] constant;

        Linearised(int faces) {
            diffusion = new double[faces];
            constant = new double[faces];
        }
    }

    // ---------------------------------------------------------------- helpers

    /** largest |b − a|/b over cells holding more than 10⁻³ of the column's maximum; NaN if b has a bad value */
    private double maxRelativeChange(double[] a, double[] b, int[] where) {
        double worst = 0;
        double max = 0;
        for (int i = 0; i < nz; i++) {
            if (!(b[i] >= 0) || Double.isInfinite(b[i])) {
                where[0] = i;
                return Double.NaN;
            }
            max = Math.max(max, b[i]);
        }
        for (int i = 0; i < nz; i++) {
            if (b[i] > SIGNIFICANT * max && b[i] > 0) {
                double r = Math.abs(b[i] - a[i]) / b[i];
                if (r > worst) {
                    worst = r;
                    where[0] = i;
                }
            }
        }
        return worst;
    }

    private double integral(double[] col) {
        double s = 0;
        for (int i = 0; i < nz; i++) {
            s += col[i] * widths[i];
        }
        return s;
    }

    /** the cell containing z */
    int cellAt(double z) {
        for (int i = 0; i < nz; i++) {
            if (z < faces[i + 1]) {
                return i;
            }
        }
        return nz - 1;
    }

    private static String kpc(double z) {
        return String.format("%.4g", z / Constants.KPC);
    }
}
