package org.crdl.runtime.output;

import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.crdl.runtime.plasma.ModelException;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * An XChart with a log x axis and a log (or linear) y axis being filled with series; drops
 * undrawable points, keeps the messages, labels ticks as 10ⁿ ({@link TickLabels}), draws
 * vertical markers (fit ranges) and writes the PNG headless. One instance per image.
 */
final class ChartCanvas {
    static {
        // plots are written by batch runs and tests without a display
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
        new Color(0xff7f0e), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2),
        new Color(0x17becf), new Color(0xbcbd22), new Color(0x7f7f7f)};

    private final XYChart chart;
    private final int width;
    private final int height;
    private final List<String> messages = new ArrayList<>();
    private int dropped;
    private int drawnSeries;
    private double xMin = Double.POSITIVE_INFINITY;
    private double xMax = Double.NEGATIVE_INFINITY;
    private double yMin = Double.POSITIVE_INFINITY;
    private double yMax = Double.NEGATIVE_INFINITY;
    private final boolean yLog;
    private boolean positiveY;
    private final List<Object[]> verticals = new ArrayList<>();
    private final List<Object[]> horizontals = new ArrayList<>();

    ChartCanvas(String title, String xTitle, String yTitle, int width, int height) {
        this(title, xTitle, yTitle, width, height, true);
    }

    /** A chart with a log x axis and a log ({@code yLog}) or linear y axis. */
    ChartCanvas(String title, String xTitle, String yTitle, int width, int height, boolean yLog) {
        if (width < 100 || height < 100) {
            throw new IllegalArgumentException("plot size " + width + "×" + height
                    + " too small (at least 100×100 pixels)");
        }
        this.width = width;
        this.height = height;
        chart = new XYChartBuilder().width(width).height(height).title(title)
                .xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        XYStyler s = chart.getStyler();
        s.setXAxisLogarithmic(true);
        this.yLog = yLog;
        this.positiveY = yLog;
        s.setYAxisLogarithmic(yLog);
        s.setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotGridLinesColor(new Color(238, 238, 238));
        s.setPlotGridLinesStroke(new java.awt.BasicStroke(0.6f));
        s.setPlotBorderVisible(true);
        s.setLegendPosition(Styler.LegendPosition.OutsideS);
        s.setLegendLayout(Styler.LegendLayout.Vertical);
        s.setLegendBorderColor(Color.WHITE);
        s.setMarkerSize(6);
        s.setAntiAlias(true);
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        s.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        // XChart's formatting function makes an axis linear: log axes get their 10ⁿ labels drawn over
        // the image instead (LogTickLabels); XChart's own labels are kept transparent to reserve the space
        s.setXAxisDecimalPattern("0E0");
        s.setXAxisTickLabelsColor(new Color(0, 0, 0, 0));
        if (yLog) {
            s.setYAxisDecimalPattern("0E0");
            s.setYAxisTickLabelsColor(new Color(0, 0, 0, 0));
        } else {
            s.setyAxisTickLabelsFormattingFunction(TickLabels::linear);
        }
        s.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    }

    /** Drops points with y ≤ 0 on a linear axis too (fluxes), reporting them. */
    void requirePositiveY() {
        positiveY = true;
    }

    /** Puts the legend inside the plot at {@code position}. */
    void legendAt(Styler.LegendPosition position) {
        chart.getStyler().setLegendPosition(position);
        chart.getStyler().setLegendBackgroundColor(new Color(255, 255, 255, 220));
    }

    /** Hides the legend (e.g. a residual panel under a main panel). */
    void noLegend() {
        chart.getStyler().setLegendVisible(false);
    }

    /** Fixes the x range. */
    void xRange(double min, double max) {
        chart.getStyler().setXAxisMin(min);
        chart.getStyler().setXAxisMax(max);
    }

    /** Fixes the y range. */
    void yRange(double min, double max) {
        chart.getStyler().setYAxisMin(min);
        chart.getStyler().setYAxisMax(max);
    }

    /** A vertical line at {@code x} over the full height (drawn when finishing), e.g. a fit range limit. */
    void verticalLine(String label, double x, Color color, LineStyle style) {
        verticals.add(new Object[] {label, x, color, style});
    }

    /** A horizontal line at {@code y} over the full width, e.g. zero residual. */
    void horizontalLine(double y, Color color, LineStyle style) {
        horizontals.add(new Object[] {y, color, style});
    }

    XYChart chart() {
        return chart;
    }

    /** The drawable points of a series: finite and &gt; 0 in both coordinates. */
    private double[][] drawable(String label, double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("series '" + label + "': " + x.length + " x values but "
                    + y.length + " y values");
        }
        List<double[]> kept = new ArrayList<>();
        int nonFinite = 0;
        int nonPositive = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
                nonFinite++;
            } else if (x[i] <= 0 || (positiveY && y[i] <= 0)) {
                nonPositive++;
            } else {
                kept.add(new double[] {x[i], y[i]});
            }
        }
        if (nonFinite + nonPositive > 0) {
            dropped += nonFinite + nonPositive;
            messages.add("series '" + label + "': dropped " + (nonFinite + nonPositive) + " of "
                    + x.length + " points (" + nonFinite + " undefined/infinite, " + nonPositive
                    + (yLog ? " ≤ 0 on a log axis)" : " ≤ 0)"));
        }
        double[][] xy = new double[2][kept.size()];
        for (int i = 0; i < kept.size(); i++) {
            xy[0][i] = kept.get(i)[0];
            xy[1][i] = kept.get(i)[1];
        }
        return xy;
    }

    /**
     * Adds a shaded band between {@code lo} and {@code hi} (same x), e.g. an empirical range;
     * drawn as a translucent polygon under the lines added later.
     */
    boolean band(String label, double[] x, double[] lo, double[] hi, Color color) {
        List<double[]> pts = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            if (x[i] > 0 && hi[i] > 0 && lo[i] > 0 && Double.isFinite(lo[i]) && Double.isFinite(hi[i])) {
                pts.add(new double[] {x[i], lo[i], hi[i]});
            }
        }
        if (pts.size() < 2) {
            messages.add("band '" + label + "' left out: fewer than two drawable points");
            return false;
        }
        int n = pts.size();
        double[] px = new double[2 * n + 1];
        double[] py = new double[2 * n + 1];
        for (int i = 0; i < n; i++) {
            px[i] = pts.get(i)[0];
            py[i] = pts.get(i)[2];
            px[2 * n - 1 - i] = pts.get(i)[0];
            py[2 * n - 1 - i] = pts.get(i)[1];
        }
        px[2 * n] = px[0];
        py[2 * n] = py[0];
        XYSeries s = chart.addSeries(uniqueName(), px, py);
        extend(px, py);
        s.setLabel(label);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
        s.setMarker(SeriesMarkers.NONE);
        s.setFillColor(new Color(color.getRed(), color.getGreen(), color.getBlue(), 70));
        s.setLineColor(new Color(color.getRed(), color.getGreen(), color.getBlue(), 120));
        s.setLineWidth(0.8f);
        drawnSeries++;
        return true;
    }

    /** Adds a line; returns false (with a message) if nothing of it can be drawn. */
    boolean line(String label, double[] x, double[] y, LineStyle style, Color color) {
        return line(label, x, y, style, color, 2f);
    }

    /** Adds a line of the given width. */
    boolean line(String label, double[] x, double[] y, LineStyle style, Color color, float width) {
        double[][] xy = drawable(label, x, y);
        if (xy[0].length == 0) {
            messages.add("series '" + label + "' left out: no drawable point");
            return false;
        }
        XYSeries s = chart.addSeries(uniqueName(), xy[0], xy[1]);
        extend(xy[0], xy[1]);
        s.setLabel(label);
        s.setMarker(SeriesMarkers.NONE);
        java.awt.BasicStroke base = style.stroke();
        s.setLineStyle(new java.awt.BasicStroke(width, base.getEndCap(), base.getLineJoin(), base.getMiterLimit(),
                base.getDashArray(), base.getDashPhase()));
        s.setLineColor(color);
        s.setLineWidth(width);
        drawnSeries++;
        return true;
    }

    /**
     * Adds data points with asymmetric vertical error bars; errLo/errHi are distances below and
     * above y. A bar reaching ≤ 0 is cut at y/10 on the log axis (reported).
     */
    boolean points(String label, double[] x, double[] y, double[] errLo, double[] errHi, Color color) {
        return points(label, x, y, errLo, errHi, color, false);
    }

    /** Data points as above; {@code hollow} draws open circles (points excluded from a fit). */
    boolean points(String label, double[] x, double[] y, double[] errLo, double[] errHi, Color color, boolean hollow) {
        List<Integer> keep = new ArrayList<>();
        int nonFinite = 0;
        int nonPositive = 0;
        for (int i = 0; i < x.length; i++) {
            boolean finite = Double.isFinite(x[i]) && Double.isFinite(y[i])
                    && Double.isFinite(errLo[i]) && Double.isFinite(errHi[i]);
            if (!finite) {
                nonFinite++;
            } else if (x[i] <= 0 || (positiveY && y[i] <= 0)) {
                nonPositive++;
            } else {
                keep.add(i);
            }
        }
        if (nonFinite + nonPositive > 0) {
            dropped += nonFinite + nonPositive;
            messages.add("data '" + label + "': dropped " + (nonFinite + nonPositive) + " of "
                    + x.length + " points (" + nonFinite + " undefined/infinite, " + nonPositive
                    + (yLog ? " ≤ 0 on a log axis)" : " ≤ 0)"));
        }
        if (keep.isEmpty()) {
            messages.add("data '" + label + "' left out: no drawable point");
            return false;
        }
        int cut = 0;
        double[] px = new double[keep.size()];
        double[] py = new double[keep.size()];
        for (int j = 0; j < keep.size(); j++) {
            int i = keep.get(j);
            px[j] = x[i];
            py[j] = y[i];
            double lo = y[i] - errLo[i];
            if (yLog && lo <= 0) {
                lo = y[i] / 10;
                cut++;
            }
            double hi = y[i] + errHi[i];
            if (hi > lo) {
                XYSeries bar = chart.addSeries(uniqueName(), new double[] {x[i], x[i]},
                        new double[] {lo, hi});
                extend(new double[] {x[i], x[i]}, new double[] {lo, hi});
                bar.setShowInLegend(false);
                bar.setMarker(SeriesMarkers.NONE);
                bar.setLineStyle(SeriesLines.SOLID);
                bar.setLineColor(color);
                bar.setLineWidth(1.2f);
            }
        }
        if (cut > 0) {
            messages.add("data '" + label + "': " + cut + " error bars reach ≤ 0 and are drawn down "
                    + "to y/10 on the log axis");
        }
        XYSeries s = chart.addSeries(uniqueName(), px, py);
        extend(px, py);
        s.setLabel(label);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(hollow ? new HollowCircle() : SeriesMarkers.CIRCLE);
        s.setMarkerColor(color);
        drawnSeries++;
        return true;
    }

    private void extend(double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            xMin = Math.min(xMin, x[i]);
            xMax = Math.max(xMax, x[i]);
            yMin = Math.min(yMin, y[i]);
            yMax = Math.max(yMax, y[i]);
        }
    }

    void note(String message) {
        messages.add(message);
    }

    private String uniqueName() {
        return "s" + chart.getSeriesMap().size();
    }

    private void finish(Path file) {
        if (drawnSeries == 0) {
            throw new ModelException("nothing to plot in " + file + ": every series was empty or "
                    + "undrawable" + (messages.isEmpty() ? "" : " (" + String.join("; ", messages) + ")"));
        }
        XYStyler st = chart.getStyler();
        double x0 = st.getXAxisMin() != null ? st.getXAxisMin() : xMin;
        double x1 = st.getXAxisMax() != null ? st.getXAxisMax() : xMax;
        double y0 = st.getYAxisMin() != null ? st.getYAxisMin() : yMin;
        double y1 = st.getYAxisMax() != null ? st.getYAxisMax() : yMax;
        for (Object[] v : verticals) {
            double x = (Double) v[1];
            if (x > x0 && x < x1) {
                XYSeries s = chart.addSeries(uniqueName(), new double[] {x, x}, new double[] {y0, y1});
                s.setLabel((String) v[0]);
                s.setShowInLegend(v[0] != null);
                styleLine(s, (Color) v[2], (LineStyle) v[3], 1.2f);
                v[0] = null;   // one legend entry per label is enough
            }
        }
        for (Object[] h : horizontals) {
            // wide enough for a later change of the (fixed) x range; the plot clips it
            XYSeries s = chart.addSeries(uniqueName(), new double[] {x0 / 1e3, x1 * 1e3},
                    new double[] {(Double) h[0], (Double) h[0]});
            s.setShowInLegend(false);
            styleLine(s, (Color) h[1], (LineStyle) h[2], 1f);
        }
        verticals.clear();
        horizontals.clear();
        // label 2, 3, … 9 between decades only where the axis spans less than two decades
        st.setXAxisLogarithmicDecadeOnly(x1 / x0 > 100);
        if (yLog) {
            st.setYAxisLogarithmicDecadeOnly(y1 / y0 > 100);
        }
    }

    private static void styleLine(XYSeries s, Color color, LineStyle style, float width) {
        s.setMarker(SeriesMarkers.NONE);
        s.setLineStyle(style.stroke());
        s.setLineColor(color);
        s.setLineWidth(width);
    }

    /** The finished chart as an image (for multi-panel figures). */
    java.awt.image.BufferedImage image(Path file) {
        finish(file);
        java.awt.image.BufferedImage img = BitmapEncoder.getBufferedImage(chart);
        LogTickLabels.draw(img, chart, true, yLog, chart.getStyler().getAxisTickLabelsFont());
        return img;
    }

    int dropped() {
        return dropped;
    }

    List<String> messages() {
        return messages;
    }

    /** Writes the PNG (parent directories created). */
    PlotReport write(Path file) {
        java.awt.image.BufferedImage img = image(file);
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                javax.imageio.ImageIO.write(img, "png", out);
            }
        } catch (IOException e) {
            throw new OutputException("cannot write plot " + file + ": " + OutputFolder.describe(e), e);
        }
        return new PlotReport(file, width, height, dropped, messages);
    }
}
