package org.crdl.runtime.waves;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.crdl.runtime.particles.Resonance;
import org.crdl.runtime.plasma.ModelException;
import org.crdl.runtime.plasma.PhaseState;
import org.crdl.runtime.plasma.PlasmaQuantity;

/**
 * The local steady state of the resonant waves (DESIGN §4, hopkins2022 eq. 7 with
 * D_t → 0): solve Σ S_i(e) − Σ Γ_j(e)·e = 0 for e > 0, then
 * ν̄_s = (π/4) ν̂_s Ω e/e_B (eq. 6), κ_∥ = v²/(3ν̄_s), D_xx = κ_∥/3.
 *
 * The balance is scanned on a grid in ln(e/e_B) from 1e-40 to 1e6 and every sign change is
 * polished with Brent's method (Commons Math) on the scale-free residual
 * (S − Γe)/(|S| + |Γe|). Stable roots (residual falling through zero) are physical; with
 * several, the lowest is taken — the state reached from a low start — and the choice is
 * reported. No root, unbounded growth and free streaming are named outcomes, never NaN.
 */
public final class WaveBalance {
    /** Scan range and step in ln(e/e_B). */
    static final double LN_MIN = Math.log(1e-40);
    static final double LN_MAX = Math.log(1e6);
    static final double LN_STEP = 0.5;

    private WaveBalance() {
    }

    /** How the local scattering rate was obtained. */
    public enum Regime {
        /** sources balance damping at a positive wave energy */
        BALANCED("balanced"),
        /** no positive equilibrium: the waves decay, CRs stream freely (ν = 0, κ infinite) */
        FREE_STREAMING("free_streaming"),
        /** ν̄_s given directly by a phenomenological law */
        PHENOMENOLOGICAL("phenomenological");

        public final String label;

        Regime(String label) {
            this.label = label;
        }
    }

    /**
     * The solved state at one (phase, species, rigidity). {@code streaming} is the signed
     * v̄_A/v_A,eff of the split-wave solution (−1: streaming at v_A,eff down the CR gradient,
     * 0: balanced waves); it is 0 for the total-wave and phenomenological solutions.
     */
    public record Solution(Resonance resonance, double e, double eOverEB, double nu, double kappaPar, double dxx,
                           Regime regime, String branch, double[] terms, double streaming) {
        Solution(Resonance resonance, double e, double eOverEB, double nu, double kappaPar, double dxx,
                 Regime regime, String branch, double[] terms) {
            this(resonance, e, eOverEB, nu, kappaPar, dxx, regime, branch, terms, 0.0);
        }
    }

    /** Where a solve happens, for messages: "model m, scattering s, phase p, R = 1 GV (p)". */
    public static String where(ScatteringModel m, PhaseState phase, Resonance res) {
        return "model " + m.info().model() + ", scattering " + m.name() + ", phase " + phase.name() + ", "
                + res;
    }

