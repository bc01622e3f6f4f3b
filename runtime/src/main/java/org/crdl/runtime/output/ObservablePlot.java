package org.crdl.runtime.output;

import java.awt.Color;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.DoubleUnaryOperator;
import org.crdl.runtime.data.DataPoint;
import org.crdl.runtime.data.Dataset;
import org.crdl.runtime.data.QuantityKind;
import org.crdl.runtime.data.XAxisKind;
import org.crdl.runtime.observables.ChiSquareResult;
import org.crdl.runtime.observables.ModelCurve;
import org.crdl.runtime.plasma.ModelException;
import org.knowm.xchart.style.Styler;

/**
 * An observable versus energy (or rigidity) on log–log axes: model lines — LIS dashed, TOA
 * solid — and measured points with their asymmetric total error bars, one colour per dataset,
 * the legend giving χ²/N and N for each dataset compared. Fluxes may be shown multiplied by
 * x^γ (e.g. E^2.7), which the y-axis title states together with the resulting unit.
 *
 * <pre>{@code
 * PlotReport r = ObservablePlot.ratio("B/C", XAxisKind.EK_PER_NUCLEON, "B/C")
 *         .addModel("model LIS", ek, bcLis, CurveKind.LIS)
 *         .addModel("model TOA", ek, bcToa, CurveKind.TOA)
 *         .addData(bcData, ChiSquare.compare(toaCurve, bcData))
 *         .writePng(out.resolve("ratio_B_C.png"), 900, 650);
 * }</pre>
 * Model x values are in the plot's x-axis unit; y in the unit of the datasets
 * ({@link XAxisKind#fluxUnit()} for fluxes, dimensionless for ratios).
 */
