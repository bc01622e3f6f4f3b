package org.crdl.runtime.waves;

import java.util.ArrayList;
import java.util.List;
import org.crdl.runtime.particles.Resonance;
import org.crdl.runtime.particles.Species;
import org.crdl.runtime.plasma.ModelException;
import org.crdl.runtime.plasma.PhaseModel;
import org.crdl.runtime.plasma.PhaseState;
import org.crdl.runtime.units.Constants;

/**
 * The local scattering rate over a rigidity grid in one phase: the wave balance at each R,
 * then δ_s(R) = −d ln(ν̄_s/β)/d ln R (ν̄_s ∝ β R^−δ_s, hopkins2022 L255) from the solved grid
 * (three-point differences in ln R; with fewer than three rigidities, from two extra solves
 * at R·e^±0.001). δ_s is NaN — and printed as empty — where ν̄_s = 0 (free streaming).
 */
public final class Rates {
    private static final double H = 1e-3;

    private Rates() {
    }

    /** One rigidity of the table. */
    public record Row(double rigidityGV, PhaseState phase, WaveBalance.Solution solution, double deltaS) {
    }

    public static List<Row> compute(ScatteringModel model, PhaseModel phase, Species species, double[] rigiditiesGV) {
        List<Row> rows = new ArrayList<>();
        double[] lnNuOverBeta = new double[rigiditiesGV.length];
        for (int i = 0; i < rigiditiesGV.length; i++) {
            WaveBalance.Solution s = solveAt(model, phase, species, rigiditiesGV[i]);
            rows.add(new Row(rigiditiesGV[i], phase.at(species, rigiditiesGV[i] * Constants.GV), s, Double.NaN));
            lnNuOverBeta[i] = s.nu() > 0 ? Math.log(s.nu() / s.resonance().beta()) : Double.NaN;
        }
        List<Row> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            double delta = rigiditiesGV.length >= 3 ? -gridSlope(rigiditiesGV, lnNuOverBeta, i)
                    : -localSlope(model, phase, species, rigiditiesGV[i]);
            out.add(new Row(r.rigidityGV(), r.phase(), r.solution(), delta));
        }
        return out;
    }

    /** The solution at one rigidity: phase fields at R, resonance in the phase's B, CR state from the phase. */
    public static WaveBalance.Solution solveAt(ScatteringModel model, PhaseModel phase, Species species, double gv) {
        if (!(gv > 0) || Double.isInfinite(gv)) {
            throw new ModelException("rigidities must be positive and finite; got " + gv + " GV");
        }
        PhaseState state = phase.at(species, gv * Constants.GV);
        try {
            Resonance res = Resonance.of(species, gv * Constants.GV, state.fieldOr("B", Double.NaN));
            return WaveBalance.solve(model, state, res, CrState.fromPhase(state, res));
        } catch (ModelException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("model ")) {
                throw e;   // already says where
            }
            throw new ModelException("model " + model.info().model() + ", scattering " + model.name() + ", phase "
                    + state.name() + ", " + species.name() + " at R = " + gv + " GV: " + e.getMessage(), e);
        }
    }

    /** d y/d ln x at point i of a grid (see {@link #gridSlope}); for other packages. */
    public static double slope(double[] x, double[] y, int i) {
        return gridSlope(x, y, i);
    }

    /** d y/d ln x at point i of a (possibly non-uniform) grid: three-point formula inside, two-point at the ends. */
    static double gridSlope(double[] x, double[] y, int i) {
        int n = x.length;
        if (i == 0) {
            return (y[1] - y[0]) / (Math.log(x[1]) - Math.log(x[0]));
        }
        if (i == n - 1) {
            return (y[n - 1] - y[n - 2]) / (Math.log(x[n - 1]) - Math.log(x[n - 2]));
        }
        double h1 = Math.log(x[i]) - Math.log(x[i - 1]);
        double h2 = Math.log(x[i + 1]) - Math.log(x[i]);
        return (h1 * h1 * (y[i + 1] - y[i]) + h2 * h2 * (y[i] - y[i - 1])) / (h1 * h2 * (h1 + h2));
    }

    private static double localSlope(ScatteringModel model, PhaseModel phase, Species species, double gv) {
        WaveBalance.Solution up = solveAt(model, phase, species, gv * Math.exp(H));
        WaveBalance.Solution down = solveAt(model, phase, species, gv * Math.exp(-H));
        if (!(up.nu() > 0) || !(down.nu() > 0)) {
            return Double.NaN;
        }
        return (Math.log(up.nu() / up.resonance().beta()) - Math.log(down.nu() / down.resonance().beta())) / (2 * H);
    }

    /** A log-spaced grid of n rigidities from lo to hi GV (n = 1 gives lo). */
    public static double[] logGrid(double lo, double hi, int n) {
        if (!(lo > 0) || !(hi >= lo) || n < 1) {
            throw new ModelException("a rigidity grid needs 0 < LO <= HI and N >= 1; got " + lo + ":" + hi + ":" + n);
        }
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            g[i] = n == 1 ? lo : lo * Math.pow(hi / lo, (double) i / (n - 1));
        }
        return g;
    }
}
