package org.crdl.runtime.observables;

import java.util.function.DoubleUnaryOperator;
import org.crdl.runtime.data.DataPoint;
import org.crdl.runtime.data.Dataset;
import org.crdl.runtime.plasma.ModelException;

/**
 * χ² of a model against a dataset over the x range where both exist.
 *
 * <p>For each data point with x inside the model's range, r = (y_model(x) − y)/σ, where σ is
 * the point's total error on the side towards the model (upper error if y_model ≥ y, lower
 * otherwise); χ² = Σ r². Points outside the model's range are left out and counted.
 *
 * <pre>{@code
 * ModelCurve toa = new ModelCurve("B/C TOA", XAxisKind.EK_PER_NUCLEON, ek, ratioToa);
 * ChiSquareResult r = ChiSquare.compare(toa, bc);
 * System.out.printf("χ²/N = %.2f for %d points%n", r.chi2PerPoint(), r.pointsUsed());
 * }</pre>
 */
public final class ChiSquare {
    private ChiSquare() {
    }

    /**
     * Compares a tabulated model (log-log interpolated) with a dataset on the same x axis.
     *
     * @throws ModelException if the axes differ, or a used point has a zero error on the model's side
     */
    public static ChiSquareResult compare(ModelCurve model, Dataset data) {
        if (model.xAxis() != data.xAxis()) {
            throw new ModelException("cannot compare model '" + model.label() + "' on "
                    + model.xAxis().axisTitle() + " with " + data.sourceFile() + " on "
                    + data.xAxis().axisTitle() + "; convert the dataset with AxisConversion first");
        }
        return sum(data, model.xMin(), model.xMax(), model::valueAt, model.label());
    }

    /**
     * Compares a model tabulated at sorted {@code x} (in the dataset's x unit) with a dataset.
     */
    public static ChiSquareResult compare(double[] x, double[] y, Dataset data) {
        return compare(new ModelCurve("model for " + data.sourceFile(), data.xAxis(), x, y), data);
    }

    /**
     * Compares a model function, defined on [xMin, xMax] in the dataset's x unit, with a dataset.
     *
     * @throws ModelException if the function returns a non-finite value at a used point
     */
    public static ChiSquareResult compare(DoubleUnaryOperator model, double xMin, double xMax,
            Dataset data) {
        if (!(xMin <= xMax) || !Double.isFinite(xMin) || !Double.isFinite(xMax)) {
            throw new ModelException("invalid model range [" + xMin + ", " + xMax + "] for "
                    + data.sourceFile());
        }
        return sum(data, xMin, xMax, model, "model function");
    }

    private static ChiSquareResult sum(Dataset data, double xMin, double xMax,
            DoubleUnaryOperator model, String modelName) {
        double chi2 = 0;
        int used = 0;
        int outside = 0;
        for (int i = 0; i < data.size(); i++) {
            DataPoint p = data.points().get(i);
            if (p.x() < xMin || p.x() > xMax) {
                outside++;
                continue;
            }
            double m = model.applyAsDouble(p.x());
            if (!Double.isFinite(m)) {
                throw new ModelException(modelName + " gives " + m + " at x = " + p.x() + " "
                        + data.xAxis().unit() + " (point " + (i + 1) + " of " + data.sourceFile() + ")");
            }
            double diff = m - p.y();
            used++;
            if (diff == 0) {
                continue;
            }
            double sigma = p.errorTowards(m);
            if (!(sigma > 0)) {
                throw new ModelException(data.sourceFile() + ": point " + (i + 1) + " at x = " + p.x()
                        + " " + data.xAxis().unit() + " has zero error on the side of the model ("
                        + (diff > 0 ? "upper" : "lower") + "); χ² is undefined");
            }
            double r = diff / sigma;
            chi2 += r * r;
        }
        if (!Double.isFinite(chi2)) {
            throw new ModelException(data.sourceFile() + ": χ² overflowed comparing " + modelName);
        }
        return new ChiSquareResult(data.sourceFile(), chi2, used, outside);
    }
}
