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
 * A log–log XChart being filled with series; drops undrawable points, keeps the messages,
 * writes the PNG headless. One instance per image.
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

    ChartCanvas(String title, String xTitle, String yTitle, int width, int height) {
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
        s.setYAxisLogarithmic(true);
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
        s.setXAxisDecimalPattern("0.###E0");
        s.setYAxisDecimalPattern("0.###E0");
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
            } else if (x[i] <= 0 || y[i] <= 0) {
                nonPositive++;
            } else {
                kept.add(new double[] {x[i], y[i]});
            }
        }
        if (nonFinite + nonPositive > 0) {
            dropped += nonFinite + nonPositive;
            messages.add("series '" + label + "': dropped " + (nonFinite + nonPositive) + " of "
                    + x.length + " points (" + nonFinite + " undefined/infinite, " + nonPositive
                    + " ≤ 0 on a log axis)");
        }
        double[][] xy = new double[2][kept.size()];
        for (int i = 0; i < kept.size(); i++) {
            xy[0][i] = kept.get(i)[0];
            xy[1][i] = kept.get(i)[1];
        }
        return xy;
    }

    /** Adds a line; returns false (with a message) if nothing of it can be drawn. */
    boolean line(String label, double[] x, double[] y, LineStyle style, Color color) {
        double[][] xy = drawable(label, x, y);
        if (xy[0].length == 0) {
            messages.add("series '" + label + "' left out: no drawable point");
            return false;
        }
        XYSeries s = chart.addSeries(uniqueName(), xy[0], xy[1]);
        extend(xy[0], xy[1]);
        s.setLabel(label);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineStyle(style.stroke());
        s.setLineColor(color);
        s.setLineWidth(2f);
        drawnSeries++;
        return true;
    }

    /**
     * Adds data points with asymmetric vertical error bars; errLo/errHi are distances below and
     * above y. A bar reaching ≤ 0 is cut at y/10 on the log axis (reported).
     */
    boolean points(String label, double[] x, double[] y, double[] errLo, double[] errHi, Color color) {
        List<Integer> keep = new ArrayList<>();
        int nonFinite = 0;
        int nonPositive = 0;
        for (int i = 0; i < x.length; i++) {
            boolean finite = Double.isFinite(x[i]) && Double.isFinite(y[i])
                    && Double.isFinite(errLo[i]) && Double.isFinite(errHi[i]);
            if (!finite) {
                nonFinite++;
            } else if (x[i] <= 0 || y[i] <= 0) {
                nonPositive++;
            } else {
                keep.add(i);
            }
        }
        if (nonFinite + nonPositive > 0) {
            dropped += nonFinite + nonPositive;
            messages.add("data '" + label + "': dropped " + (nonFinite + nonPositive) + " of "
                    + x.length + " points (" + nonFinite + " undefined/infinite, " + nonPositive
                    + " ≤ 0 on a log axis)");
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
            if (lo <= 0) {
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
        s.setMarker(SeriesMarkers.CIRCLE);
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
        // label 2, 3, … 9 between decades only where the axis spans less than two decades
        chart.getStyler().setXAxisLogarithmicDecadeOnly(xMax / xMin > 100);
        chart.getStyler().setYAxisLogarithmicDecadeOnly(yMax / yMin > 100);
    }

    /** The finished chart as an image (for multi-panel figures). */
    java.awt.image.BufferedImage image(Path file) {
        finish(file);
        return BitmapEncoder.getBufferedImage(chart);
    }

    int dropped() {
        return dropped;
    }

    List<String> messages() {
        return messages;
    }

    /** Writes the PNG (parent directories created). */
    PlotReport write(Path file) {
        finish(file);
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
            }
        } catch (IOException e) {
            throw new OutputException("cannot write plot " + file + ": " + OutputFolder.describe(e), e);
        }
        return new PlotReport(file, width, height, dropped, messages);
    }
}
