package org.crdl.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.crdl.ir.Expectation;
import org.junit.jupiter.api.Test;

/** The comparisons behind expected files and expect bounds can fail (and pass where they should). */
class ExpectedTextTest {
    private static final Set<String> ABSOLUTE = Set.of("delta_s");

    private static List<String> diff(List<String> e, List<String> a) {
        return ExpectedText.differences(e, a, ",", 1e-9, ABSOLUTE, true);
    }

    @Test
    void csvCellsCompareWithinTheTolerance() {
        List<String> e = List.of("R_GV,nu_s_per_s,delta_s,regime", "1.0,1.0e-9,0.5,balanced");
        assertEquals(List.of(), diff(e, e));
        assertEquals(List.of(), diff(e, List.of(e.get(0), "1.0,1.0000000001e-9,0.5000000001,balanced")));
        for (String row : new String[] {"1.0,1.001e-9,0.5,balanced", "1.0,1.0e-9,0.51,balanced",
            "1.0,1.0e-9,0.5,free_streaming", "1.0,,0.5,balanced", "1.0,inf,0.5,balanced"}) {
            assertEquals(1, diff(e, List.of(e.get(0), row)).size(), row);
        }
        assertEquals("row 1 nu_s_per_s: expected 1.0e-9, got 1.001e-9",
                diff(e, List.of(e.get(0), "1.0,1.001e-9,0.5,balanced")).get(0));
        assertTrue(ExpectedText.same("1e-300", "1.0000000001e-300", 1e-9, false), "relative at any scale");
        assertTrue(ExpectedText.same("4e-15", "-3e-15", 1e-9, true), "noise around 0 in an absolute column");
        assertEquals(List.of("expected 2 lines, got 1"), diff(e, List.of(e.get(0))));
    }

    @Test
    void boundsHoldAndFailAtTheirEdges() {
        assertTrue(new Expectation.Range(1, 2).holds(1) && new Expectation.Range(1, 2).holds(2));
        assertTrue(!new Expectation.Range(1, 2).holds(2.0000001) && !new Expectation.Range(1, 2).holds(Double.NaN));
        assertTrue(new Expectation.Near(0.2, 0.05, true).holds(0.2099) && !new Expectation.Near(0.2, 0.05, true).holds(0.2101));
        assertTrue(new Expectation.Near(0, 0.01, false).holds(-0.01) && !new Expectation.Near(0, 0.01, false).holds(0.011));
        assertTrue(new Expectation.Compare("<", 2).holds(1.99) && !new Expectation.Compare("<", 2).holds(2));
        assertTrue(new Expectation.Compare("=", 1).holds(1 + 1e-10) && !new Expectation.Compare("=", 1).holds(1.001));
        assertTrue(!new Expectation.Compare(">=", 0).holds(Double.NaN), "an undefined value never passes");
    }
}
