package org.crdl.runtime.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** CSV numbers read back to the same double, bit for bit. */
class CsvNumberFormatTest {

    @Property(tries = 500)
    void everyFiniteDoubleRoundTrips(@ForAll double v) {
        if (Double.isNaN(v)) {
            return;
        }
        String text = CsvTable.format(v);
        double back = text.equals("inf") ? Double.POSITIVE_INFINITY
                : text.equals("-inf") ? Double.NEGATIVE_INFINITY : Double.parseDouble(text);
        assertEquals(Double.doubleToLongBits(v), Double.doubleToLongBits(back), text);
        assertTrue(!text.contains("NaN") && !text.contains("E"), text);
    }
}
