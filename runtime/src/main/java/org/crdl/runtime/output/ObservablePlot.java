package org.crdl.runtime.output;

import java.awt.Color;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.crdl.runtime.data.DataPoint;
import org.crdl.runtime.data.Dataset;
import org.crdl.runtime.data.QuantityKind;
import org.crdl.runtime.data.XAxisKind;
import org.crdl.runtime.observables.ChiSquareResult;
import org.crdl.runtime.observables.ModelCurve;
import org.crdl.runtime.plasma.ModelException;

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

    private record Data(Dataset dataset, Optional<ChiSquareResult> fit) {
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

    private ObservablePlot addData(Dataset dataset, Optional<ChiSquareResult> fit) {
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
        data.add(new Data(dataset, fit));
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
                r.pointsUsed(), r.pointsOutside() > 0 ? ", " + r.pointsOutside() + " outside" : "");
    }

    /**
     * Draws the plot into a PNG of {@code width}×{@code height} pixels.
     *
     * @throws ModelException if nothing can be drawn or the file cannot be written
     */
    public PlotReport writePng(Path file, int width, int height) {
        ChartCanvas canvas = new ChartCanvas(title, xAxis.axisTitle(), yAxisTitle(), width, height);
        int lis = 0;
        int toa = 0;
        for (Model m : models) {
            int index = m.kind() == CurveKind.LIS ? lis++ : toa++;
            double[] y = m.y().clone();
            for (int i = 0; i < y.length; i++) {
                y[i] *= scale(m.x()[i]);
            }
            canvas.line(m.label(), m.x(), y, m.kind().style(), MODEL_COLORS[index % MODEL_COLORS.length]);
        }
        for (int k = 0; k < data.size(); k++) {
            Data d = data.get(k);
            List<DataPoint> pts = d.dataset().points();
            int n = pts.size();
            double[] x = new double[n];
            double[] y = new double[n];
            double[] lo = new double[n];
            double[] hi = new double[n];
            for (int i = 0; i < n; i++) {
                DataPoint p = pts.get(i);
                double f = scale(p.x());
                x[i] = p.x();
                y[i] = p.y() * f;
                lo[i] = p.yErrLo() * f;
                hi[i] = p.yErrHi() * f;
            }
            canvas.points(legendEntry(d.dataset(), d.fit()), x, y, lo, hi,
                    DATA_COLORS[k % DATA_COLORS.length]);
        }
        return canvas.write(file);
    }

    private double scale(double x) {
        return energyPower == 0 ? 1.0 : Math.pow(x, energyPower);
    }
}
