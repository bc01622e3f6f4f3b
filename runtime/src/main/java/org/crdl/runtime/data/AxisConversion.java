package org.crdl.runtime.data;

import java.util.ArrayList;
import java.util.List;
import org.crdl.runtime.particles.Kinematics;
import org.crdl.runtime.particles.Species;
import org.crdl.runtime.plasma.ModelException;
import org.crdl.runtime.units.Constants;

/**
 * Re-expresses a flux dataset on another x axis for a given species: x and bin edges are mapped
 * (monotonic), y and its errors are multiplied by the Jacobian dx_old/dx_new at each point, so that
 * dN = F dx is unchanged. Conversions go through kinetic energy per nucleon using
 * {@link Kinematics} (A nucleons, charge Z of the species; A = 1 for electrons).
 *
 * <pre>{@code
 * Dataset nPerGeVn = AxisConversion.toXAxis(nPerGV, XAxisKind.EK_PER_NUCLEON, Species.byName("N").orElseThrow());
 * }</pre>
 * Ratios are not converted: the ratio of two species at equal rigidity differs from the ratio at
 * equal energy per nucleon unless both have the same A/Z.
 */
public final class AxisConversion {
    /** one GeV [erg] */

    private AxisConversion() {
    }

    /** The dataset on axis {@code target} (itself if already there). */
    public static Dataset toXAxis(Dataset data, XAxisKind target, Species species) {
        if (data.xAxis() == target) {
            return data;
        }
        if (data.kind() != QuantityKind.FLUX) {
            throw new ModelException(data.sourceFile() + ": cannot convert the ratio " + data.quantity()
                    + " from " + data.xAxis().description() + " to " + target.description()
                    + " (the ratio depends on both species); compare it on its own axis");
        }
        List<DataPoint> converted = new ArrayList<>();
        for (DataPoint p : data.points()) {
            double xNew = fromEkPerNucleon(target, species, toEkPerNucleon(data.xAxis(), species, p.x()));
            double loNew = fromEkPerNucleon(target, species, toEkPerNucleon(data.xAxis(), species, p.xLo()));
            double hiNew = fromEkPerNucleon(target, species, toEkPerNucleon(data.xAxis(), species, p.xHi()));
            // F_new = F_old · dx_old/dx_new = F_old · (dEn/dx_new) / (dEn/dx_old)
            double jacobian = dEkPerNucleonDx(target, species, xNew)
                    / dEkPerNucleonDx(data.xAxis(), species, p.x());
            converted.add(new DataPoint(xNew, Math.min(loNew, xNew), Math.max(hiNew, xNew),
                    p.y() * jacobian, p.yErrLo() * jacobian, p.yErrHi() * jacobian));
        }
        return data.transformed(target, target.fluxUnit(), converted, "x converted from "
                + data.xAxis().axisTitle() + " to " + target.axisTitle() + " for species "
                + species.name() + " (Z=" + species.charge() + ", A=" + species.massNumber()
                + "); flux multiplied by the Jacobian");
    }

    private static int nucleons(Species s) {
        return Math.max(1, s.massNumber());
    }

    /** kinetic energy per nucleon [GeV/n] of a value x on axis {@code kind} */
    static double toEkPerNucleon(XAxisKind kind, Species s, double x) {
        switch (kind) {
            case EK_PER_NUCLEON:
                return x;
            case EK_TOTAL:
                return x / nucleons(s);
            case RIGIDITY:
                return Kinematics.ekPerNucleonFromRigidity(s, x * Constants.GV) / Constants.GEV;
            default:
                throw new AssertionError(kind);
        }
    }

    /** value on axis {@code kind} of a kinetic energy per nucleon [GeV/n] */
    static double fromEkPerNucleon(XAxisKind kind, Species s, double ekPerNucleon) {
        switch (kind) {
            case EK_PER_NUCLEON:
                return ekPerNucleon;
            case EK_TOTAL:
                return ekPerNucleon * nucleons(s);
            case RIGIDITY:
                return Kinematics.rigidityFromEkPerNucleon(s, ekPerNucleon * Constants.GEV) / Constants.GV;
            default:
                throw new AssertionError(kind);
        }
    }

    /** dE_n/dx [GeV/n per x unit] at x on axis {@code kind} */
    static double dEkPerNucleonDx(XAxisKind kind, Species s, double x) {
        switch (kind) {
            case EK_PER_NUCLEON:
                return 1.0;
            case EK_TOTAL:
                return 1.0 / nucleons(s);
            case RIGIDITY:
                // dR/dE_n in statV/erg → GV per GeV/n, inverted
                return 1.0 / (Kinematics.dRigidityDEkPerNucleon(s, x * Constants.GV) * Constants.GEV / Constants.GV);
            default:
                throw new AssertionError(kind);
        }
    }
}
