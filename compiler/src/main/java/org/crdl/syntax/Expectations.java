package org.crdl.syntax;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.crdl.diag.SourceSpan;

/**
 * The parts of an {@code expect} statement ({@link Decl.Expect}) as written. The soft words
 * ({@code at}, {@code of}, {@code over}, {@code within}) are kept as identifiers so the checker can
 * point at a misspelt one.
 */
public final class Expectations {
    private Expectations() {
    }

    /** {@code at R = 10 [GV]} of a rates expectation. */
    public record At(SourceSpan span, Ident word, Ident variable, Expr value) {
        public At {
            Objects.requireNonNull(span, "span");
            Objects.requireNonNull(word, "word");
            Objects.requireNonNull(variable, "variable");
            Objects.requireNonNull(value, "value");
        }
    }

    /** {@code of mine … over 10 [GV] .. 100 [GV]} of a slope expectation. */
    public record Over(SourceSpan span, Ident ofWord, Ident overWord, Expr lo, Expr hi) {
        public Over {
            Objects.requireNonNull(span, "span");
            Objects.requireNonNull(ofWord, "ofWord");
            Objects.requireNonNull(overWord, "overWord");
            Objects.requireNonNull(lo, "lo");
            Objects.requireNonNull(hi, "hi");
        }
    }

    /**
     * One check: a quantity ({@code nu}, {@code xi_k}, {@code chi2/N}, {@code B/C}), an optional
     * qualifier ({@code of B/C}, {@code at 10 [GeV]}), an optional dataset and the bound.
     */
    public record Check(SourceSpan span, Expr quantity, Optional<Ident> word, Optional<Expr> argument,
                        Optional<Expr.Text> against, Bound bound) {
        public Check {
            Objects.requireNonNull(span, "span");
            Objects.requireNonNull(quantity, "quantity");
            Objects.requireNonNull(word, "word");
            Objects.requireNonNull(argument, "argument");
            Objects.requireNonNull(against, "against");
            Objects.requireNonNull(bound, "bound");
        }
    }

    /** What a checked value must satisfy. */
    public sealed interface Bound permits Range, Near, Compare {
        SourceSpan span();
    }

    /** {@code within LO .. HI} */
    public record Range(SourceSpan span, Ident within, Expr lo, Expr hi) implements Bound {
        public Range {
            Objects.requireNonNull(span, "span");
            Objects.requireNonNull(within, "within");
            Objects.requireNonNull(lo, "lo");
            Objects.requireNonNull(hi, "hi");
        }
    }

    /** {@code within 5 % of 0.2} (relative) or {@code within 0.01 of 0.2} (absolute). */
    public record Near(SourceSpan span, Ident within, Expr tolerance, boolean percent, Ident ofWord, Expr reference)
            implements Bound {
        public Near {
            Objects.requireNonNull(span, "span");
            Objects.requireNonNull(within, "within");
            Objects.requireNonNull(tolerance, "tolerance");
            Objects.requireNonNull(ofWord, "ofWord");
            Objects.requireNonNull(reference, "reference");
        }
    }

    /** {@code < 2}, {@code >= 0.3}, {@code = 1} */
    public record Compare(SourceSpan span, String op, Expr value) implements Bound {
        public Compare {
            Objects.requireNonNull(span, "span");
            Objects.requireNonNull(op, "op");
            Objects.requireNonNull(value, "value");
        }
    }
}
