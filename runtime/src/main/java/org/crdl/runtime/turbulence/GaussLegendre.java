package org.crdl.runtime.turbulence;

import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;

/**
 * Gauss–Legendre rules on [-1, 1] (Commons Math's), as plain arrays for the inner loops,
 * cached by order. Composite rules are built by the callers on panels whose ends are the
 * integrand's features (resonances, truncation kinks, Bessel-oscillation switches).
 */
final class GaussLegendre {
    private static final GaussIntegratorFactory FACTORY = new GaussIntegratorFactory();
    private static final ConcurrentHashMap<Integer, GaussLegendre> CACHE = new ConcurrentHashMap<>();

    final double[] nodes;
    final double[] weights;

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
    static GaussLegendre of(int n) {
        if (n < 2) {
            throw new IllegalArgumentException("Gauss-Legendre order must be >= 2, got " + n);
        }
        return CACHE.computeIfAbsent(n, GaussLegendre::new);
    }

    int size() {
        return nodes.length;
    }
}
