package org.crdl.runtime.observables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.crdl.runtime.data.DataPoint;
import org.crdl.runtime.data.Dataset;
import org.crdl.runtime.data.ObservationLoader;
import org.crdl.runtime.data.QuantityKind;
import org.crdl.runtime.data.XAxisKind;
import org.crdl.runtime.plasma.ModelException;
import org.junit.jupiter.api.Test;

/** Hand-computable χ² cases. */
class ChiSquareTest {
    private static final XAxisKind EK = XAxisKind.EK_PER_NUCLEON;

    private static Dataset data(DataPoint... points) {
        return new Dataset("hand.txt", "B/C", QuantityKind.RATIO, EK, "1", Optional.empty(), "",
                List.of(points), List.of());
    }

    private static DataPoint at(double x, double y, double errLo, double errHi) {
        return new DataPoint(x, x, x, y, errLo, errHi);
    }

    private static final double[] X = {1, 10, 100};

    @Test
    void modelThroughEveryPointGivesZero() {
        Dataset d = data(at(1, 0.3, 0.01, 0.01), at(10, 0.2, 0.01, 0.02), at(100, 0.1, 0.01, 0.01));
        ChiSquareResult r = ChiSquare.compare(X, new double[] {0.3, 0.2, 0.1}, d);
        assertEquals(0.0, r.chi2());
        assertEquals(3, r.pointsUsed());
        assertEquals(0, r.pointsOutside());
        assertEquals(0.0, r.chi2PerPoint());
    }

    @Test
    void onePointOneSigmaAboveUsesTheUpperError() {
        // model above the point by exactly err_hi = 0.02 (err_lo = 0.01 would give 4)
        Dataset d = data(at(1, 0.3, 0.01, 0.01), at(10, 0.2, 0.01, 0.02), at(100, 0.1, 0.01, 0.01));
        ChiSquareResult r = ChiSquare.compare(X, new double[] {0.3, 0.22, 0.1}, d);
        assertEquals(1.0, r.chi2(), 1e-12);
        assertEquals(1.0 / 3, r.chi2PerPoint(), 1e-12);
    }

    @Test
    void onePointOneSigmaBelowUsesTheLowerError() {
        // model below the point by exactly err_lo = 0.01 (err_hi = 0.02 would give 0.25)
        Dataset d = data(at(1, 0.3, 0.01, 0.01), at(10, 0.2, 0.01, 0.02), at(100, 0.1, 0.01, 0.01));
        ChiSquareResult r = ChiSquare.compare(X, new double[] {0.3, 0.19, 0.1}, d);
        assertEquals(1.0, r.chi2(), 1e-12);
    }

    @Test
    void twoPointsTwoAndThreeSigmaOffAddUp() {
        Dataset d = data(at(1, 1.0, 0.1, 0.1), at(100, 2.0, 0.5, 0.5));
        // 1.0 + 2σ = 1.2 ; 2.0 − 3σ = 0.5  →  4 + 9
        ChiSquareResult r = ChiSquare.compare(new double[] {1, 100}, new double[] {1.2, 0.5}, d);
        assertEquals(13.0, r.chi2(), 1e-12);
        assertEquals(6.5, r.chi2PerPoint(), 1e-12);
    }

    @Test
    void interpolationIsLogLog() {
        // model y = x^-2 tabulated at 1, 10, 100: at x = √10 it is exactly 0.1 (linear would give 0.767)
        double x = Math.sqrt(10);
        Dataset d = data(at(x, 0.11, 0.01, 0.01));
        ChiSquareResult r = ChiSquare.compare(X, new double[] {1, 1e-2, 1e-4}, d);
        assertEquals(1.0, r.chi2(), 1e-9);
    }

    @Test
    void pointsOutsideTheModelRangeAreLeftOutAndCounted() {
        Dataset d = data(at(0.5, 9, 1, 1), at(1, 0.3, 0.1, 0.1), at(50, 0.2, 0.1, 0.1), at(200, 9, 1, 1),
                at(300, 9, 1, 1));
        ChiSquareResult r = ChiSquare.compare(X, new double[] {0.4, 0.2, 0.2}, d);
        assertEquals(2, r.pointsUsed());
        assertEquals(3, r.pointsOutside());
        assertEquals(1.0, r.chi2(), 1e-12);
    }

