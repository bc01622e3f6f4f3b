package org.crdl.runtime.transport;

import java.util.ArrayList;
import java.util.List;
import org.crdl.runtime.plasma.ModelException;

/**
 * The shape of an injection spectrum in phase space, q(p) ∝ s(x) per d³p, as a broken power law
 * in x = rigidity [GV] or x = momentum per nucleon [GeV/c/n] (see {@link Variable}):
 * <pre>
 *   s(x) = x^−γ₀                              x &lt; x₁
 *        = x₁^−γ₀ (x/x₁)^−γ₁                  x₁ ≤ x &lt; x₂   …   (continuous at every break)
 * </pre>
 * γ is the phase-space slope, the convention of both papers (hopkins2021: dj ∝ p^−4.2 d³p;
 * kempski2022: Q ∝ p^−4.3), so dN/dx ∝ x^{2−γ}. Immutable.
 */
public final class InjectionSpectrum {

    /** what x is */
    public enum Variable {
        /** x = R [GV]: all species have the same shape at equal rigidity (kempski2022) */
        RIGIDITY,
        /** x = p/A [GeV/c per nucleon]: same shape at equal energy per nucleon (hopkins2021 L641–654) */
        MOMENTUM_PER_NUCLEON
    }

    private final Variable variable;
    private final double[] slopes;
    private final double[] breaks;

    private InjectionSpectrum(Variable variable, double[] slopes, double[] breaks) {
        this.variable = variable;
        this.slopes = slopes;
        this.breaks = breaks;
    }

    /** s(x) = x^−γ in rigidity */
    public static InjectionSpectrum powerLaw(double gamma) {
        check(gamma);
        return new InjectionSpectrum(Variable.RIGIDITY, new double[] {gamma}, new double[0]);
    }

    private static void check(double gamma) {
        if (!Double.isFinite(gamma)) {
            throw new ModelException("injection spectrum: slope must be finite, got " + gamma);
        }
    }

    /** the same shape in another variable */
    public InjectionSpectrum in(Variable v) {
        return new InjectionSpectrum(v, slopes, breaks);
    }

    /** a copy with one more break at x_b (above the previous breaks) and slope γ above it */
    public InjectionSpectrum withBreak(double xBreak, double gammaAbove) {
        check(gammaAbove);
        if (!(xBreak > 0) || (breaks.length > 0 && !(xBreak > breaks[breaks.length - 1]))) {
            throw new ModelException("injection spectrum: breaks must be positive and increasing, got " + xBreak);
        }
        double[] s = java.util.Arrays.copyOf(slopes, slopes.length + 1);
        double[] b = java.util.Arrays.copyOf(breaks, breaks.length + 1);
        s[slopes.length] = gammaAbove;
        b[breaks.length] = xBreak;
        return new InjectionSpectrum(variable, s, b);
    }

    public Variable variable() {
        return variable;
    }

    /** slope below the first break */
    public double lowSlope() {
        return slopes[0];
    }

    /** slope above the last break */
    public double highSlope() {
        return slopes[slopes.length - 1];
    }

    /** break positions [GV or GeV/c/n] (a copy) */
    public double[] breaks() {
        return breaks.clone();
    }

    /** s(x), x in GV or GeV/c/n */
    public double shape(double x) {
        double lnS = 0;
        double lnPrev = 0;
        for (int i = 0; i < slopes.length; i++) {
            double lnB = i < breaks.length ? Math.log(breaks[i]) : Double.POSITIVE_INFINITY;
            double lnX = Math.log(x);
            if (lnX < lnB || i == slopes.length - 1) {
                return Math.exp(lnS - slopes[i] * (lnX - lnPrev));
            }
            lnS -= slopes[i] * (lnB - lnPrev);
            lnPrev = lnB;
        }
        throw new IllegalStateException();
    }

    /** the segment boundaries inside (lo, hi), for piecewise quadrature */
    List<Double> breaksWithin(double lo, double hi) {
        List<Double> out = new ArrayList<>();
        for (double b : breaks) {
            if (b > lo && b < hi) {
                out.add(b);
            }
        }
        return out;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("q ∝ x^-" + slopes[0]);
        for (int i = 0; i < breaks.length; i++) {
            sb.append(", break at ").append(breaks[i]).append(" → x^-").append(slopes[i + 1]);
        }
        return sb.append(" (x = ").append(variable == Variable.RIGIDITY ? "R/GV" : "p/A / (GeV/c)").append(")")
                .toString();
    }
}
