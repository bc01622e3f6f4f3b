package org.crdl.runtime.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Minimisers and errors on a χ² whose minimum, errors and correlation are known in closed form. */
class FitterTest {
    private final QuadraticObjective q = new QuadraticObjective(3.0, -1.5, 0.2, 0.05, -0.8, 40);

    @Test
    void everyMethodFindsTheMinimum() {
        for (Fitter.Method m : Fitter.Method.values()) {
            Fitter.Minimum min = Fitter.minimise(q, new double[] {1.0, -2.5}, m, 5000, 1);
            assertTrue(min.converged(), m + ": " + min.message());
            assertEquals(3.0, min.best().values()[0], 0.01 * q.s1, m.toString());
            assertEquals(-1.5, min.best().values()[1], 0.01 * q.s2, m.toString());
            assertEquals(40, min.best().total(), 1e-3, m.toString());
        }
    }

    @Test
    void hessianAndProfileErrorsEqualTheClosedForm() {
        double[] best = {3.0, -1.5};
        Uncertainties.Hessian h = Uncertainties.hessian(q, best, 2);
        assertEquals(0.2, h.sigma()[0], 1e-6);
        assertEquals(0.05, h.sigma()[1], 1e-6);
        assertEquals(-0.8, h.correlation()[0][1], 1e-6);
        Uncertainties.Profile[] p = Uncertainties.profiles(q, best, 40, h.sigmaUnit(), 2);
        // profile Δχ² = 1 of a quadratic: the marginal σ on both sides (bisection to ~1e-3 of the bracket)
        assertEquals(0.2, p[0].minus(), 0.01 * 0.2);
        assertEquals(0.2, p[0].plus(), 0.01 * 0.2);
        assertEquals(0.05, p[1].minus(), 0.01 * 0.05);
        assertEquals(0.05, p[1].plus(), 0.01 * 0.05);
    }

    @Test
    void tooFewEvaluationsIsReportedAsNotConverged() {
        Fitter.Minimum min = Fitter.minimise(q, new double[] {1.0, -2.5}, Fitter.Method.BOBYQA, 8, 1);
        assertFalse(min.converged());
        assertTrue(min.message().contains("did not converge within 8"), min.message());
        assertTrue(min.last() != null && min.evaluations() >= 8);
    }

    @Test
    void aProfileThatLeavesTheRangeIsALimit() {
        // χ² rises by less than 1 across the whole declared range of a: no two-sided interval
        QuadraticObjective flat = new QuadraticObjective(3.0, -1.5, 100, 0.05, 0, 10);
        Objective narrow = new Objective() {
            public java.util.List<FreeParameter> parameters() {
                return java.util.List.of(new FreeParameter("a", "1", 2.0, 4.0, false),
                        new FreeParameter("b", "1", -2, -1, false));
            }

            public java.util.List<String> datasets() {
                return flat.datasets();
            }

            public java.util.List<String> scales() {
                return flat.scales();
            }

            public PointResult evaluate(double[] x) {
                return flat.evaluate(x);
            }
        };
        Uncertainties.Profile[] p = Uncertainties.profiles(narrow, new double[] {3.0, -1.5}, 10, new double[] {0.1, 0.05}, 1);
        assertTrue(Double.isNaN(p[0].minus()) && Double.isNaN(p[0].plus()), p[0].toString());
        assertTrue(p[0].note().contains("not reached"));
    }
}