public final class ObservablePlot {
    private static final Color[] MODEL_COLORS = {Color.BLACK, new Color(0x1f77b4),
        new Color(0x2ca02c), new Color(0x9467bd), new Color(0x8c564b)};
    private static final Color[] DATA_COLORS = {new Color(0xd62728), new Color(0xff7f0e),
        new Color(0x17becf), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22)};

    private record Model(String label, double[] x, double[] y, CurveKind kind) {
    }

    /** A dataset, its χ², the x range of the fit and the model it was compared with (null: none). */
    private record Data(Dataset dataset, Optional<ChiSquareResult> fit, double fitMin, double fitMax,
                        DoubleUnaryOperator model) {
        boolean inFit(double x) {
            return x >= fitMin && x <= fitMax && (model == null || Double.isFinite(model.applyAsDouble(x)));
        }
    }

    private final String title;
    private final XAxisKind xAxis;
    private final QuantityKind kind;
    private final String quantity;
    private double energyPower;
    private final List<Model> models = new ArrayList<>();
    private final List<Data> data = new ArrayList<>();

    private ObservablePlot(String title, XAxisKind xAxis, QuantityKind kind, String quantity) {
        this.title = Objects.requireNonNull(title, "title");
        this.xAxis = Objects.requireNonNull(xAxis, "xAxis");
        this.kind = kind;
        this.quantity = Objects.requireNonNull(quantity, "quantity");
    }

    /** A plot of a dimensionless ratio; the y axis is titled {@code ratioName} (e.g. "B/C"). */
    public static ObservablePlot ratio(String title, XAxisKind xAxis, String ratioName) {
        return new ObservablePlot(title, xAxis, QuantityKind.RATIO, ratioName);
    }

    /**
     * A plot of a flux in {@link XAxisKind#fluxUnit()}; the y axis reads
     * {@code <fluxName> [m^-2 s^-1 sr^-1 (GeV/n)^-1]}.
     */
    public static ObservablePlot flux(String title, XAxisKind xAxis, String fluxName) {
        return new ObservablePlot(title, xAxis, QuantityKind.FLUX, fluxName);
    }

    /** Shows flux × x^power (e.g. 2.7) for every curve and point; fluxes only. */
    public ObservablePlot scaleByEnergyPower(double power) {
        if (kind != QuantityKind.FLUX) {
            throw new IllegalStateException("only fluxes are scaled by a power of energy, not the ratio "
                    + quantity);
        }
        if (!Double.isFinite(power)) {
            throw new IllegalArgumentException("power must be finite: " + power);
        }
        this.energyPower = power;
        return this;
    }

    /** Adds a model line (arrays copied; undrawable points are dropped when writing). */
    public ObservablePlot addModel(String label, double[] x, double[] y, CurveKind curveKind) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("model '" + label + "': " + x.length + " x values but "
                    + y.length + " y values");
        }
        models.add(new Model(Objects.requireNonNull(label, "label"), x.clone(), y.clone(),
                Objects.requireNonNull(curveKind, "curveKind")));
        return this;
    }

    /** Adds a model curve; it must be on this plot's x axis. */
    public ObservablePlot addModel(ModelCurve curve, CurveKind curveKind) {
        if (curve.xAxis() != xAxis) {
            throw new ModelException("model '" + curve.label() + "' is on " + curve.xAxis().axisTitle()
                    + " but the plot '" + title + "' is on " + xAxis.axisTitle());
        }
        return addModel(curve.label(), curve.x(), curve.y(), curveKind);
    }

    /** Adds a dataset without a χ² entry. */
    public ObservablePlot addData(Dataset dataset) {
        return addData(dataset, Optional.empty());
    }

    /** Adds a dataset whose legend entry shows χ²/N and N from {@code fit}. */
    public ObservablePlot addData(Dataset dataset, ChiSquareResult fit) {
        return addData(dataset, Optional.of(fit));
    }

    /**
     * Adds a dataset compared with {@code model} over [{@code fitMin}, {@code fitMax}] (the
     * observe block's min/max; 0 and ∞ when absent) where the model is defined (not NaN): the
     * limits are drawn, points outside are hollow and labelled "excluded", and a residual panel
     * (data − model)/σ goes under the plot.
     */
    public ObservablePlot addData(Dataset dataset, ChiSquareResult fit, double fitMin, double fitMax,
                                  DoubleUnaryOperator model) {
        return addData(dataset, Optional.of(fit), fitMin, fitMax, Objects.requireNonNull(model, "model"));
    }

    private ObservablePlot addData(Dataset dataset, Optional<ChiSquareResult> fit) {
        return addData(dataset, fit, 0, Double.POSITIVE_INFINITY, null);
    }

    private ObservablePlot addData(Dataset dataset, Optional<ChiSquareResult> fit, double fitMin, double fitMax,
                                   DoubleUnaryOperator model) {
        if (dataset.xAxis() != xAxis) {
            throw new ModelException(dataset.sourceFile() + " is on " + dataset.xAxis().axisTitle()
                    + " but the plot '" + title + "' is on " + xAxis.axisTitle()
                    + "; convert it with AxisConversion first");
        }
        if (dataset.kind() != kind) {
            throw new ModelException(dataset.sourceFile() + " holds a " + dataset.kind().name()
                    .toLowerCase(Locale.ROOT) + " but the plot '" + title + "' shows a "
                    + kind.name().toLowerCase(Locale.ROOT));
        }
        data.add(new Data(dataset, fit, fitMin, fitMax, model));
        return this;
    }

    /** The y-axis title, e.g. {@code E_kin^2.7 × flux [m^-2 s^-1 sr^-1 (GeV/n)^1.7]}. */
    public String yAxisTitle() {
        if (kind == QuantityKind.RATIO) {
            return quantity;
        }
        if (energyPower == 0) {
            return quantity + " [" + xAxis.fluxUnit() + "]";
        }
        return xAxis.symbol() + "^" + exponent(energyPower) + " × " + quantity + " ["
                + xAxis.scaledFluxUnit(energyPower) + "]";
    }

    private static String exponent(double p) {
        return BigDecimal.valueOf(p).stripTrailingZeros().toPlainString();
    }

    /** Legend text of a dataset: its label and, if compared, χ²/N and N. */
    static String legendEntry(Dataset d, Optional<ChiSquareResult> fit) {
        if (fit.isEmpty()) {
            return d.label();
        }
        ChiSquareResult r = fit.get();
        if (!r.hasOverlap()) {
            return d.label() + ": no point in the model range";
        }
        return String.format(Locale.ROOT, "%s: χ²/N = %.2f (N = %d%s)", d.label(), r.chi2PerPoint(),
                r.pointsUsed(), r.pointsOutside() > 0 ? ", " + r.pointsOutside() + " excluded" : "");
    }

    /**
     * Draws the plot into a PNG of {@code width}×{@code height} pixels, plus a residual panel of
     * {@code height}/3 under it when a dataset was added with its model. Ratios and unscaled
     * fluxes are on log–log axes; fluxes × E^γ on a linear y axis, so that a change of slope of
     * a few hundredths (a spectral hardening) is visible.
     *
     * @throws ModelException if nothing can be drawn or the file cannot be written
     */
    public PlotReport writePng(Path file, int width, int height) {
        boolean yLog = kind == QuantityKind.RATIO || energyPower == 0;
        ChartCanvas canvas = new ChartCanvas(title, xAxis.axisTitle(), yAxisTitle(), width, height, yLog);
        canvas.legendAt(kind == QuantityKind.RATIO ? Styler.LegendPosition.InsideNE : Styler.LegendPosition.InsideSE);
        canvas.requirePositiveY();
        int lis = 0;
        int toa = 0;
        double yTop = 0;
        for (Model m : models) {
            int index = m.kind() == CurveKind.LIS ? lis++ : toa++;
            double[] y = m.y().clone();
            for (int i = 0; i < y.length; i++) {
                y[i] *= scale(m.x()[i]);
            }
            canvas.line(m.label(), m.x(), y, m.kind().style(), MODEL_COLORS[index % MODEL_COLORS.length]);
        }
        boolean residuals = false;
        for (int k = 0; k < data.size(); k++) {
            Data d = data.get(k);
            Color color = DATA_COLORS[k % DATA_COLORS.length];
            for (boolean used : new boolean[] {true, false}) {
                List<DataPoint> pts = d.dataset().points().stream().filter(p -> d.inFit(p.x()) == used).toList();
                if (pts.isEmpty()) {
                    continue;
                }
                double[][] xy = scaled(pts);
                for (int i = 0; i < pts.size(); i++) {
                    yTop = Math.max(yTop, xy[1][i] + xy[3][i]);
                }
                String label = used ? legendEntry(d.dataset(), d.fit())
                        : d.dataset().label() + ": " + pts.size() + " excluded (outside the fit range)";
                canvas.points(label, xy[0], xy[1], xy[2], xy[3], color, !used);
            }
            residuals |= d.model() != null;
        }
        fitRanges(canvas);
        if (!yLog && yTop > 0) {
            for (Model m : models) {
                for (int i = 0; i < m.x().length; i++) {
                    double v = m.y()[i] * scale(m.x()[i]);
                    if (Double.isFinite(v)) {
                        yTop = Math.max(yTop, v);
                    }
                }
            }
            canvas.yRange(0.0, yTop * 1.08);
        }
        if (!residuals) {
            return canvas.write(file);
        }
        return Panels.stacked(file, canvas, residualCanvas(width, Math.max(160, height / 3)));
    }

    /** Dashed grey lines at the ends of each distinct fit range inside the drawn x range. */
    private void fitRanges(ChartCanvas canvas) {
        List<Double> drawn = new ArrayList<>();
        for (Data d : data) {
            for (double x : new double[] {d.fitMin(), d.fitMax()}) {
                if (d.model() != null && x > 0 && Double.isFinite(x) && !drawn.contains(x) && insideData(d, x)) {
                    drawn.add(x);
                    canvas.verticalLine("fit range (observe min/max): " + exponent(x) + " " + xAxis.unit(), x,
                            Color.GRAY, LineStyle.DASHED);
                }
            }
        }
    }

    /** True if {@code x} lies strictly inside the dataset's x span (a limit at the edge of the data is not a cut). */
    private static boolean insideData(Data d, double x) {
        return x > d.dataset().xMin() && x < d.dataset().xMax();
    }

    /** (data − model)/σ per point, σ the error on the side of the model; excluded points hollow. */
    private ChartCanvas residualCanvas(int width, int height) {
        ChartCanvas r = new ChartCanvas("", xAxis.axisTitle(), "(data − model)/σ", width, height, false);
        r.noLegend();
        double top = 3;
        for (int k = 0; k < data.size(); k++) {
            Data d = data.get(k);
            if (d.model() == null) {
                continue;
            }
            for (boolean used : new boolean[] {true, false}) {
                List<Double> xs = new ArrayList<>();
                List<Double> rs = new ArrayList<>();
                for (DataPoint p : d.dataset().points()) {
                    if (d.inFit(p.x()) != used) {
                        continue;
                    }
                    double m = d.model().applyAsDouble(p.x());
                    double sigma = p.errorTowards(m);
                    if (Double.isFinite(m) && sigma > 0) {
                        xs.add(p.x());
                        rs.add((p.y() - m) / sigma);
                        top = Math.max(top, Math.min(10, Math.abs((p.y() - m) / sigma)));
                    }
                }
                if (!xs.isEmpty()) {
                    double[] zero = new double[xs.size()];
                    r.points(d.dataset().label() + (used ? "" : " excluded"),
                            xs.stream().mapToDouble(Double::doubleValue).toArray(),
                            rs.stream().mapToDouble(Double::doubleValue).toArray(), zero, zero,
                            DATA_COLORS[k % DATA_COLORS.length], !used);
                }
            }
        }
        r.horizontalLine(0.0, Color.DARK_GRAY, LineStyle.SOLID);
        r.horizontalLine(-2.0, Color.LIGHT_GRAY, LineStyle.DASHED);
        r.horizontalLine(2.0, Color.LIGHT_GRAY, LineStyle.DASHED);
        r.yRange(-Math.ceil(top * 1.1), Math.ceil(top * 1.1));
        return r;
    }

    private double[][] scaled(List<DataPoint> pts) {
        int n = pts.size();
        double[][] out = new double[4][n];
        for (int i = 0; i < n; i++) {
            DataPoint p = pts.get(i);
            double f = scale(p.x());
            out[0][i] = p.x();
            out[1][i] = p.y() * f;
            out[2][i] = p.yErrLo() * f;
            out[3][i] = p.yErrHi() * f;
        }
        return out;
    }

    private double scale(double x) {
        return energyPower == 0 ? 1.0 : Math.pow(x, energyPower);
    }
}
