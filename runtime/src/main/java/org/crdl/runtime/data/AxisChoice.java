package org.crdl.runtime.data;

import java.util.List;
import java.util.Optional;

/** Decides a file's x axis from its header, the caller's override and the layout's convention. */
final class AxisChoice {
    private AxisChoice() {
    }

    /**
     * @param fromHeader  the variable the header names, if it names one
     * @param headerLine  0-based line of that header (for the conflict message)
     * @param convention  what the layout's files use when the header is silent, if known
     * @param conventionWhy one phrase saying where the convention comes from
     * @param notes       receives a note when the axis did not come from the header
     */
    static XAxisKind resolve(SourceText text, Optional<XAxisKind> fromHeader, int headerLine,
            LoadOptions options, Optional<XAxisKind> convention, String conventionWhy,
            List<String> notes) {
        Optional<XAxisKind> override = options.xAxis();
        if (fromHeader.isPresent()) {
            if (override.isPresent() && override.get() != fromHeader.get()) {
                throw text.error(headerLine, "the header gives the x axis as "
                        + fromHeader.get().description() + " [" + fromHeader.get().unit()
                        + "] but the loader was asked for " + override.get().description() + " ["
                        + override.get().unit() + "]; convert with AxisConversion instead");
            }
            return fromHeader.get();
        }
        if (override.isPresent()) {
            notes.add("x axis not stated in the file; set by the caller to "
                    + override.get().description() + " [" + override.get().unit() + "]");
            return override.get();
        }
        if (convention.isPresent()) {
            notes.add("x axis not stated in the file; assumed " + convention.get().description()
                    + " [" + convention.get().unit() + "] (" + conventionWhy
                    + "); override with LoadOptions.withXAxis");
            return convention.get();
        }
        throw text.error("the file does not say what its x values are; pass "
                + "LoadOptions.withXAxis(...) to load it");
    }
}
