package org.crdl.runtime.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a CRDB-style table ({@code *.dat}):
 * <pre>
 * #   H  AMS02(2011/05-2013/11)
 * #   &lt;E&gt;  Elo  Eup   y   ystat_lo  ystat_up  ysyst_lo  ysyst_up  yerrtot_lo  yerrtot_up
 * 4.897115e-01 4.330753e-01 5.537937e-01 8.315478e+02 ...
 * </pre>
 * Elo/Eup are bin edges; the total-error columns are used (they equal stat ⊕ syst). The header
 * does not name the x variable: by the convention of these files (data/README.md) it is kinetic
 * energy per nucleon [GeV/n], overridable with {@link LoadOptions#withXAxis}.
 */
final class CrdbExportReader {
    static final List<String> COLUMNS = List.of("<E>", "Elo", "Eup", "y", "ystat_lo", "ystat_up",
            "ysyst_lo", "ysyst_up", "yerrtot_lo", "yerrtot_up");

    private CrdbExportReader() {
    }

    /** True if a comment line lists the CRDB columns. */
    static boolean accepts(SourceText text) {
        return columnLine(text) >= 0;
    }

    private static int columnLine(SourceText text) {
        for (int i = 0; i < text.lineCount(); i++) {
            String line = text.line(i).trim();
            if (line.startsWith("#") && line.substring(1).trim().startsWith("<E>")) {
                return i;
            }
        }
        return -1;
    }

    static Dataset read(SourceText text, LoadOptions options) {
        int columns = columnLine(text);
        List<String> found = List.of(text.line(columns).trim().substring(1).trim().split("\\s+"));
        if (!found.equals(COLUMNS)) {
            throw text.error(columns, "expected columns " + String.join(" ", COLUMNS) + ", found "
                    + String.join(" ", found));
        }
        List<String> notes = new ArrayList<>();
        String quantity = SsdcExportReader.stem(text.fileName());
        Optional<String> experiment = Optional.empty();
        String description = "";
        int titleLine = -1;
        for (int i = 0; i < columns; i++) {
            if (text.line(i).trim().startsWith("#") && text.line(i).trim().length() > 1) {
                titleLine = i;
                break;
            }
        }
        if (titleLine >= 0) {
            description = text.line(titleLine).trim().substring(1).trim();
            String[] words = description.split("\\s+", 2);
            quantity = words[0];
            if (words.length > 1) {
                String who = words[1].trim();
                int paren = who.indexOf('(');
                experiment = Optional.of(paren > 0 ? who.substring(0, paren).trim() : who);
            }
        } else {
            notes.add("no title line above the column names; quantity named after the file");
        }
        QuantityKind kind = quantity.contains("/") ? QuantityKind.RATIO : QuantityKind.FLUX;
        XAxisKind axis = AxisChoice.resolve(text, Optional.empty(), columns, options,
                Optional.of(XAxisKind.EK_PER_NUCLEON), "CRDB convention, data/README.md", notes);
        notes.add("errors are the file's total columns yerrtot_lo/yerrtot_up");

        List<DataPoint> points = new ArrayList<>();
        for (int i = columns + 1; i < text.lineCount(); i++) {
            String line = text.line(i).trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            double[] v = text.numbers(i, COLUMNS);
            points.add(text.point(i, v[0], v[1], v[2], v[3], v[8], v[9]));
        }
        if (points.isEmpty()) {
            throw text.error(columns, "no data lines after the column names");
        }
        String unit = kind == QuantityKind.FLUX ? axis.fluxUnit() : Dataset.DIMENSIONLESS;
        return new Dataset(text.fileName(), quantity, kind, axis, unit, experiment, description,
                points, notes);
    }
}
