package org.crdl.runtime.output;

/** Which spectrum a model line shows: drawn dashed for LIS, solid for TOA. */
public enum CurveKind {
    /** local interstellar spectrum (before solar modulation): dashed */
    LIS(LineStyle.DASHED),
    /** top of the atmosphere (after solar modulation), what AMS-02 measures: solid */
    TOA(LineStyle.SOLID);

    private final LineStyle style;

    CurveKind(LineStyle style) {
        this.style = style;
    }

    public LineStyle style() {
        return style;
    }
}
