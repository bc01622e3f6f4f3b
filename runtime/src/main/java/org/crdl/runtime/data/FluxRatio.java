package org.crdl.runtime.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.crdl.runtime.plasma.ModelException;

/**
 * A measured ratio made from two measured fluxes on the same x axis (e.g. AMS-02 p̄/p from the p̄ flux of
 * {@code Antip_AMS_2011-2015.dat} and the proton flux of {@code prot_AMS_2011-2013.dat}): at each point of the
 * numerator the denominator is interpolated as a power law between its two neighbouring points (log–log), and
 * the relative errors are added in quadrature (the denominator's interpolated linearly in log x). Numerator points
 * outside the denominator's x range are dropped. The two files' periods may differ (here 2011–2015 and 2011–2013):
 * a note says so, and the low-energy points carry the difference in solar modulation.
 */
public final class FluxRatio {
    private FluxRatio() {
    }

    /** numerator/denominator as a {@link QuantityKind#RATIO} dataset named {@code quantity} */
    public static Dataset divide(Dataset numerator, Dataset denominator, String quantity) {
        if (numerator.kind() != QuantityKind.FLUX || denominator.kind() != QuantityKind.FLUX
                || numerator.xAxis() != denominator.xAxis()) {
            throw new ModelException("a ratio needs two fluxes on the same x axis: " + numerator.sourceFile() + " and "
                    + denominator.sourceFile());
        }
        List<DataPoint> den = new ArrayList<>(denominator.points());
        den.sort(Comparator.comparingDouble(DataPoint::x));
        List<DataPoint> out = new ArrayList<>();
        for (DataPoint p : numerator.points()) {
            if (p.x() < den.get(0).x() || p.x() > den.get(den.size() - 1).x()) {
                continue;
            }
            int hi = 1;
            while (hi < den.size() - 1 && den.get(hi).x() < p.x()) {
                hi++;
            }
            DataPoint a = den.get(hi - 1);
            DataPoint b = den.get(hi);
            double w = a.x() == b.x() ? 0 : Math.log(p.x() / a.x()) / Math.log(b.x() / a.x());
            double d = Math.exp((1 - w) * Math.log(a.y()) + w * Math.log(b.y()));
            double rel = (1 - w) * relative(a) + w * relative(b);
            double r = p.y() / d;
            double lo = r * Math.hypot(p.yErrLo() / p.y(), rel);
            double up = r * Math.hypot(p.yErrHi() / p.y(), rel);
            out.add(new DataPoint(p.x(), p.xLo(), p.xHi(), r, lo, up));
        }
        if (out.isEmpty()) {
            throw new ModelException(numerator.sourceFile() + " and " + denominator.sourceFile() + " share no energy range");
        }
        List<String> notes = new ArrayList<>(numerator.notes());
        notes.add("ratio " + quantity + " = " + numerator.sourceFile() + " / " + denominator.sourceFile()
                + " interpolated log-log at the numerator's energies; relative errors added in quadrature ("
                + numerator.description().trim() + " over " + denominator.description().trim() + ")");
        return new Dataset(numerator.sourceFile(), quantity, QuantityKind.RATIO, numerator.xAxis(), Dataset.DIMENSIONLESS,
                numerator.experiment().or(denominator::experiment).map(e -> e).or(Optional::empty),
                numerator.description(), out, notes);
    }

    private static double relative(DataPoint p) {
        return 0.5 * (p.yErrLo() + p.yErrHi()) / p.y();
    }
}