    @Test
    void noOverlapHasNoChi2PerPoint() {
        Dataset d = data(at(1000, 1, 0.1, 0.1));
        ChiSquareResult r = ChiSquare.compare(X, new double[] {1, 1, 1}, d);
        assertFalse(r.hasOverlap());
        assertEquals(1, r.pointsOutside());
        ModelException e = assertThrows(ModelException.class, r::chi2PerPoint);
        assertTrue(e.getMessage().contains("hand.txt"), e.getMessage());
    }

    @Test
    void functionModelMatchesTheHandValue() {
        Dataset d = data(at(2, 0.25 + 0.05, 0.05, 0.05), at(4, 1.0 / 16, 0.01, 0.01));
        ChiSquareResult r = ChiSquare.compare(x -> 1 / (x * x), 1, 10, d);
        assertEquals(1.0, r.chi2(), 1e-12);
        assertEquals(2, r.pointsUsed());
    }

    @Test
    void functionReturningNanIsAnError() {
        Dataset d = data(at(2, 1, 0.1, 0.1));
        ModelException e = assertThrows(ModelException.class,
                () -> ChiSquare.compare(x -> Double.NaN, 1, 10, d));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
    }

    @Test
    void zeroErrorOnTheModelsSideIsAnErrorUnlessTheModelHitsThePoint() {
        Dataset d = data(at(10, 0.2, 0.01, 0.0));
        assertEquals(0.0, ChiSquare.compare(X, new double[] {0.2, 0.2, 0.2}, d).chi2());
        assertEquals(1.0, ChiSquare.compare(X, new double[] {0.19, 0.19, 0.19}, d).chi2(), 1e-12);
        assertThrows(ModelException.class, () -> ChiSquare.compare(X, new double[] {0.3, 0.3, 0.3}, d));
    }

    @Test
    void axesMustAgree() {
        Dataset d = data(at(10, 0.2, 0.01, 0.01));
        ModelCurve inRigidity = new ModelCurve("B/C", XAxisKind.RIGIDITY, X, new double[] {1, 1, 1});
        ModelException e = assertThrows(ModelException.class, () -> ChiSquare.compare(inRigidity, d));
        assertTrue(e.getMessage().contains("AxisConversion"), e.getMessage());
    }

    @Test
    void realDatasetAgainstItselfAndShiftedByOneSigma() {
        Path file = Path.of(System.getProperty("crdl.root", "."))
                .resolve("../shared/data/observations/B_C_ratio_AMS_PRL2018.txt");
        Dataset bc = ObservationLoader.load(file);
        int n = bc.size();
        double[] x = new double[n];
        double[] y = new double[n];
        double[] up = new double[n];
        for (int i = 0; i < n; i++) {
            DataPoint p = bc.points().get(i);
            x[i] = p.x();
            y[i] = p.y();
            up[i] = p.y() + p.yErrHi();
        }
        ModelCurve same = new ModelCurve("B/C", EK, x, y);
        assertEquals(0.0, ChiSquare.compare(same, bc).chi2());
        ChiSquareResult shifted = ChiSquare.compare(new ModelCurve("B/C + 1σ", EK, x, up), bc);
        assertEquals(n, shifted.chi2(), 1e-9);
        assertEquals(1.0, shifted.chi2PerPoint(), 1e-11);
        assertEquals("B_C_ratio_AMS_PRL2018.txt", shifted.dataset());

        // model only above 10 GeV/n: the points below are outside
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        int below = 0;
        for (int i = 0; i < n; i++) {
            if (x[i] >= 10) {
                xs.add(x[i]);
                ys.add(y[i]);
            } else {
                below++;
            }
        }
        ChiSquareResult part = ChiSquare.compare(
                xs.stream().mapToDouble(Double::doubleValue).toArray(),
                ys.stream().mapToDouble(Double::doubleValue).toArray(), bc);
        assertEquals(below, part.pointsOutside());
        assertEquals(n - below, part.pointsUsed());
    }
}
