package org.crdl.runtime.structures;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Supplier;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.crdl.runtime.plasma.ModelException;

/**
 * The integral over sizes of one bound population at one rigidity (digest §5.2), in u = ln ℓ_S:
 * <pre>
 *   ν_patch = v ∫ (dn/du) A_s w(τ_s) du      f_V = ∫ (dn/du) V_s du      τ f_V = ∫ (dn/du) V_s τ_s w(τ_s) du
 * </pre>
 * over the eligible sizes u ∈ [ln max(ℓ_min, r_g), ln ℓ_max] (Θ(ℓ_S − r_g), Eq. 3). dn/du is
 * −d n_s(&gt;ℓ)/d ln ℓ for a cumulative distribution (a five-point difference in ln ℓ, step 10⁻³:
 * truncation ~10⁻¹² relative for power laws) or f_V(ℓ)/V_s for a filling per e-fold.
 * Quadrature: Commons Math iterative Gauss–Legendre (8 points, relative accuracy 10⁻¹⁰) on each
 * piece between the crossings of τ_s = 1, which are located on 64 samples and refined with Brent
 * (the step weight is discontinuous there). τ_s,min is the minimum over the samples and ends.
 */
final class SizeIntegral {
    private static final int SAMPLES = 64;
    private static final double H = 1e-3;
    private static final int MAX_EVAL = 2_000_000;

    private SizeIntegral() {
    }

    /** The integrals of one population; ν is per unit speed [cm^-1]. */
    record Result(double nuPerSpeed, double filling, double trapped, double massFraction, double tauMin,
                  double smallestEligible, boolean eligible) {
        static Result none() {
            return new Result(0, 0, 0, 0, Double.NaN, Double.NaN, false);
        }
    }

    static Result compute(Structure s, double gyroradius, Weight weight, Supplier<String> where) {
        StructureInfo info = s.info();
        double lo = s.sizeMin();
        double hi = s.sizeMax();
        check(lo, "the smallest size ell_S", where);
        check(hi, "the largest size ell_S", where);
        if (!info.range()) {
            return single(s, lo, gyroradius, weight, where);
        }
        if (!(hi > lo)) {
            throw new ModelException(where.get() + ": the size range [" + lo + ", " + hi + "] cm is empty (ell_min >= ell_max)");
        }
        double from = Math.max(lo, gyroradius);
        if (from >= hi) {
            return Result.none();
        }
        double u0 = Math.log(from);
        double u1 = Math.log(hi);
        DoubleUnaryOperator density = u -> density(s, u, where);
        DoubleUnaryOperator tau = u -> {
            double t = s.opticalDepth(Math.exp(u));
            check(t, "the optical depth tau_s", where);
            return t;
        };
        // samples: τ_min and the pieces between τ = 1 crossings
        double[] us = new double[SAMPLES + 1];
        double[] taus = new double[SAMPLES + 1];
        double tauMin = Double.POSITIVE_INFINITY;
        for (int i = 0; i <= SAMPLES; i++) {
            us[i] = u0 + (u1 - u0) * i / SAMPLES;
            taus[i] = tau.applyAsDouble(us[i]);
            tauMin = Math.min(tauMin, taus[i]);
        }
        List<Double> cuts = new ArrayList<>();
        cuts.add(u0);
        BrentSolver brent = new BrentSolver(1e-14, 1e-12);
        for (int i = 0; i < SAMPLES; i++) {
            if ((taus[i] - 1) * (taus[i + 1] - 1) < 0) {
                cuts.add(brent.solve(200, u -> tau.applyAsDouble(u) - 1, us[i], us[i + 1]));
            }
        }
        cuts.add(u1);
        double nu = 0;
        double filling = 0;
        double trapped = 0;
        double mass = 0;
        for (int k = 0; k + 1 < cuts.size(); k++) {
            double a = cuts.get(k);
            double b = cuts.get(k + 1);
            if (!(b > a)) {
                continue;
            }
            filling += integrate(u -> density.applyAsDouble(u) * volume(s, info, Math.exp(u)), a, b, where);
            if (info.hasDensity()) {
                mass += integrate(u -> density.applyAsDouble(u) * volume(s, info, Math.exp(u))
                        * s.densityRatio(Math.exp(u)), a, b, where);
            }
            double mid = tau.applyAsDouble(0.5 * (a + b));
            if (weight == Weight.STEP && weight.of(mid) == 0) {
                continue;   // the structures of this piece are transparent
            }
            nu += integrate(u -> {
                double l = Math.exp(u);
                return density.applyAsDouble(u) * info.crossSection(l, s.longAxis(l)) * weight.of(tau.applyAsDouble(u));
            }, a, b, where);
            trapped += integrate(u -> {
                double t = tau.applyAsDouble(u);
                return density.applyAsDouble(u) * volume(s, info, Math.exp(u)) * t * weight.of(t);
            }, a, b, where);
        }
        return new Result(nu, filling, trapped, info.hasDensity() ? mass : Double.NaN, tauMin, from, true);
    }

