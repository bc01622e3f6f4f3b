package org.crdl.runtime.units;

/**
 * An exact rational number p/q in lowest terms with q > 0; used for dimension exponents
 * (gauss = g^(1/2) cm^(-1/2) s^-1) and for compile-time exponents of dimensional bases.
 */
public record Rational(long num, long den) implements Comparable<Rational> {

    public static final Rational ZERO = new Rational(0, 1);
    public static final Rational ONE = new Rational(1, 1);
    public static final Rational HALF = new Rational(1, 2);

    public Rational {
        if (den == 0) {
            throw new ArithmeticException("zero denominator");
        }
        if (den < 0) {
            num = -num;
            den = -den;
        }
        long g = gcd(Math.abs(num), den);
        if (g > 1) {
            num /= g;
            den /= g;
        }
    }

    public static Rational of(long n) {
        return new Rational(n, 1);
    }

    public static Rational of(long n, long d) {
        return new Rational(n, d);
    }

    /**
     * The rational equal to {@code x} when x is a fraction with a small denominator
     * (at most 1000), else null. Used to accept exponents like 0.5 or -1.5 on dimensional bases.
     */
    public static Rational approximate(double x) {
        if (!Double.isFinite(x) || Math.abs(x) > 1e6) {
            return null;
        }
        for (long d = 1; d <= 1000; d++) {
            double n = Math.rint(x * d);
            if (Math.abs(n / d - x) <= 1e-12 * Math.max(1.0, Math.abs(x))) {
                return new Rational((long) n, d);
            }
        }
        return null;
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a == 0 ? 1 : a;
    }

    public Rational plus(Rational o) {
        return new Rational(Math.addExact(Math.multiplyExact(num, o.den), Math.multiplyExact(o.num, den)),
                Math.multiplyExact(den, o.den));
    }

    public Rational minus(Rational o) {
        return plus(o.negate());
    }

    public Rational times(Rational o) {
        return new Rational(Math.multiplyExact(num, o.num), Math.multiplyExact(den, o.den));
    }

    public Rational negate() {
        return new Rational(-num, den);
    }

    public boolean isZero() {
        return num == 0;
    }

    public boolean isInteger() {
        return den == 1;
    }

    public double toDouble() {
        return (double) num / den;
    }

    @Override
    public int compareTo(Rational o) {
        return Long.compare(Math.multiplyExact(num, o.den), Math.multiplyExact(o.num, den));
    }

    /** "3", "-1", "1/2", "-3/2". */
    @Override
    public String toString() {
        return den == 1 ? Long.toString(num) : num + "/" + den;
    }
}
