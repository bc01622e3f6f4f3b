package org.crdl.runtime.data;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Choices a caller can make when a file does not say everything itself.
 *
 * @param xAxis  the x variable to use when the file's header is silent about it (CRDB tables,
 *               Voyager Table 9). If the header names a different variable the load fails.
 * @param charge element to pick (charge number Z) from a table holding several elements
 */
public record LoadOptions(Optional<XAxisKind> xAxis, OptionalInt charge) {

    /** No override, no element selection. */
    public static final LoadOptions DEFAULTS = new LoadOptions(Optional.empty(), OptionalInt.empty());

    public LoadOptions {
        Objects.requireNonNull(xAxis, "xAxis");
        Objects.requireNonNull(charge, "charge");
    }

    /** These options with the x axis set explicitly. */
    public LoadOptions withXAxis(XAxisKind kind) {
        return new LoadOptions(Optional.of(kind), charge);
    }

    /** These options selecting the element of charge number {@code z}. */
    public LoadOptions withCharge(int z) {
        if (z < 1) {
            throw new IllegalArgumentException("charge number must be ≥ 1: " + z);
        }
        return new LoadOptions(xAxis, OptionalInt.of(z));
    }
}
