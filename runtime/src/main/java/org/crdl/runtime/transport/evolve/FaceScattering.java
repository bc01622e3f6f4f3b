package org.crdl.runtime.transport.evolve;

import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.crdl.runtime.particles.Resonance;
import org.crdl.runtime.plasma.ModelException;
import org.crdl.runtime.plasma.PhaseState;
import org.crdl.runtime.plasma.PlasmaQuantity;
import org.crdl.runtime.waves.CrState;
import org.crdl.runtime.waves.ScatteringModel;
import org.crdl.runtime.waves.WaveBalance;

/**
 * The scattering rate at one cell face and rigidity of a {@link SelfConsistentSlab}. Everything
 * that depends only on (phase, R) — the phase fields at R, the resonance, e_B, Ω, v_A,eff — is
 * computed once; at every step and Picard iterate the compiled block is bound with the CR state
 * of the solution and the wave energy is solved for:
 * <ul>
 * <li>local balance S(e) = Γ(e)·e (hopkins2022 L355 default), or</li>
 * <li>the stiff wave ODE de/dt = S − Γe by backward Euler, (e − e_old)/Δt = S(e) − Γ(e)e.</li>
 * </ul>
 * The root is continued from the previous one: the bracket is grown outward in ln(e/e_B) from the
 * last root (steps 0.5, 1, 2, … up to the {@link WaveBalance} range 10⁻⁴⁰–10⁶ e_B), then polished
 * by Brent's method; the first solve of a face is {@link WaveBalance}'s full scan. Following the
 * root continuously is what time evolution means when several stable equilibria exist.
 */
final class FaceScattering {
    private static final double LN_MIN = Math.log(1e-40);
    private static final double LN_MAX = Math.log(1e6);

    private final ScatteringModel model;
    private final PhaseState phase;
    private final Resonance res;
    private final String region;
    private final double z;
    private final double eB;
    private final double nuPerE;
    private final double alfven;
    private final boolean phenomenological;
    private final boolean split;
    private final String origin;
    private final BrentSolver brent = new BrentSolver(1e-9, 1e-9);
    /** last wave energy [erg cm⁻³]; NaN before the first solve, 0 when the waves are gone */
    private double e = Double.NaN;
    /** wave energy at the start of the current step (ODE mode) */
    private double eStep = Double.NaN;

    FaceScattering(ScatteringModel model, PhaseState phase, Resonance res, String region, double z) {
        this.model = model;
        this.phase = phase;
        this.res = res;
        this.region = region;
        this.z = z;
        this.phenomenological = model.info().phenomenological();
        this.split = "split".equals(model.info().waveMode());
        this.eB = phenomenological && !phase.has("B") ? Double.NaN : PlasmaQuantity.E_B.of(phase, res);
        this.nuPerE = phenomenological ? Double.NaN : Math.PI / 4 * model.info().nuHat() * res.gyrofrequency() / eB;
        this.alfven = phase.has("B") ? PlasmaQuantity.V_A_EFF.of(phase, res) : 0.0;
        this.origin = "the evolved CR state (region " + region + ")";
    }

    /** v_A,eff [cm/s] of the phase at this resonance (0 when the phase has no field) */
    double alfvenSpeed() {
        return alfven;
    }

    /** start a time step: the ODE mode integrates from the wave energy reached so far */
    void beginStep() {
        eStep = e;
    }

    /** undo the iterates of a rejected step */
    void rejectStep() {
        e = eStep;
    }

    /**
     * ν̄_s [s⁻¹] for the CR state (e'_cr, P'_cr, ℓ_grad); dt = ∞ is the local balance, a finite dt
     * the backward-Euler step of the wave ODE. 0 means the waves are gone (free streaming).
     */
    double nu(double eCr, double pCr, double ellGrad, double dt, String model) {
        CrState cr = new CrState(origin, eCr, pCr, ellGrad);
        if (phenomenological) {
            this.model.bind(phase, res, cr);
            double nu = this.model.nu();
            if (!(nu > 0) || Double.isInfinite(nu)) {
                throw failure(model, "the phenomenological nu is " + nu + " s^-1");
            }
            return nu;
        }
        if (split || Double.isNaN(e)) {   // split waves, and the first solve of a face: the full scan
            WaveBalance.Solution s;
            try {
                s = WaveBalance.solve(this.model, phase, res, cr);
            } catch (ModelException ex) {
                throw failure(model, ex.getMessage());
            }
            e = s.e();
            if (Double.isNaN(eStep)) {
                eStep = e;
            }
            return s.nu();
        }
        this.model.bind(phase, res, cr);
        double old = Double.isInfinite(dt) ? 0 : eStep;
        double inv = Double.isInfinite(dt) ? 0 : 1 / dt;
        UnivariateFunction r = x -> residual(eB * Math.exp(x), old, inv);
        double x0 = e > 0 ? Math.log(e / eB) : LN_MIN;
        double g0 = r.value(x0);
        if (Double.isNaN(g0)) {
            throw failure(model, "the source or damping is undefined (NaN) at e/e_B = " + String.format("%.3g", e / eB));
        }
        double lo;
        double hi;
        if (g0 > 0) {        // root above: grow upward
            lo = x0;
            hi = x0;
            double step = 0.5;
            double g = g0;
            while (g > 0) {
                lo = hi;
                if (hi >= LN_MAX) {
                    throw failure(model, "unbounded wave growth: the sources exceed the damping up to e/e_B = 1e6");
                }
                hi = Math.min(LN_MAX, hi + step);
                step *= 2;
                g = r.value(hi);
            }
        } else if (g0 < 0) { // root below: grow downward
            hi = x0;
            lo = x0;
            double step = 0.5;
            double g = g0;
            while (g < 0) {
                hi = lo;
                if (lo <= LN_MIN) {
                    e = 0;       // no positive equilibrium: the waves decay, CRs stream freely
                    return 0;
                }
                lo = Math.max(LN_MIN, lo - step);
                step *= 2;
                g = r.value(lo);
            }
        } else {
            e = eB * Math.exp(x0);
            return nuPerE * e;
        }
        double x = r.value(hi) == 0 ? hi : r.value(lo) == 0 ? lo : brent.solve(400, r, lo, hi);
        e = eB * Math.exp(x);
        return nuPerE * e;
    }

    /** (S − Γe + (e_old − e)/Δt) / scale: the scale-free balance, as {@link WaveBalance} does */
    private double residual(double eWave, double old, double inv) {
        double s = model.sourceRate(eWave);
        double q = model.dampingRate(eWave) * eWave;
        double ode = (old - eWave) * inv;
        double scale = Math.abs(s) + Math.abs(q) + (old + eWave) * inv;
        return scale == 0 ? 0.0 : (s - q + ode) / scale;
    }

    ModelException failure(String model, String what) {
        return new ModelException("model " + model + ", region " + region + " (phase " + phase.name() + "), z = "
                + String.format("%.4g", z / org.crdl.runtime.units.Constants.KPC) + " kpc, " + res + ": " + what);
    }
}
