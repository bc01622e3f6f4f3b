package org.crdl.runtime.params;

import org.crdl.runtime.units.Dimension;

/**
 * A named, unit-carrying, bounded model parameter (`param` in CRDL). Values are cgs;
 * {@code lo}/{@code hi} are NaN when the declaration gives no range.
 */
public record Parameter(String name, double value, Dimension dimension, double lo, double hi, String source) {

    public boolean bounded() {
        return !Double.isNaN(lo) && !Double.isNaN(hi);
    }

    public Parameter withValue(double v) {
        return new Parameter(name, v, dimension, lo, hi, source);
    }
}
