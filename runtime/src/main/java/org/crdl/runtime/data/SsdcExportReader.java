package org.crdl.runtime.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an export of the SSDC cosmic-ray database: {@code #} header lines with
 * {@code # GraphTitle:}, {@code # XLabel:}, {@code # YLabel:} and
 * {@code # Columns: X, XErrorLow, XErrorHigh, Y, YErrorLow, YErrorHigh}, then six numbers a line.
 * XErrorLow/High are distances from X (the bin, usually zero); YErrorLow/High are taken as total
 * errors. A y column stored as flux × E^γ ({@code Flux#timesE^{2.7}}) is divided by X^γ.
 */
final class SsdcExportReader {
    static final List<String> COLUMNS =
            List.of("X", "XErrorLow", "XErrorHigh", "Y", "YErrorLow", "YErrorHigh");
    private static final Pattern HEADER = Pattern.compile("^#\\s*(\\w+):\\s*(.*?)\\s*$");
    private static final Pattern SCALING =
            Pattern.compile("#times\\s*([A-Za-z])\\^\\{([-+]?[0-9]*\\.?[0-9]+)\\}");
    private static final Pattern FLUX_UNIT =
            Pattern.compile("\\(m\\^\\{2\\}\\s*s\\s*sr\\s*([^()]+?)\\)\\^\\{-1\\}");

    private SsdcExportReader() {
    }

    /** True if the file has the SSDC header keys. */
    static boolean accepts(SourceText text) {
        for (int i = 0; i < text.lineCount(); i++) {
            String line = text.line(i);
            if (line.startsWith("# Columns:") || line.startsWith("# XLabel:")) {
                return true;
            }
        }
        return false;
    }

    private record Header(String value, int line) {
    }

    static Dataset read(SourceText text, LoadOptions options) {
        Map<String, Header> headers = new HashMap<>();
        List<Integer> dataLines = new ArrayList<>();
        for (int i = 0; i < text.lineCount(); i++) {
            String line = text.line(i);
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith("#")) {
                Matcher m = HEADER.matcher(line);
                if (m.matches()) {
                    headers.putIfAbsent(m.group(1), new Header(m.group(2), i));
                }
            } else {
                dataLines.add(i);
            }
        }
        checkColumns(text, headers.get("Columns"));
        List<String> notes = new ArrayList<>();

        Header xLabel = headers.get("XLabel");
        Optional<XAxisKind> headerAxis =
                xLabel == null ? Optional.empty() : Optional.of(axisFromLabel(text, xLabel));
        XAxisKind axis = AxisChoice.resolve(text, headerAxis, xLabel == null ? 0 : xLabel.line(),
                options, Optional.empty(), "", notes);

        Header yLabel = headers.get("YLabel");
        if (yLabel == null) {
            throw text.error("missing '# YLabel:' header: cannot tell a flux from a ratio");
        }
        QuantityKind kind = kindFromLabel(text, yLabel);
        double power = 0;
        String yUnit = Dataset.DIMENSIONLESS;
        if (kind == QuantityKind.FLUX) {
            yUnit = axis.fluxUnit();
            Matcher unit = FLUX_UNIT.matcher(yLabel.value());
            if (unit.find() && !unit.group(1).trim().equals(axis.unit())) {
                notes.add("YLabel gives the flux per " + unit.group(1).trim() + " but X is "
                        + axis.description() + "; the flux is taken as differential in X, i.e. in "
                        + yUnit);
            }
            Matcher scaling = SCALING.matcher(yLabel.value());
            if (scaling.find()) {
                power = text.number(yLabel.line(), scaling.group(2), "YLabel exponent");
                notes.add("Y in the file is flux × " + scaling.group(1) + "^" + scaling.group(2)
                        + " (YLabel); divided by X^" + scaling.group(2) + " to give the flux");
            }
        } else if (SCALING.matcher(yLabel.value()).find()) {
            throw text.error(yLabel.line(), "a ratio multiplied by a power of energy is not supported: '"
                    + yLabel.value() + "'");
        }
        notes.add("YErrorLow/YErrorHigh taken as total errors (the SSDC export may combine "
                + "statistical and systematic errors; see its header)");

        if (dataLines.isEmpty()) {
            throw text.error("no data lines after the header");
        }
        List<DataPoint> points = new ArrayList<>();
        for (int i : dataLines) {
            double[] v = text.numbers(i, COLUMNS);
            double x = v[0];
            double factor = power == 0 ? 1.0 : Math.pow(x, -power);
            if (!(factor > 0) || !Double.isFinite(factor)) {
                throw text.error(i, "cannot divide Y by X^" + power + " at X = " + x);
            }
            points.add(text.point(i, x, x - v[1], x + v[2], v[3] * factor, v[4] * factor,
                    v[5] * factor));
        }

        Header title = headers.get("GraphTitle");
        String quantity = stem(text.fileName());
        Optional<String> experiment = Optional.empty();
        String description = "";
        if (title != null) {
            description = title.value().replaceAll(";\\s*$", "").trim();
            String[] words = description.split(";", 2)[0].trim().split("\\s+");
            if (!words[0].isEmpty()) {
                quantity = words[0];
            }
            if (words.length > 1) {
                experiment = Optional.of(words[1]);
            }
        } else {
            notes.add("no '# GraphTitle:' header; quantity named after the file");
        }
        return new Dataset(text.fileName(), quantity, kind, axis, yUnit, experiment, description,
                points, notes);
    }

    private static void checkColumns(SourceText text, Header columns) {
        if (columns == null) {
            throw text.error("missing '# Columns: " + String.join(", ", COLUMNS) + "' header");
        }
        List<String> found = new ArrayList<>();
        for (String c : columns.value().split(",")) {
            found.add(c.trim());
        }
        if (!found.equals(COLUMNS)) {
            throw text.error(columns.line(), "expected columns " + String.join(", ", COLUMNS)
                    + ", found " + String.join(", ", found));
        }
    }

    /** The x variable named by an XLabel such as {@code kinetic energy (GeV/n)}. */
    private static XAxisKind axisFromLabel(SourceText text, Header label) {
        String l = label.value().toLowerCase(Locale.ROOT).replace(" ", "");
        if (l.startsWith("rigidity") && l.contains("(gv)")) {
            return XAxisKind.RIGIDITY;
        }
        if (l.startsWith("kineticenergy") && l.contains("(gev/n)")) {
            return XAxisKind.EK_PER_NUCLEON;
        }
        if (l.startsWith("kineticenergy") && l.contains("(gev)")) {
            return XAxisKind.EK_TOTAL;
        }
        throw text.error(label.line(), "unknown XLabel '" + label.value() + "': expected "
                + "'kinetic energy (GeV/n)', 'kinetic energy (GeV)' or 'rigidity (GV)'");
    }

    private static QuantityKind kindFromLabel(SourceText text, Header label) {
        String l = label.value().toLowerCase(Locale.ROOT);
        if (l.contains("ratio")) {
            return QuantityKind.RATIO;
        }
        if (l.contains("flux")) {
            return QuantityKind.FLUX;
        }
        throw text.error(label.line(), "cannot tell from YLabel '" + label.value()
                + "' whether Y is a flux or a ratio");
    }

    static String stem(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }
}
