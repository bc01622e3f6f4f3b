package org.crdl.runtime.secondaries;

import java.util.function.DoubleUnaryOperator;
import org.crdl.runtime.numerics.GaussLegendre;

/**
 * Composite Gauss–Legendre quadrature (Commons Math's 8-point rule) on panels whose widths
 * double away from the lower end: suited to integrands concentrated within a known scale of 0
 * (forward-peaked angular distributions) but defined out to a much larger upper limit.
 */
final class Quadrature {
    private static final GaussLegendre RULE = GaussLegendre.of(8);

    private Quadrature() {
    }

    /** ∫_a^b f on one panel with the 8-point rule */
    static double panel(DoubleUnaryOperator f, double a, double b) {
        return RULE.integrate(f, a, b);
    }

    /**
     * ∫_0^max f on panels [0, scale], [scale, 2 scale], [2 scale, 4 scale], … (the last one cut at
     * max); {@code scale} is the width within which f varies most.
     */
    static double geometric(DoubleUnaryOperator f, double scale, double max) {
        if (!(max > 0)) {
            return 0;
        }
        double lo = 0;
        double hi = Math.min(scale, max);
        double sum = 0;
        while (lo < max) {
            sum += panel(f, lo, hi);
            lo = hi;
            hi = Math.min(2 * hi, max);
        }
        return sum;
    }
}
