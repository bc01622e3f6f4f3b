package org.crdl.runtime.observables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.crdl.runtime.data.XAxisKind;
import org.crdl.runtime.plasma.ModelException;
import org.junit.jupiter.api.Test;

class ModelCurveTest {
    private static final XAxisKind EK = XAxisKind.EK_PER_NUCLEON;

    @Test
    void powerLawIsInterpolatedExactly() {
        ModelCurve c = new ModelCurve("flux", EK, new double[] {1, 100}, new double[] {1, 1e-5});
        // y = x^-2.5 → at x = 10: 10^-2.5
        assertEquals(Math.pow(10, -2.5), c.valueAt(10), 1e-15);
        assertEquals(1.0, c.valueAt(1));
        assertEquals(1e-5, c.valueAt(100));
    }

    @Test
    void outsideTheRangeIsAnError() {
        ModelCurve c = new ModelCurve("flux", EK, new double[] {1, 100}, new double[] {1, 1e-5});
        assertThrows(ModelException.class, () -> c.valueAt(0.5));
        assertThrows(ModelException.class, () -> c.valueAt(101));
    }

    @Test
    void nonPositiveNeighboursCannotBeInterpolatedLogLog() {
        ModelCurve c = new ModelCurve("ratio", EK, new double[] {1, 2, 3}, new double[] {0, 1, 2});
        ModelException e = assertThrows(ModelException.class, () -> c.valueAt(1.5));
        assertTrue(e.getMessage().contains("'ratio'"), e.getMessage());
        assertEquals(1.5, c.valueAt(2.5), 0.1); // the positive segment still works
    }

    @Test
    void invalidTablesAreRejectedWithTheirPlace() {
        ModelException nan = assertThrows(ModelException.class,
                () -> new ModelCurve("m", EK, new double[] {1, 2}, new double[] {1, Double.NaN}));
        assertTrue(nan.getMessage().contains("y[1]"), nan.getMessage());
        assertThrows(ModelException.class, () -> new ModelCurve("m", EK, new double[] {1, 1}, new double[] {1, 2}));
        assertThrows(ModelException.class, () -> new ModelCurve("m", EK, new double[] {2, 1}, new double[] {1, 2}));
        assertThrows(ModelException.class, () -> new ModelCurve("m", EK, new double[] {0, 1}, new double[] {1, 2}));
        assertThrows(ModelException.class, () -> new ModelCurve("m", EK, new double[] {1}, new double[] {1}));
        assertThrows(ModelException.class, () -> new ModelCurve("m", EK, new double[] {1, 2}, new double[] {1}));
    }

    @Test
    void arraysAreCopied() {
        double[] x = {1, 10};
        double[] y = {1, 2};
        ModelCurve c = new ModelCurve("m", EK, x, y);
        y[1] = 100;
        c.y()[0] = 50;
        assertEquals(2.0, c.valueAt(10));
        assertEquals(1.0, c.valueAt(1));
    }
}
