package org.crdl.runtime.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FluxRatioTest {
    private static Dataset flux(String name, double norm, double slope, double relErr, double... xs) {
        List<DataPoint> pts = new java.util.ArrayList<>();
        for (double x : xs) {
            double y = norm * Math.pow(x, slope);
            pts.add(new DataPoint(x, x * 0.95, x * 1.05, y, relErr * y, relErr * y));
        }
        return new Dataset(name, name, QuantityKind.FLUX, XAxisKind.EK_PER_NUCLEON, "m^-2 s^-1 sr^-1 (GeV/n)^-1",
                Optional.empty(), name, pts, List.of());
    }

    /** power laws divide exactly under log–log interpolation; relative errors add in quadrature */
    @Test
    void ratioOfTwoPowerLaws() {
        Dataset num = flux("a", 2e-4, -2.8, 0.1, 0.5, 3, 10, 700);
        Dataset den = flux("b", 1e4, -2.7, 0.05, 1, 2, 5, 20, 100);
        Dataset r = FluxRatio.divide(num, den, "a/b");
        assertEquals(QuantityKind.RATIO, r.kind());
        assertEquals(2, r.size()); // 0.5 and 700 GeV lie outside the denominator's range
        for (DataPoint p : r.points()) {
            double expected = 2e-8 * Math.pow(p.x(), -0.1);
            assertEquals(expected, p.y(), 1e-12 * expected);
            assertEquals(expected * Math.hypot(0.1, 0.05), p.yErrHi(), 1e-9 * expected);
        }
    }
}
