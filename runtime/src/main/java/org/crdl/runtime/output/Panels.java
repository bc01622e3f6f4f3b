package org.crdl.runtime.output;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.crdl.runtime.plasma.ModelException;
import org.knowm.xchart.XYChart;

/**
 * A main chart with a panel under it sharing its (log) x axis, e.g. a residual panel: the lower
 * panel's x range is chosen so that each pixel column shows the same x in both panels, whatever
 * the widths of their y tick labels.
 */
final class Panels {
    private Panels() {
    }

    static PlotReport stacked(Path file, ChartCanvas main, ChartCanvas lower) {
        BufferedImage top = main.image(file);
        double[] m = mapping(main.chart());
        XYChart lc = lower.chart();
        double a = Math.pow(10, m[0] + m[1] * 0.1 * lc.getWidth());
        double b = Math.pow(10, m[0] + m[1] * 0.9 * lc.getWidth());
        lower.xRange(a, b);
        BufferedImage bottom = lower.image(file);
        for (int pass = 0; pass < 2; pass++) {
            // lower pixel p shows 10^(l0 + l1 p); we want 10^(m0 + m1 p): move the range ends accordingly
            double[] l = mapping(lc);
            double p0 = (Math.log10(a) - l[0]) / l[1];
            double p1 = (Math.log10(b) - l[0]) / l[1];
            a = Math.pow(10, m[0] + m[1] * p0);
            b = Math.pow(10, m[0] + m[1] * p1);
            lower.xRange(a, b);
            bottom = lower.image(file);
        }
        BufferedImage all = new BufferedImage(top.getWidth(), top.getHeight() + bottom.getHeight(),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = all.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, all.getWidth(), all.getHeight());
        g.drawImage(top, 0, 0, null);
        g.drawImage(bottom, 0, top.getHeight(), null);
        g.dispose();
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            ImageIO.write(all, "png", file.toFile());
        } catch (IOException e) {
            throw new ModelException("cannot write plot " + file + ": " + e.getMessage(), e);
        }
        List<String> messages = new ArrayList<>(main.messages());
        messages.addAll(lower.messages());
        return new PlotReport(file, all.getWidth(), all.getHeight(), main.dropped() + lower.dropped(), messages);
    }

    /** log10 x = c0 + c1 · pixel of a painted chart with a log x axis. */
    private static double[] mapping(XYChart c) {
        int p = c.getWidth() / 3;
        int q = 2 * c.getWidth() / 3;
        double lp = Math.log10(c.getChartXFromCoordinate(p));
        double lq = Math.log10(c.getChartXFromCoordinate(q));
        double slope = (lq - lp) / (q - p);
        return new double[] {lp - slope * p, slope};
    }
}
