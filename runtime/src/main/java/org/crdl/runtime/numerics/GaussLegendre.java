package org.crdl.runtime.numerics;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;

/**
 * Gauss–Legendre rules on [-1, 1] (Commons Math's), as plain arrays for the inner loops,
 * cached by order. Composite rules are built by the callers on panels whose ends are the
 * integrand's features (resonances, truncation kinks, Bessel-oscillation switches, grid nodes).
 * The arrays are shared: read them, never write them.
 */
public final class GaussLegendre {
    private static final GaussIntegratorFactory FACTORY = new GaussIntegratorFactory();
    private static final ConcurrentHashMap<Integer, GaussLegendre> CACHE = new ConcurrentHashMap<>();

    public final double[] nodes;
    public final double[] weights;

    private GaussLegendre(int n) {
        GaussIntegrator rule = FACTORY.legendre(n);
        nodes = new double[n];
        weights = new double[n];
        for (int i = 0; i < n; i++) {
            nodes[i] = rule.getPoint(i);
            weights[i] = rule.getWeight(i);
        }
    }

    /** The n-point rule (n ≥ 2). */
    public static GaussLegendre of(int n) {
        if (n < 2) {
            throw new IllegalArgumentException("Gauss-Legendre order must be >= 2, got " + n);
        }
        return CACHE.computeIfAbsent(n, GaussLegendre::new);
    }

    public int size() {
        return nodes.length;
    }

    /** ∫_a^b f with this rule on the single panel [a, b] */
    public double integrate(DoubleUnaryOperator f, double a, double b) {
        double half = 0.5 * (b - a);
        double mid = 0.5 * (a + b);
        double sum = 0;
        for (int i = 0; i < nodes.length; i++) {
            sum += weights[i] * f.applyAsDouble(mid + half * nodes[i]);
        }
        return sum * half;
    }
}