    private static Result single(Structure s, double ell, double gyroradius, Weight weight, Supplier<String> where) {
        StructureInfo info = s.info();
        if (ell < gyroradius * (1 - 1e-9)) {
            return Result.none();
        }
        double volume = volume(s, info, ell);
        double a = s.abundance(ell);
        check(a, info.abundance() == StructureInfo.Abundance.NUMBER ? "n_s" : "f_V", where);
        double n = info.abundance() == StructureInfo.Abundance.NUMBER ? a : a / volume;
        double tau = s.opticalDepth(ell);
        check(tau, "the optical depth tau_s", where);
        double w = weight.of(tau);
        double filling = n * volume;
        return new Result(n * info.crossSection(ell, s.longAxis(ell)) * w, filling, filling * tau * w,
                info.hasDensity() ? filling * s.densityRatio(ell) : Double.NaN, tau, ell, true);
    }

    /** Structures per unit volume per e-fold of ℓ_S at u = ln ℓ_S [cm^-3]. */
    private static double density(Structure s, double u, Supplier<String> where) {
        StructureInfo info = s.info();
        double d;
        if (info.abundance() == StructureInfo.Abundance.FILLING) {
            double l = Math.exp(u);
            d = s.abundance(l) / volume(s, info, l);
        } else {
            double dn = (-s.abundance(Math.exp(u + 2 * H)) + 8 * s.abundance(Math.exp(u + H))
                    - 8 * s.abundance(Math.exp(u - H)) + s.abundance(Math.exp(u - 2 * H))) / (12 * H);
            d = -dn;
            if (d < 0 && Math.abs(d) > 1e-9 * Math.abs(s.abundance(Math.exp(u)))) {
                throw new ModelException(where.get() + ": n_s(>ell_S) increases with ell_S at ell_S = "
                        + String.format("%.4g", Math.exp(u)) + " cm; a cumulative size distribution must fall "
                        + "(larger structures are rarer, butsky2024 L39)");
            }
            d = Math.max(d, 0);
        }
        check(d, "the size distribution", where);
        return d;
    }

    private static double volume(Structure s, StructureInfo info, double ell) {
        return info.crossSection(ell, s.longAxis(ell)) * ell;
    }

    private static double integrate(DoubleUnaryOperator f, double a, double b, Supplier<String> where) {
        try {
            return new IterativeLegendreGaussIntegrator(8, 1e-10, Double.MIN_VALUE, 1, 64)
                    .integrate(MAX_EVAL, f::applyAsDouble, a, b);
        } catch (MathIllegalStateException e) {
            throw new ModelException(where.get() + ": the integral over sizes did not converge (" + e.getMessage() + ")");
        }
    }

    private static void check(double v, String what, Supplier<String> where) {
        if (!Double.isFinite(v) || v < 0) {
            throw new ModelException(where.get() + ": " + what + " is " + v + "; it must be finite and non-negative");
        }
    }
}
