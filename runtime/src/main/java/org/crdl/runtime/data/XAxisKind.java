package org.crdl.runtime.data;

import java.math.BigDecimal;

/**
 * The independent variable of a measurement, with the unit CRDL uses for it at the interface.
 * A flux is always differential in this variable: per GeV/n, per GV or per GeV.
 */
public enum XAxisKind {
    /** kinetic energy per nucleon [GeV/n] (AMS-02 nuclei, ratios, CRDB tables) */
    EK_PER_NUCLEON("E_kin", "GeV/n", "kinetic energy per nucleon"),
    /** rigidity R = pc/(Ze) [GV] */
    RIGIDITY("R", "GV", "rigidity"),
    /** total kinetic energy of the particle [GeV] (equal to GeV/n for protons) */
    EK_TOTAL("E_kin", "GeV", "total kinetic energy");

    private final String symbol;
    private final String unit;
    private final String description;

    XAxisKind(String symbol, String unit, String description) {
        this.symbol = symbol;
        this.unit = unit;
        this.description = description;
    }

    /** Symbol used in axis titles, e.g. {@code E_kin} or {@code R}. */
    public String symbol() {
        return symbol;
    }

    /** Unit of the variable, e.g. {@code GeV/n}. */
    public String unit() {
        return unit;
    }

    /** Words for messages, e.g. "kinetic energy per nucleon". */
    public String description() {
        return description;
    }

    /** Axis title with unit, e.g. {@code E_kin [GeV/n]}. */
    public String axisTitle() {
        return symbol + " [" + unit + "]";
    }

    /** Unit of a flux differential in this variable, e.g. {@code m^-2 s^-1 sr^-1 (GeV/n)^-1}. */
    public String fluxUnit() {
        return "m^-2 s^-1 sr^-1 " + unitPower(-1);
    }

    /**
     * Unit of a flux multiplied by x^power, e.g. power 2.7 on GeV/n gives
     * {@code m^-2 s^-1 sr^-1 (GeV/n)^1.7}.
     */
    public String scaledFluxUnit(double power) {
        double exponent = BigDecimal.valueOf(power).subtract(BigDecimal.ONE).doubleValue();
        if (exponent == 0) {
            return "m^-2 s^-1 sr^-1";
        }
        return "m^-2 s^-1 sr^-1 " + unitPower(exponent);
    }

    /** This unit raised to a power, parenthesised where needed: {@code (GeV/n)^-1}, {@code GV^1.7}. */
    public String unitPower(double exponent) {
        String base = unit.contains("/") ? "(" + unit + ")" : unit;
        return exponent == 1 ? base : base + "^" + formatExponent(exponent);
    }

    static String formatExponent(double exponent) {
        BigDecimal exact = BigDecimal.valueOf(exponent).stripTrailingZeros();
        return exact.scale() <= 0 ? exact.toBigInteger().toString() : exact.toPlainString();
    }
}
