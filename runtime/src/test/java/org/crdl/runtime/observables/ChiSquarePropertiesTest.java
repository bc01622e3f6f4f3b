package org.crdl.runtime.observables;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.crdl.runtime.data.DataPoint;
import org.crdl.runtime.data.Dataset;
import org.crdl.runtime.data.QuantityKind;
import org.crdl.runtime.data.XAxisKind;

/** A model k σ above every point gives χ² = N k², whatever the errors and the power law. */
class ChiSquarePropertiesTest {

    @Property(tries = 200)
    void uniformShiftInSigmas(@ForAll @IntRange(min = 2, max = 30) int n,
            @ForAll @DoubleRange(min = -3, max = 3) double k,
            @ForAll @DoubleRange(min = -3, max = 1) double slope,
            @ForAll @DoubleRange(min = 0.01, max = 0.3) double relLo,
            @ForAll @DoubleRange(min = 0.01, max = 0.3) double relHi) {
        List<DataPoint> points = new ArrayList<>();
        double[] x = new double[n];
        double[] model = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.pow(10, -1 + 4.0 * i / (n - 1));
            double y = Math.pow(x[i], slope);
            double lo = relLo * y;
            double hi = relHi * y;
            points.add(new DataPoint(x[i], x[i], x[i], y, lo, hi));
            model[i] = y + k * (k >= 0 ? hi : lo);
        }
        Dataset d = new Dataset("p.txt", "p", QuantityKind.FLUX, XAxisKind.EK_PER_NUCLEON,
                XAxisKind.EK_PER_NUCLEON.fluxUnit(), Optional.empty(), "", points, List.of());
        ChiSquareResult r = ChiSquare.compare(x, model, d);
        assertEquals(n * k * k, r.chi2(), 1e-9 * (1 + n * k * k));
        assertEquals(n, r.pointsUsed());
    }
}
