package org.crdl.runtime.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One measured curve as read from an observation file (immutable).
 *
 * @param sourceFile  file name the data came from (no directory), e.g. {@code B_C_ratio_AMS_PRL2018.txt}
 * @param quantity    what was measured as the file names it, e.g. {@code B/C}, {@code H}, {@code He}
 * @param kind        flux or ratio
 * @param xAxis       independent variable; x, x_lo, x_hi are in {@link XAxisKind#unit()}
 * @param yUnit       unit of y and its errors: {@link XAxisKind#fluxUnit()} for fluxes
 *                    (e.g. {@code m^-2 s^-1 sr^-1 (GeV/n)^-1}), {@code 1} for ratios
 * @param experiment  experiment if the file says so, e.g. {@code AMS-02}, {@code Voyager 1}
 * @param description title line(s) of the file: publication, period, table number
 * @param points      the measurements in file order, never empty; errors are total errors
 * @param notes       every assumption or transformation the loader made (x axis assumed from a
 *                    convention, E^2.7 factor removed, MeV converted to GeV, …)
 */
public record Dataset(String sourceFile, String quantity, QuantityKind kind, XAxisKind xAxis,
        String yUnit, Optional<String> experiment, String description, List<DataPoint> points,
        List<String> notes) {

    /** Unit string of a dimensionless ratio. */
    public static final String DIMENSIONLESS = "1";

    public Dataset {
        Objects.requireNonNull(sourceFile, "sourceFile");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(xAxis, "xAxis");
        Objects.requireNonNull(yUnit, "yUnit");
        Objects.requireNonNull(experiment, "experiment");
        Objects.requireNonNull(description, "description");
        points = List.copyOf(points);
        notes = List.copyOf(notes);
        if (points.isEmpty()) {
            throw new IllegalArgumentException(sourceFile + ": a dataset needs at least one point");
        }
    }

    /** Number of points. */
    public int size() {
        return points.size();
    }

    /** Short name for legends and reports, e.g. {@code AMS-02 B/C}. */
    public String label() {
        return experiment.map(e -> e + " " + quantity).orElse(quantity);
    }

    /** Smallest x of any point [x-axis unit]. */
    public double xMin() {
        return points.stream().mapToDouble(DataPoint::x).min().orElseThrow();
    }

    /** Largest x of any point [x-axis unit]. */
    public double xMax() {
        return points.stream().mapToDouble(DataPoint::x).max().orElseThrow();
    }

    /** A copy with other points, x axis and unit, and one more note saying why. */
    Dataset transformed(XAxisKind newAxis, String newUnit, List<DataPoint> newPoints, String note) {
        List<String> newNotes = new ArrayList<>(notes);
        newNotes.add(note);
        return new Dataset(sourceFile, quantity, kind, newAxis, newUnit, experiment, description,
                newPoints, newNotes);
    }
}
