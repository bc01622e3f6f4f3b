package org.crdl.runtime.turbulence;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Gauss–Legendre rules on [-1, 1] (nodes by Newton iteration on P_n, Golub–Welsch-free),
 * cached by order. Composite rules are built by the callers on panels whose ends are the
 * integrand's features (resonances, truncation kinks, Bessel-oscillation switches).
 */
final class GaussLegendre {
    private static final ConcurrentHashMap<Integer, GaussLegendre> CACHE = new ConcurrentHashMap<>();

    final double[] nodes;
    final double[] weights;

    private GaussLegendre(int n) {
        nodes = new double[n];
        weights = new double[n];
        for (int i = 0; i < (n + 1) / 2; i++) {
            double x = Math.cos(Math.PI * (i + 0.75) / (n + 0.5));
            double dp = 0;
            for (int it = 0; it < 100; it++) {
                double p0 = 1.0;
                double p1 = x;
                for (int k = 2; k <= n; k++) {
                    double p2 = ((2 * k - 1) * x * p1 - (k - 1) * p0) / k;
                    p0 = p1;
                    p1 = p2;
                }
                if (n == 1) {
                    p0 = 1.0;
                }
                dp = n * (x * p1 - p0) / (x * x - 1.0);
                double dx = p1 / dp;
                x -= dx;
                if (Math.abs(dx) < 1e-16) {
                    break;
                }
            }
            double p0 = 1.0;
            double p1 = x;
            for (int k = 2; k <= n; k++) {
                double p2 = ((2 * k - 1) * x * p1 - (k - 1) * p0) / k;
                p0 = p1;
                p1 = p2;
            }
            dp = n * (x * p1 - p0) / (x * x - 1.0);
            double w = 2.0 / ((1.0 - x * x) * dp * dp);
            nodes[i] = -x;
            weights[i] = w;
            nodes[n - 1 - i] = x;
            weights[n - 1 - i] = w;
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
