package org.crdl.runtime.units;

/** A named unit: its value in cgs-Gaussian units and its dimension. */
public record Unit(String symbol, double factor, Dimension dimension, String description) {

    public Unit pow(Rational p) {
        return new Unit(symbol + "^" + p, Math.pow(factor, p.toDouble()), dimension.pow(p), description);
    }
}
