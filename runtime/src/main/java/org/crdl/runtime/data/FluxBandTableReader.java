package org.crdl.runtime.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a tab-separated band table such as {@code DAMPE_protons.txt}:
 * <pre>
 * E_min [GeV]  E_avg [GeV]  E_max [GeV]  Flux_min  Flux_avg [GeV^-1 m^-2 s^-1 sr^-1]  Flux_max  Flux_syst_up [...]  Flux_syst_low
 * </pre>
 * E_avg is x with bin [E_min, E_max]; Flux_avg is y and [Flux_min, Flux_max] its <em>total</em>
 * error band, so the errors are Flux_avg − Flux_min and Flux_max − Flux_avg. The systematic band
 * [Flux_syst_low, Flux_syst_up] must lie inside it (checked; this is what identifies min/max as
 * the total band). The header has no experiment or species: they are taken from the file name
 * {@code <EXPERIMENT>_<species>.txt}.
 */
final class FluxBandTableReader {
    private static final List<String> REQUIRED =
            List.of("E_min", "E_avg", "E_max", "Flux_min", "Flux_avg", "Flux_max");

    private FluxBandTableReader() {
    }

    static boolean accepts(SourceText text) {
        int first = text.nextNonBlank(0);
        if (first < 0) {
            return false;
        }
        List<String> names = names(text.line(first));
        return names.containsAll(REQUIRED);
    }

    private static List<String> names(String headerLine) {
        List<String> names = new ArrayList<>();
        for (String column : headerLine.trim().split("\t")) {
            names.add(baseName(column));
        }
        return names;
    }

    private static String baseName(String column) {
        int bracket = column.indexOf('[');
        return (bracket >= 0 ? column.substring(0, bracket) : column).trim();
    }

    private static Optional<String> unitOf(String column) {
        int open = column.indexOf('[');
        int close = column.lastIndexOf(']');
        return open >= 0 && close > open
                ? Optional.of(column.substring(open + 1, close).trim()) : Optional.empty();
    }

    static Dataset read(SourceText text, LoadOptions options) {
        int header = text.nextNonBlank(0);
        String[] columns = text.line(header).trim().split("\t");
        List<String> names = names(text.line(header));
        int eMin = names.indexOf("E_min");
        int eAvg = names.indexOf("E_avg");
        int eMax = names.indexOf("E_max");
        int fMin = names.indexOf("Flux_min");
        int fAvg = names.indexOf("Flux_avg");
        int fMax = names.indexOf("Flux_max");
        int sUp = names.indexOf("Flux_syst_up");
        int sLow = names.indexOf("Flux_syst_low");

        List<String> notes = new ArrayList<>();
        Optional<XAxisKind> headerAxis = unitOf(columns[eAvg]).map(u -> axisFromUnit(text, header, u));
        XAxisKind axis = AxisChoice.resolve(text, headerAxis, header, options, Optional.empty(), "",
                notes);
        Optional<String> fluxUnit = unitOf(columns[fAvg]);
        String expected = axis.unitPower(-1);
        if (fluxUnit.isPresent() && !fluxUnit.get().contains(expected)) {
            throw text.error(header, "flux unit [" + fluxUnit.get() + "] is not per " + axis.unit()
                    + " like the x column");
        }
        notes.add("errors from the total band: Flux_avg − Flux_min and Flux_max − Flux_avg"
                + (sUp >= 0 && sLow >= 0 ? " (systematic band Flux_syst_low..Flux_syst_up checked "
                + "to lie inside it)" : ""));

        List<DataPoint> points = new ArrayList<>();
        for (int i = header + 1; i < text.lineCount(); i++) {
            if (text.line(i).isBlank()) {
                continue;
            }
            double[] v = text.numbers(i, names);
            double y = v[fAvg];
            if (v[fMin] > y || v[fMax] < y) {
                throw text.error(i, "Flux_avg " + y + " lies outside [Flux_min, Flux_max] = ["
                        + v[fMin] + ", " + v[fMax] + "]");
            }
            if (sUp >= 0 && sLow >= 0 && (v[sLow] < v[fMin] || v[sUp] > v[fMax])) {
                throw text.error(i, "systematic band [" + v[sLow] + ", " + v[sUp]
                        + "] is wider than [Flux_min, Flux_max]; cannot read Flux_min/Flux_max as "
                        + "the total band");
            }
            points.add(text.point(i, v[eAvg], v[eMin], v[eMax], y, y - v[fMin], v[fMax] - y));
        }
        if (points.isEmpty()) {
            throw text.error(header, "no data lines after the column names");
        }

        String stem = SsdcExportReader.stem(text.fileName());
        int underscore = stem.indexOf('_');
        Optional<String> experiment = underscore > 0
                ? Optional.of(stem.substring(0, underscore)) : Optional.empty();
        String quantity = speciesName(underscore > 0 ? stem.substring(underscore + 1) : stem);
        notes.add("experiment and quantity taken from the file name (the table has no title)");
        return new Dataset(text.fileName(), quantity, QuantityKind.FLUX, axis, axis.fluxUnit(),
                experiment, stem, points, notes);
    }

    private static XAxisKind axisFromUnit(SourceText text, int line, String unit) {
        switch (unit) {
            case "GeV":
                return XAxisKind.EK_TOTAL;
            case "GeV/n":
                return XAxisKind.EK_PER_NUCLEON;
            case "GV":
                return XAxisKind.RIGIDITY;
            default:
                throw text.error(line, "unknown energy unit [" + unit + "]: expected GeV, GeV/n or GV");
        }
    }

    private static String speciesName(String word) {
        switch (word.toLowerCase(Locale.ROOT)) {
            case "proton":
            case "protons":
                return "p";
            case "helium":
                return "He";
            default:
                return word;
        }
    }
}
