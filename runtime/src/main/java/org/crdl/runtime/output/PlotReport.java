package org.crdl.runtime.output;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What a plot writer did.
 *
 * @param file          the PNG written
 * @param width         image width [pixels]
 * @param height        image height [pixels]
 * @param droppedPoints points left out because they cannot be drawn (NaN, ±∞, ≤ 0 on a log axis)
 * @param messages      one line per series that lost points or was left out, and per adjustment
 *                      (e.g. error bars cut at the log axis); empty if everything was drawn
 */
public record PlotReport(Path file, int width, int height, int droppedPoints, List<String> messages) {
    public PlotReport {
        Objects.requireNonNull(file, "file");
        messages = List.copyOf(messages);
    }
}
