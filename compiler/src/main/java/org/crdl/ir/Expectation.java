package org.crdl.ir;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.crdl.diag.SourceSpan;
import org.crdl.runtime.units.Dimension;

/**
 * A checked {@code expect} statement: what to evaluate (a wave-balance column at one rigidity, δ_s over
 * a rigidity interval, a law's Table-2 exponent, a run observable, an environment's quasi-linear D_xx) and the bound it must satisfy. Every
 * number is in cgs; rigidities in GV and energies in GeV per nucleon, as the runtime takes them.
 */
public record Expectation(Kind kind, String subject, Optional<String> phase, double rigidityGV, double loGV,
                          double hiGV, List<Check> checks, SourceSpan span) {

    public Expectation {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(span, "span");
        checks = List.copyOf(checks);
    }

    /** The four families of expectations. */
    public enum Kind {
        /** {@code expect rates BLOCK in PHASE at R = …: column bound} */
        RATES("rates"),
        /** {@code expect delta_s of BLOCK in PHASE over R1 .. R2 bound} */
        DELTA_S("delta_s"),
        /** {@code expect signature LAW: xi_k = 1, …} */
        SIGNATURE("signature"),
        /** {@code expect run GALAXY: chi2/N of B/C < 2, B/C at 10 [GeV] within 5 % of 0.2} */
        RUN("run"),
        /** {@code expect turbulence ENVIRONMENT at R = 89 [GV]: D_xx within 2 % of 2.03e28 [cm^2/s]} */
        TURBULENCE("turbulence");

        public final String keyword;

        Kind(String keyword) {
            this.keyword = keyword;
        }
    }

    /**
     * One checked quantity: {@code quantity} is a rates column, a law of the block, an exponent name,
     * {@code chi2/N} or an observable label; {@code target} and {@code energyGeV} qualify run checks.
     */
    public record Check(String quantity, Dimension dim, Optional<Galaxy.Target> target, Optional<String> dataset,
                        double energyGeV, Bound bound, SourceSpan span) {
        public Check {
            Objects.requireNonNull(quantity, "quantity");
            Objects.requireNonNull(dim, "dim");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(dataset, "dataset");
            Objects.requireNonNull(bound, "bound");
            Objects.requireNonNull(span, "span");
        }
    }

    /** A condition on one value (cgs). */
    public sealed interface Bound permits Range, Near, Compare {
        boolean holds(double value);

        /** The bound as text with the numbers in cgs, e.g. "within 1e-10 .. 3e-10". */
        String describe();
    }

    /** lo ≤ value ≤ hi */
    public record Range(double lo, double hi) implements Bound {
        public boolean holds(double v) {
            return v >= lo && v <= hi;
        }

        public String describe() {
            return "within " + Format.number(lo) + " .. " + Format.number(hi);
        }
    }

    /** |value − reference| ≤ tolerance (absolute), or ≤ tolerance·|reference| when relative. */
    public record Near(double reference, double tolerance, boolean relative) implements Bound {
        public boolean holds(double v) {
            double allowed = relative ? tolerance * Math.abs(reference) : tolerance;
            return Math.abs(v - reference) <= allowed;
        }

        public String describe() {
            return "within " + (relative ? Format.number(100 * tolerance) + " %" : Format.number(tolerance))
                    + " of " + Format.number(reference);
        }
    }

    /**
     * value OP limit; {@code =} allows 1e-9 relative (exponents such as ξ_k are exact rationals in
     * theory, sums of doubles in practice).
     */
    public record Compare(String op, double limit) implements Bound {
        public static final double EQUAL_TOLERANCE = 1e-9;

        public boolean holds(double v) {
            return switch (op) {
                case "<" -> v < limit;
                case "<=" -> v <= limit;
                case ">" -> v > limit;
                case ">=" -> v >= limit;
                default -> Math.abs(v - limit) <= EQUAL_TOLERANCE * Math.max(1, Math.abs(limit));
            };
        }

        public String describe() {
            return ("==".equals(op) ? "=" : op) + " " + Format.number(limit);
        }
    }

    /** Short number text for messages. */
    public static final class Format {
        private Format() {
        }

        public static String number(double v) {
            if (Double.isNaN(v)) {
                return "undefined";
            }
            if (Double.isInfinite(v)) {
                return v > 0 ? "inf" : "-inf";
            }
            if (v == Math.rint(v) && Math.abs(v) < 1e6) {
                return Long.toString((long) v);
            }
            double a = Math.abs(v);
            return a >= 1e-3 && a < 1e6 ? new java.math.BigDecimal(String.format("%.6g", v)).stripTrailingZeros()
                    .toPlainString() : String.format("%.6g", v).replaceAll("\\.?0+e", "e");
        }
    }
}
