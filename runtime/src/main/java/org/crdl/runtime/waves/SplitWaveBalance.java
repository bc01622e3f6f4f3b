package org.crdl.runtime.waves;

import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.crdl.runtime.particles.Resonance;
import org.crdl.runtime.plasma.ModelException;
import org.crdl.runtime.plasma.PhaseState;
import org.crdl.runtime.plasma.PlasmaQuantity;
import org.crdl.runtime.units.Constants;

/**
 * Forward and backward waves e± in local steady state, hopkins2022 App. B (eqs. B3–B5):
 * <pre>
 *   4 s_et = x̄[2(γ_L + h̃) + γ_NL x̄] − g̃²[2(γ_L + h̃) + γ_NL x̄] / (x̄ (γ_L + γ_NL x̄)²)          (B5)
 *   x̄ = (e₊ + e₋)/e_B,  x₊ − x₋ = −g̃/(γ_L + γ_NL x̄),  v̄_A/v_A,eff = (x₊ − x₋)/x̄
 * </pre>
 * with ω = (π ν̂_s/4) Ω (T3 reading), γ_L = Γ_L/ω, γ_NL = Γ_NL/ω, s_et = S_et/(2 ω e_B) for
 * the summed external driving S_et = S_et,+ + S_et,−, g̃ = S_sc⁰/(ω e_B) with S_sc⁰ = |v_A ∇·ℙ'|
 * (the flux-steady self-confinement source), and h̃ = (v_A,eff/c)² (e'_cr + P'_cr)/e_B (χ = 1/3).
 *
 * The block's laws are classified at the bound state: a source that scales with the CR state
 * is self-confinement driving (g̃), a source independent of e is external (s_et), a source ∝ e
 * is a linear growth rate (subtracted from Γ_L); a damping independent of e is linear (Γ_L),
 * one ∝ e is non-linear (Γ_NL = Γ e_B/e). Anything else is an error. The physical root has
 * x± ≥ 0; it is bracketed in ln x̄ and polished with Brent's method.
 */
public final class SplitWaveBalance {
    private static final double SAME = 1e-9;

    private SplitWaveBalance() {
    }

    /** The dimensionless inputs of (B5). */
    public record Inputs(double gammaL, double gammaNL, double sEt, double gTilde, double hTilde) {
    }

    /** Physical solution of (B5): x̄ and the signed streaming speed v̄_A/v_A,eff. */
    public record Roots(double xBar, double streaming) {
    }

    static WaveBalance.Solution solve(ScatteringModel m, PhaseState phase, Resonance res, CrState cr) {
        String where = WaveBalance.where(m, phase, res);
        double eB = PlasmaQuantity.E_B.of(phase, res);
        double omega = Math.PI / 4 * m.info().nuHat() * res.gyrofrequency();
        double vA = PlasmaQuantity.V_A_EFF.of(phase, res);
        Inputs in = classify(m, phase, res, cr, eB, omega, vA, where);
        Roots r = roots(in, where);
        m.bind(phase, res, cr);
        if (r.xBar() == 0) {
            return new WaveBalance.Solution(res, 0.0, 0.0, 0.0, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
                    WaveBalance.Regime.FREE_STREAMING, "no positive equilibrium: nothing drives the waves", m.terms(0.0),
                    0.0);
        }
        double e = r.xBar() * eB;
        double nu = omega * r.xBar();
        double v = res.speed();
        return new WaveBalance.Solution(res, e, r.xBar(), nu, v * v / (3 * nu), v * v / (9 * nu),
                WaveBalance.Regime.BALANCED, "split waves (hopkins2022 App. B)", m.terms(e), r.streaming());
    }

    /** Sort the laws into the terms of (B2) by how they respond to e and to the CR state. */
    static Inputs classify(ScatteringModel m, PhaseState phase, Resonance res, CrState cr, double eB, double omega,
                           double vA, String where) {
        ScatteringInfo info = m.info();
        int ns = info.sources().size();
        double e1 = 1e-7 * eB;
        m.bind(phase, res, scaled(cr, 2.0));
        double[] crDoubled = m.terms(e1);
        m.bind(phase, res, cr);
        double[] at1 = m.terms(e1);
        double[] at2 = m.terms(2 * e1);
        double gammaL = 0;
        double gammaNL = 0;
        double sEt = 0;
        double sSc = 0;
        for (int i = 0; i < at1.length; i++) {
            String law = (i < ns ? "source " + info.sources().get(i) : "damping " + info.dampings().get(i - ns));
            double eRatio = at2[i] / at1[i];
            boolean constant = at1[i] == 0 || close(eRatio, 1);
            boolean linear = !constant && close(eRatio, 2);
            if (!constant && !linear) {
                throw new ModelException(where + ": waves split needs laws that are independent of e or linear in e"
                        + " (hopkins2022 App. B); " + law + " scales as e^" + String.format("%.3g", Math.log(eRatio) / Math.log(2)));
            }
            if (i < ns) {
                boolean selfConfinement = at1[i] != 0 && close(crDoubled[i] / at1[i], 2);
                if (linear) {
                    gammaL -= at1[i] / e1;
                } else if (selfConfinement) {
                    sSc += at1[i];
                } else {
                    sEt += at1[i];
                }
            } else if (constant) {
                gammaL += at1[i];
            } else {
                gammaNL += at1[i] * eB / e1;
            }
        }
        double hTilde = 0;
        if (hasCr(cr)) {
            hTilde = (vA / Constants.C) * (vA / Constants.C) * (cr.eCr() + cr.pCr()) / eB;
        }
        return new Inputs(gammaL / omega, gammaNL / omega, sEt / (2 * omega * eB), sSc / (omega * eB), hTilde);
    }

