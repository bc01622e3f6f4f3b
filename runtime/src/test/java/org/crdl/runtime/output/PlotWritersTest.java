package org.crdl.runtime.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.crdl.runtime.data.DataPoint;
import org.crdl.runtime.data.Dataset;
import org.crdl.runtime.data.ObservationLoader;
import org.crdl.runtime.data.QuantityKind;
import org.crdl.runtime.data.XAxisKind;
import org.crdl.runtime.observables.ChiSquare;
import org.crdl.runtime.observables.ChiSquareResult;
import org.crdl.runtime.observables.ModelCurve;
import org.crdl.runtime.plasma.ModelException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlotWritersTest {
    private static final int DATA_RED = 0xd62728;

    @TempDir
    Path dir;

    private static Path observation(String name) {
        return Path.of(System.getProperty("crdl.root", ".")).resolve("../shared/data/observations")
                .resolve(name);
    }

    private static BufferedImage readPng(Path file, int width, int height) throws IOException {
        assertTrue(Files.size(file) > 1000, "PNG too small: " + Files.size(file) + " bytes");
        BufferedImage img = ImageIO.read(file.toFile());
        assertNotNull(img, "not a decodable image: " + file);
        assertEquals(width, img.getWidth());
        assertEquals(height, img.getHeight());
        return img;
    }

    private static int pixelsOfColour(BufferedImage img, int rgb) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xffffff) == rgb) {
                    n++;
                }
            }
        }
        return n;
    }

    private static double[] grid(int n, double lo, double hi) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = lo * Math.pow(hi / lo, (double) i / (n - 1));
        }
        return x;
    }

    @Test
    void ratioPlotWithModelLinesDataAndChi2() throws IOException {
        Dataset bc = ObservationLoader.load(observation("B_C_ratio_AMS_PRL2018.txt"));
        double[] ek = grid(60, 0.1, 3000);
        double[] lis = new double[ek.length];
        double[] toa = new double[ek.length];
        for (int i = 0; i < ek.length; i++) {
            lis[i] = 0.3 * Math.pow(1 + ek[i], -0.35);
            toa[i] = 0.28 * Math.pow(1 + ek[i], -0.33);
        }
        ModelCurve toaCurve = new ModelCurve("model TOA", XAxisKind.EK_PER_NUCLEON, ek, toa);
        ChiSquareResult fit = ChiSquare.compare(toaCurve, bc);
        Path png = dir.resolve("plots/ratio_B_C.png");
        PlotReport r = ObservablePlot.ratio("B/C", XAxisKind.EK_PER_NUCLEON, "B/C")
                .addModel("model LIS", ek, lis, CurveKind.LIS)
                .addModel(toaCurve, CurveKind.TOA)
                .addData(bc, fit)
                .writePng(png, 900, 650);
        assertEquals(png, r.file());
        assertEquals(0, r.droppedPoints());
        assertTrue(r.messages().isEmpty(), r.messages().toString());
        BufferedImage img = readPng(png, 900, 650);
        assertTrue(pixelsOfColour(img, DATA_RED) > 200, "data points and error bars drawn in red");
        assertTrue(pixelsOfColour(img, 0x000000) > 500, "model lines drawn in black");
    }

    @Test
    void legendShowsChi2PerPointAndN() {
        Dataset d = new Dataset("f.txt", "B/C", QuantityKind.RATIO, XAxisKind.EK_PER_NUCLEON, "1",
                Optional.of("AMS-02"), "", List.of(new DataPoint(1, 1, 1, 1, 0.1, 0.1)), List.of());
        assertEquals("AMS-02 B/C: χ²/N = 1.23 (N = 10)",
                ObservablePlot.legendEntry(d, Optional.of(new ChiSquareResult("f.txt", 12.3, 10, 0))));
        assertEquals("AMS-02 B/C: χ²/N = 2.00 (N = 4, 3 excluded)",
                ObservablePlot.legendEntry(d, Optional.of(new ChiSquareResult("f.txt", 8, 4, 3))));
        assertEquals("AMS-02 B/C: no point in the model range",
                ObservablePlot.legendEntry(d, Optional.of(new ChiSquareResult("f.txt", 0, 0, 5))));
        assertEquals("AMS-02 B/C", ObservablePlot.legendEntry(d, Optional.empty()));
    }

    @Test
    void comparisonGetsAResidualPanelUnderIt() throws IOException {
        Dataset bc = ObservationLoader.load(observation("B_C_ratio_AMS_PRL2018.txt"));
        double[] ek = grid(40, 1e-2, 1e4);
        double[] y = new double[ek.length];
        for (int i = 0; i < ek.length; i++) {
            y[i] = 0.3 * Math.pow(ek[i] + 1, -0.4);
        }
        ModelCurve curve = new ModelCurve("model", XAxisKind.EK_PER_NUCLEON, ek, y);
        Path png = dir.resolve("bc.png");
        PlotReport r = ObservablePlot.ratio("B/C", XAxisKind.EK_PER_NUCLEON, "B/C")
                .addModel(curve, CurveKind.TOA)
                .addData(bc, ChiSquare.compare(curve::valueAt, 2, 1e4, bc), 2, Double.POSITIVE_INFINITY, curve::valueAt)
                .writePng(png, 800, 600);
        assertEquals(800, r.width());
        assertEquals(600 + 200, r.height(), "a residual panel of a third of the height under the plot");
        readPng(png, 800, 800);
    }

    @Test
    void logTickLabelsArePowersOfTen() {
        assertEquals("10⁻³", TickLabels.log(1e-3));
        assertEquals("10⁴", TickLabels.log(1e4));
        assertEquals("2×10⁻¹", TickLabels.log(0.2));
        assertEquals("1.2×10⁴", TickLabels.linear(12000));
        assertEquals("9000", TickLabels.linear(9000));
        assertEquals("0", TickLabels.linear(0));
    }

    @Test
    void fluxAxisTitlesCarryUnitsAndTheScaling() {
        assertEquals("flux [m^-2 s^-1 sr^-1 (GeV/n)^-1]",
                ObservablePlot.flux("p", XAxisKind.EK_PER_NUCLEON, "flux").yAxisTitle());
        assertEquals("E_kin^2.7 × flux [m^-2 s^-1 sr^-1 (GeV/n)^1.7]",
                ObservablePlot.flux("p", XAxisKind.EK_PER_NUCLEON, "flux").scaleByEnergyPower(2.7)
                        .yAxisTitle());
        assertEquals("R^2.7 × flux [m^-2 s^-1 sr^-1 GV^1.7]",
                ObservablePlot.flux("Mg", XAxisKind.RIGIDITY, "flux").scaleByEnergyPower(2.7).yAxisTitle());
        assertEquals("B/C", ObservablePlot.ratio("B/C", XAxisKind.EK_PER_NUCLEON, "B/C").yAxisTitle());
        assertThrows(IllegalStateException.class,
                () -> ObservablePlot.ratio("B/C", XAxisKind.EK_PER_NUCLEON, "B/C").scaleByEnergyPower(2.7));
    }

    @Test
    void scaledFluxPlotDropsNanModelPointsAndSaysSo() throws IOException {
        Dataset p = ObservationLoader.load(observation("prot_AMS_2011-2013.dat"));
        Dataset voyager = ObservationLoader.load(observation("Voyager1_2012_Proton.dat"));
        double[] ek = grid(40, 1e-3, 1e4);
        double[] flux = new double[ek.length];
        for (int i = 0; i < ek.length; i++) {
            flux[i] = 1.8e4 * Math.pow(ek[i] + 1, -2.8);
        }
        flux[3] = Double.NaN;
        flux[7] = Double.POSITIVE_INFINITY;
        flux[9] = -1;
        Path png = dir.resolve("flux_p.png");
        PlotReport r = ObservablePlot.flux("protons", XAxisKind.EK_PER_NUCLEON, "flux")
                .scaleByEnergyPower(2.7)
                .addModel("model LIS", ek, flux, CurveKind.LIS)
                .addData(p)
                .addData(voyager)
                .writePng(png, 800, 600);
        assertEquals(3, r.droppedPoints());
        assertEquals(1, r.messages().size(), r.messages().toString());
        assertTrue(r.messages().get(0).contains("2 undefined/infinite, 1 ≤ 0"), r.messages().get(0));
        readPng(png, 800, 600);
    }

    @Test
    void datasetOnAnotherAxisIsRefused() {
        Dataset n = ObservationLoader.load(observation("N_AMS_PRL2018_rig.txt"));
        ModelException e = assertThrows(ModelException.class,
                () -> ObservablePlot.flux("N", XAxisKind.EK_PER_NUCLEON, "flux").addData(n));
        assertTrue(e.getMessage().contains("AxisConversion"), e.getMessage());
    }

    @Test
    void logLogChartOfSeveralPhases() throws IOException {
        double[] r = grid(50, 0.1, 1e4);
        double[] wim = new double[r.length];
        double[] cnm = new double[r.length];
        for (int i = 0; i < r.length; i++) {
            wim[i] = 1e-9 * Math.pow(r[i], -0.6);
            cnm[i] = 3e-10 * Math.pow(r[i], -0.5);
        }
        Path png = dir.resolve("nu_per_phase.png");
        PlotReport report = new LogLogChart("ν_s per phase", "R [GV]", "ν_s [s^-1]")
                .addSeries("WIM", r, wim)
                .addSeries("CNM", r, cnm, LineStyle.DASHED)
                .writePng(png, 640, 480);
        assertEquals(0, report.droppedPoints());
        BufferedImage img = readPng(png, 640, 480);
        assertTrue(pixelsOfColour(img, 0x1f77b4) > 100, "first series drawn in blue");
        assertTrue(pixelsOfColour(img, 0xd62728) > 50, "second series drawn in red");
    }

    @Test
    void seriesWithoutDrawablePointsIsLeftOutAndAllEmptyFails() throws IOException {
        double[] x = {1, 10, 100};
        PlotReport r = new LogLogChart("D(R)", "R [GV]", "D_xx [cm^2 s^-1]")
                .addSeries("ok", x, new double[] {1e28, 2e28, 4e28})
                .addSeries("bad", x, new double[] {Double.NaN, 0, -1})
                .writePng(dir.resolve("d.png"), 400, 300);
        assertEquals(3, r.droppedPoints());
        assertTrue(r.messages().stream().anyMatch(m -> m.contains("'bad' left out")), r.messages().toString());
        readPng(dir.resolve("d.png"), 400, 300);

        ModelException e = assertThrows(ModelException.class, () -> new LogLogChart("D(R)", "R [GV]", "D")
                .addSeries("bad", x, new double[] {Double.NaN, Double.NaN, Double.NaN})
                .writePng(dir.resolve("none.png"), 400, 300));
        assertTrue(e.getMessage().contains("nothing to plot"), e.getMessage());
    }
}
