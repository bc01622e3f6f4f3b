package org.crdl.runtime.output;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A log–log chart of named curves, e.g. ν_s(R) or κ_∥(R) per phase, D_xx(R) per mode family.
 * Axis titles carry units ({@code "R [GV]"}, {@code "D_xx [cm^2 s^-1]"}). Points that cannot be
 * drawn (NaN, ±∞, ≤ 0) are dropped and reported in the {@link PlotReport}.
 *
 * <pre>{@code
 * PlotReport r = new LogLogChart("ν_s per phase", "R [GV]", "ν_s [s^-1]")
 *         .addSeries("WIM", rGV, nuWim)
 *         .addSeries("CNM", rGV, nuCnm, LineStyle.DASHED)
 *         .writePng(out.resolve("nu_per_phase.png"), 900, 650);
 * }</pre>
 */
public final class LogLogChart {
    private record Series(String label, double[] x, double[] y, LineStyle style, java.awt.Color color, float width,
                          double[] hi) {
    }

    private final String title;
    private final String xTitle;
    private final String yTitle;
    private final List<Series> series = new ArrayList<>();

    /**
     * @param xTitle x-axis title with unit, e.g. {@code R [GV]}
     * @param yTitle y-axis title with unit, e.g. {@code κ_∥ [cm^2 s^-1]}
     */
    public LogLogChart(String title, String xTitle, String yTitle) {
        this.title = Objects.requireNonNull(title, "title");
        this.xTitle = Objects.requireNonNull(xTitle, "xTitle");
        this.yTitle = Objects.requireNonNull(yTitle, "yTitle");
    }

    /** Adds a solid curve. */
    public LogLogChart addSeries(String label, double[] x, double[] y) {
        return addSeries(label, x, y, LineStyle.SOLID);
    }

    /** Adds a curve (arrays are copied; lengths must match). */
    public LogLogChart addSeries(String label, double[] x, double[] y, LineStyle style) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("series '" + label + "': " + x.length + " x values but "
                    + y.length + " y values");
        }
        series.add(new Series(Objects.requireNonNull(label, "label"), x.clone(), y.clone(),
                Objects.requireNonNull(style, "style"), null, 2f, null));
        return this;
    }

    /** Adds a curve in a given colour and line width (e.g. a thick "total" under its parts). */
    public LogLogChart addSeries(String label, double[] x, double[] y, LineStyle style, java.awt.Color color,
                                 float width) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("series '" + label + "': " + x.length + " x values but "
                    + y.length + " y values");
        }
        series.add(new Series(label, x.clone(), y.clone(), style, Objects.requireNonNull(color, "color"), width, null));
        return this;
    }

    /** Adds a shaded band between {@code lo} and {@code hi} (e.g. an empirical range), drawn under later curves. */
    public LogLogChart addBand(String label, double[] x, double[] lo, double[] hi, java.awt.Color color) {
        if (x.length != lo.length || x.length != hi.length) {
            throw new IllegalArgumentException("band '" + label + "': lengths differ");
        }
        series.add(new Series(label, x.clone(), lo.clone(), LineStyle.SOLID, color, 0f, hi.clone()));
        return this;
    }

    /**
     * Draws the chart into a PNG of {@code width}×{@code height} pixels.
     *
     * @throws org.crdl.runtime.plasma.ModelException if no series has a drawable point, or the
     *         file cannot be written
     */
    public PlotReport writePng(Path file, int width, int height) {
        return canvas(width, height).write(file);
    }

    private ChartCanvas canvas(int width, int height) {
        ChartCanvas canvas = new ChartCanvas(title, xTitle, yTitle, width, height);
        int k = 0;
        for (Series s : series) {
            if (s.hi() != null) {
                canvas.band(s.label(), s.x(), s.y(), s.hi(), s.color());
            } else if (s.color() != null) {
                canvas.line(s.label(), s.x(), s.y(), s.style(), s.color(), s.width());
            } else {
                canvas.line(s.label(), s.x(), s.y(), s.style(), ChartCanvas.PALETTE[k++ % ChartCanvas.PALETTE.length]);
            }
        }
        return canvas;
    }

    /**
     * Draws several charts side by side into one PNG, each {@code panelWidth}×{@code panelHeight}
     * (e.g. ν_s(R) and κ_∥(R) per phase).
     */
    public static PlotReport writePanels(Path file, int panelWidth, int panelHeight, LogLogChart... charts) {
        java.awt.image.BufferedImage all = new java.awt.image.BufferedImage(panelWidth * charts.length, panelHeight,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = all.createGraphics();
        int dropped = 0;
        List<String> messages = new ArrayList<>();
        for (int i = 0; i < charts.length; i++) {
            ChartCanvas c = charts[i].canvas(panelWidth, panelHeight);
            g.drawImage(c.image(file), i * panelWidth, 0, null);
            dropped += c.dropped();
            messages.addAll(c.messages());
        }
        g.dispose();
        try {
            if (file.toAbsolutePath().getParent() != null) {
                java.nio.file.Files.createDirectories(file.toAbsolutePath().getParent());
            }
            javax.imageio.ImageIO.write(all, "png", file.toFile());
        } catch (java.io.IOException e) {
            throw new OutputException("cannot write plot " + file + ": " + OutputFolder.describe(e), e);
        }
        return new PlotReport(file, all.getWidth(), all.getHeight(), dropped, messages);
    }
}
