package org.crdl.runtime.units;

/**
 * A physical dimension in the cgs-Gaussian system: exponents of mass [g], length [cm],
 * time [s] and temperature [K]. Electromagnetic quantities have half-integer exponents
 * (gauss = g^(1/2) cm^(-1/2) s^-1, statvolt = g^(1/2) cm^(1/2) s^-1).
 */
public record Dimension(Rational mass, Rational length, Rational time, Rational temperature) {

    public static final Dimension NONE = new Dimension(Rational.ZERO, Rational.ZERO, Rational.ZERO, Rational.ZERO);
    public static final Dimension MASS = of(1, 0, 0, 0);
    public static final Dimension LENGTH = of(0, 1, 0, 0);
    public static final Dimension TIME = of(0, 0, 1, 0);
    public static final Dimension TEMPERATURE = of(0, 0, 0, 1);
    public static final Dimension RATE = of(0, 0, -1, 0);
    public static final Dimension VELOCITY = of(0, 1, -1, 0);
    public static final Dimension NUMBER_DENSITY = of(0, -3, 0, 0);
    public static final Dimension MASS_DENSITY = of(1, -3, 0, 0);
    public static final Dimension ENERGY = of(1, 2, -2, 0);
    public static final Dimension ENERGY_DENSITY = of(1, -1, -2, 0);
    public static final Dimension ENERGY_DENSITY_RATE = of(1, -1, -3, 0);
    public static final Dimension MOMENTUM = of(1, 1, -1, 0);
    public static final Dimension WAVENUMBER = of(0, -1, 0, 0);
    public static final Dimension AREA = of(0, 2, 0, 0);
    /** gauss: g^(1/2) cm^(-1/2) s^-1 */
    public static final Dimension MAGNETIC_FIELD = new Dimension(Rational.HALF, Rational.HALF.negate(), Rational.of(-1), Rational.ZERO);
    /** statvolt, also rigidity pc/(Ze): g^(1/2) cm^(1/2) s^-1 */
    public static final Dimension POTENTIAL = new Dimension(Rational.HALF, Rational.HALF, Rational.of(-1), Rational.ZERO);
    /** statcoulomb: g^(1/2) cm^(3/2) s^-1 */
    public static final Dimension CHARGE = new Dimension(Rational.HALF, Rational.of(3, 2), Rational.of(-1), Rational.ZERO);

    public static Dimension of(long mass, long length, long time, long temperature) {
        return new Dimension(Rational.of(mass), Rational.of(length), Rational.of(time), Rational.of(temperature));
    }

    public Dimension times(Dimension o) {
        return new Dimension(mass.plus(o.mass), length.plus(o.length), time.plus(o.time), temperature.plus(o.temperature));
    }

    public Dimension over(Dimension o) {
        return times(o.pow(Rational.of(-1)));
    }

    public Dimension pow(Rational p) {
        return new Dimension(mass.times(p), length.times(p), time.times(p), temperature.times(p));
    }

    public boolean isNone() {
        return equals(NONE);
    }

    /**
     * Readable cgs form used in diagnostics and `crdl eval`: "cm^-3", "erg cm^-3 s^-1", "G",
     * "g cm^-3", "1" for dimensionless. A half-integer mass exponent is factored into gauss
     * (G = g^(1/2) cm^(-1/2) s^-1); the remaining mass goes into erg when that lowers the
     * power of seconds (energy, energy density, power), else stays in grams (density,
     * momentum). The result always parses back as a CRDL unit.
     */
    @Override
    public String toString() {
        if (isNone()) {
            return "1";
        }
        Rational gauss = mass.isInteger() ? Rational.ZERO : mass.times(Rational.of(2));
        Rational restMass = mass.minus(gauss.times(Rational.HALF));
        Rational timeBase = remainder(gauss, Rational.ZERO)[2];
        Rational timeErg = remainder(gauss, restMass)[2];
        boolean useErg = !restMass.isZero() && Math.abs(timeErg.toDouble()) < Math.abs(timeBase.toDouble());
        return format(gauss, useErg ? restMass : Rational.ZERO);
    }

    /** Remaining exponents after factoring out G^gauss and erg^erg: [g, cm, s, K]. */
    private Rational[] remainder(Rational gauss, Rational erg) {
        Rational m = mass.minus(gauss.times(Rational.HALF)).minus(erg);
        Rational l = length.plus(gauss.times(Rational.HALF)).minus(erg.times(Rational.of(2)));
        Rational t = time.plus(gauss).plus(erg.times(Rational.of(2)));
        return new Rational[] {m, l, t, temperature};
    }

    private String format(Rational gauss, Rational erg) {
        Rational[] r = remainder(gauss, erg);
        StringBuilder sb = new StringBuilder();
        append(sb, "erg", erg);
        append(sb, "G", gauss);
        append(sb, "g", r[0]);
        append(sb, "cm", r[1]);
        append(sb, "s", r[2]);
        append(sb, "K", r[3]);
        return sb.toString();
    }

    private static void append(StringBuilder sb, String unit, Rational exponent) {
        if (exponent.isZero()) {
            return;
        }
        if (sb.length() > 0) {
            sb.append(' ');
        }
        sb.append(unit);
        if (!exponent.equals(Rational.ONE)) {
            sb.append('^');
            sb.append(exponent.isInteger() ? exponent.toString() : "(" + exponent + ")");
        }
    }
}
