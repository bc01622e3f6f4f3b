package org.crdl.runtime.output;

import java.awt.BasicStroke;
import org.knowm.xchart.style.lines.SeriesLines;

/** Dash pattern of a curve in a chart. */
public enum LineStyle {
    SOLID(SeriesLines.SOLID),
    DASHED(SeriesLines.DASH_DASH),
    DOTTED(SeriesLines.DOT_DOT),
    DASH_DOT(SeriesLines.DASH_DOT);

    private final BasicStroke stroke;

    LineStyle(BasicStroke stroke) {
        this.stroke = stroke;
    }

    BasicStroke stroke() {
        return stroke;
    }
}
