package org.crdl.runtime.fit;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.crdl.runtime.data.DataPoint;
import org.crdl.runtime.data.Dataset;
import org.crdl.runtime.observables.ModelCurve;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The best fit against each dataset: the model curve and the data (fluxes × E^2.7) above, the
 * residuals (y − y_model)/σ below, over the energies counted in χ²; one column per dataset.
 */
public final class ResidualPlot {
    private final List<BufferedImage[]> columns = new ArrayList<>();

    /** Adds one dataset's column (the model curve already multiplied by its profiled scale). */
    public ResidualPlot add(String title, boolean flux, ModelCurve model, double scale, Dataset data, double from,
                            double to) {
        double power = flux ? 2.7 : 0;
        XYChart top = FitPlots.chart(title, "", flux ? "E^2.7 x flux" : data.quantity(), 520, 420);
        top.getStyler().setXAxisLogarithmic(true);
        top.getStyler().setYAxisLogarithmic(true);
        XYChart bottom = FitPlots.chart("", "Ek [GeV/n]", "(data - model)/sigma", 520, 220);
        bottom.getStyler().setXAxisLogarithmic(true);
        bottom.getStyler().setLegendVisible(false);
        List<Double> mx = new ArrayList<>();
        List<Double> my = new ArrayList<>();
        // the energies counted in χ²: the data's bins inside the compared range
        double lo = Math.max(Math.max(from, model.xMin()), data.points().stream().mapToDouble(p -> p.xLo())
                .filter(x -> x >= from).min().orElse(from));
        double hi = Math.min(Math.min(to, model.xMax()), data.points().stream().mapToDouble(p -> p.xHi())
                .filter(x -> x <= to).max().orElse(to));
        if (!(hi > lo)) {
            lo = model.xMin();
            hi = model.xMax();
        }
        for (int i = 0; i <= 200; i++) {
            double x = lo * Math.pow(hi / lo, i / 200.0);
            double y = scale * model.valueAt(x) * Math.pow(x, power);
            if (y > 0 && Double.isFinite(y)) {
                mx.add(x);
                my.add(y);
            }
        }
        if (!mx.isEmpty()) {
            XYSeries m = top.addSeries("model" + (scale != 1 ? String.format(" x %.3g", scale) : ""), mx, my);
            m.setMarker(SeriesMarkers.NONE);
        }
        List<Double> dx = new ArrayList<>();
        List<Double> dy = new ArrayList<>();
        List<Double> de = new ArrayList<>();
        List<Double> rx = new ArrayList<>();
        List<Double> ry = new ArrayList<>();
        for (DataPoint p : data.points()) {
            if (p.x() < lo || p.x() > hi) {
                continue;
            }
            double f = Math.pow(p.x(), power);
            double m = scale * model.valueAt(p.x());
            if (p.y() > 0) {
                dx.add(p.x());
                dy.add(p.y() * f);
                de.add(0.5 * (p.yErrLo() + p.yErrHi()) * f);
            }
            double sigma = p.errorTowards(m);
            if (sigma > 0) {
                rx.add(p.x());
                ry.add((p.y() - m) / sigma);
            }
        }
        if (!dx.isEmpty()) {
            XYSeries d = top.addSeries(data.label(), dx, dy, de);
            d.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            d.setMarker(SeriesMarkers.CIRCLE);
            d.setMarkerColor(Color.BLACK);
        }
        if (!rx.isEmpty()) {
            XYSeries r = bottom.addSeries("residual", rx, ry);
            r.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            r.setMarker(SeriesMarkers.CIRCLE);
            r.setMarkerColor(Color.BLACK);
            double[] ends = {rx.get(0), rx.get(rx.size() - 1)};
            for (double level : new double[] {-1, 0, 1}) {
                XYSeries l = bottom.addSeries("level " + level, ends, new double[] {level, level});
                l.setMarker(SeriesMarkers.NONE);
                l.setLineColor(Color.GRAY);
                l.setLineStyle(level == 0 ? SeriesLines.SOLID : SeriesLines.DASH_DASH);
            }
        }
        columns.add(new BufferedImage[] {BitmapEncoder.getBufferedImage(top), BitmapEncoder.getBufferedImage(bottom)});
        return this;
    }

    /** Writes all columns side by side. */
    public void write(Path file) {
        int w = 0;
        int h = 0;
        for (BufferedImage[] c : columns) {
            w += c[0].getWidth();
            h = Math.max(h, c[0].getHeight() + c[1].getHeight());
        }
        BufferedImage all = new BufferedImage(Math.max(w, 1), Math.max(h, 1), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = all.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, all.getWidth(), all.getHeight());
        int x = 0;
        for (BufferedImage[] c : columns) {
            g.drawImage(c[0], x, 0, null);
            g.drawImage(c[1], x, c[0].getHeight(), null);
            x += c[0].getWidth();
        }
        g.dispose();
        FitPlots.writeImage(all, file);
    }
}
