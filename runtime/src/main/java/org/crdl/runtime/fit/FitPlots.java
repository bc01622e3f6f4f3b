package org.crdl.runtime.fit;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.crdl.runtime.plasma.ModelException;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The PNGs of scans and samplers (XChart, headless): the χ² curve of a 1D scan, the χ² map of a
 * 2D scan with its 1σ and 2σ contours, and the corner plot of a chain.
 */
public final class FitPlots {
    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    /** Δχ² of the 68.3 % and 95.4 % regions for two jointly estimated parameters. */
    public static final double[] CONTOURS_2D = {2.30, 6.18};

    private FitPlots() {
    }

    /** χ² along one axis (failed points left out), with the Δχ² = 1 and 4 levels. */
    public static void curve(Path file, String title, Axis axis, PointResult[] results) {
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < results.length; i++) {
            if (results[i].ok()) {
                x.add(axis.value(i));
                y.add(results[i].total());
                min = Math.min(min, results[i].total());
            }
        }
        XYChart c = chart(title, axis.parameter().header(), "total chi2", 900, 600);
        c.getStyler().setXAxisLogarithmic(axis.log());
        if (x.size() >= 1) {
            XYSeries s = c.addSeries("chi2", x, y);
            s.setMarker(SeriesMarkers.CIRCLE);
            double[] ends = {axis.lo(), axis.hi()};
            for (double level : new double[] {1, 4}) {
                XYSeries l = c.addSeries("min + " + (int) level, ends, new double[] {min + level, min + level});
                l.setMarker(SeriesMarkers.NONE);
                l.setLineStyle(SeriesLines.DASH_DASH);
            }
        }
        write(c, file);
    }

    /**
     * The χ² map of a 2D grid (results in grid order, second axis fastest): each grid point a
     * square coloured by Δχ² band, the 1σ and 2σ contours (Δχ² = 2.30, 6.18, marching squares)
     * and the best point.
     */
    public static void map(Path file, String title, Axis ax, Axis ay, PointResult[] results) {
        int nx = ax.n();
        int ny = ay.n();
        double[][] z = new double[nx][ny];
        double min = Double.POSITIVE_INFINITY;
        int bi = -1;
        int bj = -1;
        for (int i = 0; i < nx; i++) {
            for (int j = 0; j < ny; j++) {
                PointResult r = results[i * ny + j];
                z[i][j] = r.ok() ? r.total() : Double.NaN;
                if (r.ok() && r.total() < min) {
                    min = r.total();
                    bi = i;
                    bj = j;
                }
            }
        }
        XYChart c = chart(title, ax.parameter().header(), ay.parameter().header(), 900, 750);
        c.getStyler().setXAxisLogarithmic(ax.log());
        c.getStyler().setYAxisLogarithmic(ay.log());
        c.getStyler().setMarkerSize(Math.max(4, Math.min(22, 560 / Math.max(nx, ny))));
        double[] bands = {1, CONTOURS_2D[0], CONTOURS_2D[1], 11.8, 25, 100, Double.POSITIVE_INFINITY};
        String[] names = {"dchi2 < 1", "< 2.30 (1 sigma)", "< 6.18 (2 sigma)", "< 11.8 (3 sigma)", "< 25", "< 100",
            ">= 100"};
        Color[] colors = {new Color(0x08306b), new Color(0x2171b5), new Color(0x6baed6), new Color(0xc6dbef),
            new Color(0xfdd0a2), new Color(0xfd8d3c), new Color(0xd94801)};
        for (int b = 0; b < bands.length; b++) {
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            double lo = b == 0 ? Double.NEGATIVE_INFINITY : bands[b - 1];
            for (int i = 0; i < nx; i++) {
                for (int j = 0; j < ny; j++) {
                    double dz = z[i][j] - min;
                    if (dz >= lo && dz < bands[b]) {
                        xs.add(ax.value(i));
                        ys.add(ay.value(j));
                    }
                }
            }
            if (!xs.isEmpty()) {
                XYSeries s = c.addSeries(names[b], xs, ys);
                s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                s.setMarker(SeriesMarkers.SQUARE);
                s.setMarkerColor(colors[b]);
            }
        }
        List<Double> fx = new ArrayList<>();
        List<Double> fy = new ArrayList<>();
        for (int i = 0; i < nx; i++) {
            for (int j = 0; j < ny; j++) {
                if (Double.isNaN(z[i][j])) {
                    fx.add(ax.value(i));
                    fy.add(ay.value(j));
                }
            }
        }
        if (!fx.isEmpty()) {
            XYSeries s = c.addSeries("failed", fx, fy);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(SeriesMarkers.CROSS);
            s.setMarkerColor(Color.BLACK);
        }
        if (bi >= 0 && nx > 1 && ny > 1) {
            String[] label = {"1 sigma contour", "2 sigma contour"};
            for (int l = 0; l < CONTOURS_2D.length; l++) {
                int k = 0;
                for (double[][] seg : Contours.segments(z, min + CONTOURS_2D[l])) {
                    double[] x = new double[seg.length];
                    double[] y = new double[seg.length];
                    for (int p = 0; p < seg.length; p++) {
                        x[p] = at(ax, seg[p][0]);
                        y[p] = at(ay, seg[p][1]);
                    }
                    XYSeries s = c.addSeries(k++ == 0 ? label[l] : label[l] + " " + k, x, y);
                    s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
                    s.setMarker(SeriesMarkers.NONE);
                    s.setLineColor(Color.BLACK);
                    s.setLineStyle(l == 0 ? SeriesLines.SOLID : SeriesLines.DASH_DASH);
                    s.setShowInLegend(k == 1);
                }
            }
        }
        if (bi >= 0) {
            XYSeries s = c.addSeries("best", new double[] {ax.value(bi)}, new double[] {ay.value(bj)});
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(SeriesMarkers.DIAMOND);
            s.setMarkerColor(Color.RED);
        }
        write(c, file);
    }

    /** The axis value at a fractional grid index (interpolated in the axis' own scale). */
    private static double at(Axis a, double index) {
        int i = (int) Math.min(a.n() - 2, Math.max(0, Math.floor(index)));
        double t = index - i;
        double v0 = a.value(i);
        double v1 = a.value(i + 1);
        return a.log() ? v0 * Math.pow(v1 / v0, t) : v0 + t * (v1 - v0);
    }

    /**
     * The corner plot of a chain after burn-in: the marginal histogram of each parameter on the
     * diagonal, the samples of each pair below it.
     */
    public static void corner(Path file, List<FreeParameter> params, double[][] samples) {
        int d = params.size();
        int panel = d == 1 ? 600 : Math.max(260, 900 / d);
        BufferedImage all = new BufferedImage(panel * d, panel * d, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = all.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, all.getWidth(), all.getHeight());
        int stride = Math.max(1, samples.length / 3000);
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                XYChart c = chart("", params.get(j).header(), i == j ? "samples" : params.get(i).header(), panel, panel);
                c.getStyler().setLegendVisible(false);
                c.getStyler().setChartTitleVisible(false);
                boolean logJ = wide(samples, j);
                c.getStyler().setXAxisLogarithmic(logJ);
                c.getStyler().setXAxisDecimalPattern(pattern(samples, j));
                if (i == j) {
                    double[][] h = histogram(samples, i, Math.max(10, Math.min(40, samples.length / 40)), logJ);
                    c.addSeries("h", h[0], h[1]).setMarker(SeriesMarkers.NONE);
                } else {
                    c.getStyler().setYAxisLogarithmic(wide(samples, i));
                    c.getStyler().setYAxisDecimalPattern(pattern(samples, i));
                    List<Double> x = new ArrayList<>();
                    List<Double> y = new ArrayList<>();
                    for (int k = 0; k < samples.length; k += stride) {
                        x.add(samples[k][j]);
                        y.add(samples[k][i]);
                    }
                    XYSeries s = c.addSeries("s", x, y);
                    s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                    s.setMarker(SeriesMarkers.CIRCLE);
                    c.getStyler().setMarkerSize(4);
                }
                g.drawImage(BitmapEncoder.getBufferedImage(c), j * panel, i * panel, null);
            }
        }
        g.dispose();
        writeImage(all, file);
    }

    /** Whether column i spans more than a decade (then its axis is logarithmic). */
    private static boolean wide(double[][] samples, int i) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (double[] s : samples) {
            lo = Math.min(lo, s[i]);
            hi = Math.max(hi, s[i]);
        }
        return lo > 0 && hi / lo > 10;
    }

    /** Tick labels with enough digits for a narrow posterior: scientific for large or small values. */
    private static String pattern(double[][] samples, int i) {
        double m = samples.length == 0 ? 1 : Math.abs(samples[samples.length / 2][i]);
        return m >= 1e4 || (m > 0 && m < 1e-3) ? "0.000E0" : "0.0000";
    }

    /** A step histogram (x edges doubled, counts) of column i. */
    static double[][] histogram(double[][] samples, int i, int bins, boolean log) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] s : samples) {
            double v = log ? Math.log(s[i]) : s[i];
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        if (!(hi > lo)) {
            hi = lo + 1e-12 * Math.max(1, Math.abs(lo));
        }
        double[] count = new double[bins];
        for (double[] s : samples) {
            double v = log ? Math.log(s[i]) : s[i];
            count[Math.min(bins - 1, (int) ((v - lo) / (hi - lo) * bins))]++;
        }
        double[] x = new double[2 * bins];
        double[] y = new double[2 * bins];
        for (int b = 0; b < bins; b++) {
            double e0 = lo + (hi - lo) * b / bins;
            double e1 = lo + (hi - lo) * (b + 1) / bins;
            x[2 * b] = log ? Math.exp(e0) : e0;
            x[2 * b + 1] = log ? Math.exp(e1) : e1;
            y[2 * b] = count[b];
            y[2 * b + 1] = count[b];
        }
        return new double[][] {x, y};
    }

    static XYChart chart(String title, String x, String y, int w, int h) {
        XYChart c = new XYChartBuilder().width(w).height(h).title(title).xAxisTitle(x).yAxisTitle(y).build();
        c.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        c.getStyler().setChartBackgroundColor(Color.WHITE);
        c.getStyler().setPlotBackgroundColor(Color.WHITE);
        return c;
    }

    static void write(XYChart c, Path file) {
        writeImage(BitmapEncoder.getBufferedImage(c), file);
    }

    static void writeImage(BufferedImage image, Path file) {
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            javax.imageio.ImageIO.write(image, "png", file.toFile());
        } catch (IOException e) {
            throw new ModelException("cannot write plot " + file + ": " + e.getMessage(), e);
        }
    }
}
