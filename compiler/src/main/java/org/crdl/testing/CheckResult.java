package org.crdl.testing;

import java.util.Objects;

/**
 * The outcome of one check: its category, where it comes from ({@code file:line:col} or a file), a
 * one-line description, whether it passed and a message with the numbers.
 */
public record CheckResult(Category category, String where, String name, boolean passed, String message,
                          double seconds) {

    public CheckResult {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(message, "message");
    }

    /** The kinds of check {@code crdl test} runs. */
    public enum Category {
        /** an {@code expect} statement */
        EXPECT("expect"),
        /** a {@code .rates.expected} file */
        RATES_EXPECTED("rates-expected"),
        /** a {@code .run.expected} file */
        RUN_EXPECTED("run-expected"),
        /** a bad input (or warning input) with its expected diagnostics */
        DIAGNOSTICS("diagnostics"),
        /** compiled and interpreted evaluation agree on random states */
        ENGINES("engines"),
        /** generated code equals the golden copy next to the model */
        GOLDEN("golden"),
        /** the model itself checks (a model with errors fails this) */
        MODEL("model");

        public final String label;

        Category(String label) {
            this.label = label;
        }
    }

    /** The printed line: {@code PASS where: name: message}. */
    public String line() {
        return (passed ? "PASS " : "FAIL ") + where + ": " + name + (message.isEmpty() ? "" : ": " + message);
    }

    static CheckResult pass(Category c, String where, String name, String message, double seconds) {
        return new CheckResult(c, where, name, true, message, seconds);
    }

    static CheckResult fail(Category c, String where, String name, String message, double seconds) {
        return new CheckResult(c, where, name, false, message, seconds);
    }
}
