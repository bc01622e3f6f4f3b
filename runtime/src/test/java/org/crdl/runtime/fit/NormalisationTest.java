package org.crdl.runtime.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The analytically profiled scale against the closed form and a brute-force minimum. */
class NormalisationTest {

    @Test
    void dataThatAreAScaledModelGiveThatScale() {
        double[] m = {1, 2, 5, 10};
        double[] y = {3, 6, 15, 30};
        double[] e = {0.3, 0.5, 1, 2};
        assertEquals(3, Normalisation.best(m, y, e, e), 1e-12);
    }

    @Test
    void symmetricErrorsGiveTheWeightedLeastSquaresScale() {
        double[] m = {1, 2, 4};
        double[] y = {1.2, 1.9, 4.5};
        double[] e = {0.1, 0.2, 0.4};
        double num = 0;
        double den = 0;
        for (int i = 0; i < 3; i++) {
            num += m[i] * y[i] / (e[i] * e[i]);
            den += m[i] * m[i] / (e[i] * e[i]);
        }
        assertEquals(num / den, Normalisation.best(m, y, e, e), 1e-12);
    }

    @Test
    void asymmetricErrorsReachTheBruteForceMinimum() {
        double[] m = {1, 2, 4, 8, 16};
        double[] y = {1.3, 1.8, 4.9, 7.0, 17.5};
        double[] lo = {0.1, 0.3, 0.2, 0.9, 0.5};
        double[] hi = {0.4, 0.1, 0.6, 0.2, 1.5};
        double s = Normalisation.best(m, y, lo, hi);
        double best = Double.POSITIVE_INFINITY;
        for (double t = 0.5; t < 1.5; t += 1e-5) {
            best = Math.min(best, Normalisation.chi2(t, m, y, lo, hi));
        }
        assertTrue(Normalisation.chi2(s, m, y, lo, hi) <= best + 1e-6,
                "closed form " + Normalisation.chi2(s, m, y, lo, hi) + " vs brute force " + best);
    }
}