    /** Bind the model and solve (split-wave blocks go to {@link SplitWaveBalance}). */
    public static Solution solve(ScatteringModel m, PhaseState phase, Resonance res, CrState cr) {
        if ("split".equals(m.info().waveMode()) && !m.info().phenomenological()) {
            return SplitWaveBalance.solve(m, phase, res, cr);
        }
        m.bind(phase, res, cr);
        double nuHat = m.info().nuHat();
        double v = res.speed();
        if (m.info().phenomenological()) {
            double nu = m.nu();
            if (!(nu > 0) || Double.isInfinite(nu)) {
                throw new ModelException(where(m, phase, res) + ": the phenomenological nu is "
                        + (Double.isNaN(nu) ? "undefined (0/0 or a root of a negative number)" : nu + " s^-1")
                        + "; a scattering rate must be positive and finite");
            }
            // the equivalent wave energy (eq. 6 inverted) needs the field; without one it is undefined (NaN)
            double eOverEB = phase.has("B") && res.field() > 0
                    ? nu / (Math.PI / 4 * nuHat * res.gyrofrequency()) : Double.NaN;
            double e = Double.isNaN(eOverEB) ? Double.NaN : eOverEB * PlasmaQuantity.E_B.of(phase, res);
            return new Solution(res, e, eOverEB, nu, v * v / (3 * nu), v * v / (9 * nu),
                    Regime.PHENOMENOLOGICAL, "", new double[0]);
        }
        double eB = PlasmaQuantity.E_B.of(phase, res);
        double omega = res.gyrofrequency();
        UnivariateFunction residual = x -> normalizedResidual(m, eB * Math.exp(x));
        List<double[]> brackets = new ArrayList<>();
        double x0 = LN_MIN;
        double g0 = residual.value(x0);
        boolean allPositive = g0 > 0;
        boolean allNonPositive = g0 <= 0;
        for (double x1 = LN_MIN + LN_STEP; x1 <= LN_MAX + 1e-9; x1 += LN_STEP) {
            double g1 = residual.value(x1);
            if (Double.isNaN(g1)) {
                throw new ModelException(where(m, phase, res) + ": the source or damping is undefined (0/0 or a root of a negative number) at e/e_B = "
                        + String.format("%.3g", Math.exp(x1)));
            }
            allPositive &= g1 > 0;
            allNonPositive &= g1 <= 0;
            if (g0 > 0 && g1 <= 0 || g0 < 0 && g1 >= 0) {
                brackets.add(new double[] {x0, x1, g0 > 0 ? 1 : -1});
            }
            x0 = x1;
            g0 = g1;
        }
        if (allPositive) {
            throw new ModelException(where(m, phase, res) + ": unbounded wave growth: the sources exceed the damping up to"
                    + " e/e_B = 1e6 (a linear source needs a non-linear damping, xi_A > 0, to saturate)");
        }
        List<Double> stable = new ArrayList<>();
        int roots = 0;
        BrentSolver brent = new BrentSolver(1e-14, 1e-13);
        for (double[] b : brackets) {
            roots++;
            double root = residual.value(b[1]) == 0 ? b[1] : brent.solve(200, residual, b[0], b[1]);
            if (b[2] > 0) {
                stable.add(root);
            }
        }
        if (allNonPositive || stable.isEmpty()) {
            double[] terms = requireNonNegative(m, phase, res, m.terms(0.0));
            return new Solution(res, 0.0, 0.0, 0.0, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
                    Regime.FREE_STREAMING, "no positive equilibrium: damping exceeds the sources", terms);
        }
        double x = stable.get(0);
        String branch = stable.size() > 1 ? "lowest of " + stable.size() + " stable equilibria (" + roots + " roots)" : "";
        double e = eB * Math.exp(x);
        double eOverEB = e / eB;
        double nu = Math.PI / 4 * nuHat * omega * eOverEB;
        return new Solution(res, e, eOverEB, nu, v * v / (3 * nu), v * v / (9 * nu), Regime.BALANCED, branch,
                requireNonNegative(m, phase, res, m.terms(e)));
    }

    /**
     * Wave sources and damping rates are rates of energy gain and loss: a negative one (a sign
     * mistake in a law, or a law used outside its range) is an error naming the law and where.
     */
    static double[] requireNonNegative(ScatteringModel m, PhaseState phase, Resonance res, double[] terms) {
        List<String> names = m.info().termNames();
        for (int i = 0; i < terms.length; i++) {
            if (terms[i] < 0 || Double.isNaN(terms[i])) {
                String name = i < names.size() ? names.get(i) : "term " + i;
                String kind = name.startsWith("S.") ? "source law '" + name.substring(2) + "'"
                        : name.startsWith("Gamma.") ? "damping law '" + name.substring(6) + "'" : name;
                throw new ModelException(where(m, phase, res) + ": " + kind + " is " + (Double.isNaN(terms[i])
                        ? "undefined (0/0 or a root of a negative number)" : "negative (" + String.format("%.3g", terms[i]) + ")")
                        + "; wave sources and damping rates must be >= 0");
            }
        }
        return terms;
    }

    /** (S − Γe)/(|S| + |Γe|): the sign of the balance, scale-free so Brent's tolerances mean something. */
    static double normalizedResidual(ScatteringModel m, double e) {
        double s = m.sourceRate(e);
        double q = m.dampingRate(e) * e;
        double scale = Math.abs(s) + Math.abs(q);
        return scale == 0 ? 0.0 : (s - q) / scale;
    }
}
