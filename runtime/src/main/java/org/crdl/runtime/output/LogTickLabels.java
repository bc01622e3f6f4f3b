package org.crdl.runtime.output;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Draws 10ⁿ tick labels on the log axes of a painted XChart. XChart only formats log-axis labels
 * with a DecimalFormat ("1E-2"); its own labels are painted transparent (so the space stays
 * reserved) and these are drawn at the same positions, found from the chart's pixel ↔ value map.
 */
final class LogTickLabels {
    private LogTickLabels() {
    }

    static void draw(BufferedImage img, XYChart chart, boolean xLog, boolean yLog, Font font) {
        Rectangle2D b = plotBounds(chart);
        if (b == null || b.getWidth() < 10 || b.getHeight() < 10) {
            return;
        }
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(font);
        g.setColor(Color.BLACK);
        FontMetrics fm = g.getFontMetrics();
        if (xLog) {
            int p = (int) b.getMinX() + 1;
            int q = (int) b.getMaxX() - 1;
            double lp = Math.log10(chart.getChartXFromCoordinate(p));
            double lq = Math.log10(chart.getChartXFromCoordinate(q));
            for (double v : ticks(lp, lq)) {
                double px = p + (Math.log10(v) - lp) / (lq - lp) * (q - p);
                String s = TickLabels.log(v);
                g.drawString(s, (float) (px - fm.stringWidth(s) / 2.0), (float) (b.getMaxY() + 7 + fm.getAscent()));
            }
        }
        if (yLog) {
            int p = (int) b.getMaxY() - 1;
            int q = (int) b.getMinY() + 1;
            double lp = Math.log10(chart.getChartYFromCoordinate(p));
            double lq = Math.log10(chart.getChartYFromCoordinate(q));
            for (double v : ticks(lp, lq)) {
                double py = p + (Math.log10(v) - lp) / (lq - lp) * (q - p);
                String s = TickLabels.log(v);
                g.drawString(s, (float) (b.getMinX() - 6 - fm.stringWidth(s)),
                        (float) (py + fm.getAscent() / 2.0 - 1));
            }
        }
        g.dispose();
    }

    /** Decades in [10^lo, 10^hi]; with 2× and 5× below two decades of range, every integer mantissa below one. */
    static List<Double> ticks(double lo, double hi) {
        List<Double> t = new ArrayList<>();
        double[] mantissas = hi - lo < 1 ? new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9}
                : hi - lo < 2 ? new double[] {1, 2, 5} : new double[] {1};
        for (int n = (int) Math.floor(lo) - 1; n <= Math.ceil(hi); n++) {
            for (double m : mantissas) {
                double v = m * Math.pow(10, n);
                double lv = Math.log10(v);
                if (lv >= lo - 1e-9 && lv <= hi + 1e-9) {
                    t.add(v);
                }
            }
        }
        return t;
    }

    /** The plot area of a painted chart (XChart keeps it internal). */
    private static Rectangle2D plotBounds(XYChart chart) {
        try {
            java.lang.reflect.Field f = Chart.class.getDeclaredField("plot");
            f.setAccessible(true);
            Object plot = f.get(chart);
            return (Rectangle2D) plot.getClass().getMethod("getBounds").invoke(plot);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