    private static boolean close(double ratio, double want) {
        return Math.abs(ratio - want) <= SAME * want;
    }

    private static boolean hasCr(CrState cr) {
        try {
            cr.eCr();
            cr.pCr();
            return true;
        } catch (ModelException e) {
            return false;
        }
    }

    private static CrState scaled(CrState cr, double f) {
        if (!hasCr(cr)) {
            return cr;
        }
        double ell;
        try {
            ell = cr.ellGrad();
        } catch (ModelException e) {
            ell = Double.NaN;
        }
        return new CrState("scaled CR state", cr.eCr() * f, cr.pCr() * f, ell);
    }

    /** The physical root of (B5), with x± ≥ 0. */
    public static Roots roots(Inputs in, String where) {
        double a = in.gammaL() + in.hTilde();
        double gL = in.gammaL();
        double gNL = in.gammaNL();
        double g = Math.abs(in.gTilde());
        if (in.sEt() == 0 && g == 0) {
            // no external or self-confinement drive: (B5) reduces to x̄ (2a + γ_NL x̄) = 0
            if (a >= 0) {
                return new Roots(0, 0);    // the waves decay: free streaming
            }
            if (gNL > 0) {
                return new Roots(-2 * a / gNL, 0);    // net linear growth saturated by the non-linear damping
            }
            throw new ModelException(where + ": unbounded wave growth: the linear sources exceed the linear damping"
                    + " and no non-linear damping saturates the waves");
        }
        // lower end: x̄(γ_L + γ_NL x̄) = g̃ is where x₊ = 0; below it x± < 0 is unphysical
        double lower;
        if (g == 0) {
            lower = 0;
        } else if (gNL > 0) {
            double root = Math.sqrt(gL * gL + 4 * gNL * g);
            // the cancellation-free form of the positive root for γ_L > 0 (4 γ_NL g̃ << γ_L² loses digits otherwise)
            lower = gL > 0 ? 2 * g / (gL + root) : (-gL + root) / (2 * gNL);
        } else if (gL > 0) {
            lower = g / gL;
        } else {
            throw new ModelException(where + ": unbounded wave growth: no damping that saturates the waves");
        }
        UnivariateFunction f = lnX -> residual(Math.exp(lnX), in, a);
        double lo = lower > 0 ? Math.log(lower) + 1e-12 : Math.log(Math.max(in.sEt(), 1e-300)) - 200;
        double fLo = f.value(lo);
        double x;
        if (lower > 0 && fLo >= 0) {
            // s_et ≈ 0: the root is the lower end itself, the SC limit x̄(γ_L + γ_NL x̄) = g̃ (one wave branch)
            x = lower;
        } else {
            double hi = lo;
            double fHi = fLo;
            for (int i = 0; i < 2000 && !(fHi > 0); i++) {
                hi += 0.5;
                fHi = f.value(hi);
            }
            if (!(fHi > 0)) {
                throw new ModelException(where + ": unbounded wave growth: the split-wave balance has no root");
            }
            x = Math.exp(new BrentSolver(1e-14, 1e-13).solve(500, f, lo, hi));
        }
        double d = -in.gTilde() / (gL + gNL * x);
        return new Roots(x, Math.max(-1, Math.min(1, d / x)) + 0.0);    // + 0.0: no "-0" when g̃ = 0
    }

    /** (B5) rearranged to F(x̄) = 0 and divided by the size of its terms (scale-free sign). */
    static double residual(double x, Inputs in, double a) {
        double damping = in.gammaL() + in.gammaNL() * x;
        double t1 = x * (2 * a + in.gammaNL() * x);
        double t2 = in.gTilde() * in.gTilde() * (2 * a + in.gammaNL() * x) / (x * damping * damping);
        double t3 = 4 * in.sEt();
        double scale = Math.abs(t1) + Math.abs(t2) + Math.abs(t3);
        return scale == 0 ? 0 : (t1 - t2 - t3) / scale;
    }
}
