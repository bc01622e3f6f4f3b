package org.crdl.syntax;

import java.util.List;
import java.util.Objects;
import org.crdl.diag.SourceSpan;

/**
 * A unit in brackets, {@code [g cm^-3]} or {@code [1/s]}: a product of factors, each
 * multiplied or divided in. Exponents are kept as written ({@code exponentText}) and
 * turned into exact rationals by the unit evaluator.
 */
public record UnitExpr(SourceSpan span, List<Part> parts) {

    public UnitExpr {
        Objects.requireNonNull(span, "span");
        parts = List.copyOf(parts);
    }

    /** One factor of the product; {@code divide} is true after '/'. */
    public record Part(boolean divide, Factor factor) {
        public Part {
            Objects.requireNonNull(factor, "factor");
        }
    }

    /** A unit factor: a named unit, the number one, or a parenthesized group, with an optional exponent. */
    public sealed interface Factor permits Named, One, Group {
        SourceSpan span();
    }

    /** {@code cm^-3}; exponentText is null when no exponent is written. */
    public record Named(SourceSpan span, String name, String exponentText, SourceSpan exponentSpan) implements Factor {
        public Named {
            Objects.requireNonNull(span, "span");
            Objects.requireNonNull(name, "name");
        }
    }

    /** The number in {@code [1/s]}; any other number is an error reported by the unit evaluator. */
    public record One(SourceSpan span, String text) implements Factor {
        public One {
            Objects.requireNonNull(span, "span");
        }
    }

    /** {@code (km/s)^2} */
    public record Group(SourceSpan span, UnitExpr inner, String exponentText, SourceSpan exponentSpan) implements Factor {
        public Group {
            Objects.requireNonNull(span, "span");
            Objects.requireNonNull(inner, "inner");
        }
    }
}
