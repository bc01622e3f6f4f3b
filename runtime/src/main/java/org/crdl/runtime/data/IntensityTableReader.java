package org.crdl.runtime.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the tab-separated machine-readable tables of an ApJ article (Voyager 1 intensities,
 * {@code Voyager1_Helium.txt} = Table 8, {@code apjaa2409t9_ascii.txt} = Table 9):
 * <pre>
 * Table 8
 * Voyager 1 Intensities of He for 2012/342-2015/181
 *
 * E_min  E_max  E_plot  Intensity, J  sig  sys  Counts  Tel Type
 * (MeV nuc^-1) (MeV nuc^-1) (MeV nuc^-1) (m^2 s sr MeV nuc^-1)^-1
 * 3.0    4.6    3.8     1.530e+00     ...
 * </pre>
 * A table with a {@code Z} column holds several elements, possibly in blocks side by side; one
 * element is picked with {@link LoadOptions#withCharge}. Energies in MeV/n are converted to GeV/n
 * and intensities to per GeV/n; errors are sig ⊕ sys. Without E_plot, x is the bin centre
 * (E_min + E_max)/2, the convention of the single-element table's E_plot column. Without a units
 * line, MeV/nucleon and (m^2 s sr MeV/nuc)^-1 are assumed as in the He table of the same article.
 */
final class IntensityTableReader {
    private static final Pattern TABLE = Pattern.compile("^Table\\s+\\d+\\s*$");
    private static final Pattern TITLE = Pattern.compile("^(.*?)\\s*Intensities of (\\S+)");

    private IntensityTableReader() {
    }

    static boolean accepts(SourceText text) {
        int first = text.nextNonBlank(0);
        return first >= 0 && TABLE.matcher(text.line(first).trim()).matches()
                && headerLine(text, first) >= 0;
    }

    private static int headerLine(SourceText text, int from) {
        for (int i = from; i < Math.min(text.lineCount(), from + 6); i++) {
            List<String> names = names(text.line(i));
            if (names.contains("E_min") && names.contains("E_max")) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> names(String line) {
        List<String> names = new ArrayList<>();
        for (String column : line.split("\t")) {
            if (!column.isBlank()) {
                names.add(column.trim());
            }
        }
        return names;
    }

    /** The table's layout, as found in its header. */
    private record Layout(String title, String subject, Optional<String> experiment, int header,
            int firstData, int blockWidth, int blocks, boolean hasCharge, boolean unitsStated,
            double energyFactor, List<String> notes) {
    }

    /** All elements of the table, lowest Z first (one dataset for a single-element table). */
    static List<Dataset> readAll(SourceText text, LoadOptions options) {
        Layout layout = layout(text);
        Map<Integer, List<DataPoint>> byCharge = points(text, layout);
        List<Dataset> all = new ArrayList<>();
        for (Map.Entry<Integer, List<DataPoint>> e : byCharge.entrySet()) {
            all.add(dataset(text, layout, e.getKey(), e.getValue(), options));
        }
        return all;
    }

    /** One element: the only one, or the one chosen by {@link LoadOptions#charge()}. */
    static Dataset read(SourceText text, LoadOptions options) {
        Layout layout = layout(text);
        Map<Integer, List<DataPoint>> byCharge = points(text, layout);
        if (options.charge().isPresent()) {
            int z = options.charge().getAsInt();
            List<DataPoint> points = byCharge.get(layout.hasCharge() ? z : 0);
            if (points == null || (!layout.hasCharge() && Elements.charge(layout.subject()) != z)) {
                throw text.error("no data for Z = " + z + "; the table holds "
                        + describe(byCharge, layout));
            }
            return dataset(text, layout, layout.hasCharge() ? z : 0, points, options);
        }
        if (byCharge.size() > 1) {
            throw text.error("the table holds several elements (" + describe(byCharge, layout)
                    + "); choose one with LoadOptions.withCharge(Z) or load all with "
                    + "ObservationLoader.loadAll");
        }
        Map.Entry<Integer, List<DataPoint>> only = byCharge.entrySet().iterator().next();
        return dataset(text, layout, only.getKey(), only.getValue(), options);
    }

    private static String describe(Map<Integer, List<DataPoint>> byCharge, Layout layout) {
        if (!layout.hasCharge()) {
            return layout.subject() + " only";
        }
        List<String> zs = new ArrayList<>();
        for (int z : byCharge.keySet()) {
            zs.add(Elements.symbol(z) + " (Z=" + z + ")");
        }
        return String.join(", ", zs);
    }

    private static Layout layout(SourceText text) {
        int first = text.nextNonBlank(0);
        String table = text.line(first).trim();
        int titleLine = text.nextNonBlank(first + 1);
        String titleText = text.line(titleLine).trim();
        Matcher m = TITLE.matcher(titleText);
        Optional<String> experiment = Optional.empty();
        String subject = "";
        if (m.find()) {
            experiment = m.group(1).isBlank() ? Optional.empty() : Optional.of(m.group(1).trim());
            subject = m.group(2);
        }
        int header = headerLine(text, first);
        List<String> names = names(text.line(header));
        boolean hasCharge = names.get(0).equals("Z");
        int width = names.size();
        if (hasCharge) {
            int second = names.subList(1, names.size()).indexOf("Z");
            width = second < 0 ? names.size() : second + 1;
            if (names.size() % width != 0) {
                throw text.error(header, "the column blocks starting at each Z differ in width: "
                        + String.join(" | ", names));
            }
        }
        List<String> block = names.subList(0, width);
        List<String> expected = hasCharge
                ? List.of("Z", "E_min", "E_max", "J", "sig", "sys", "Counts", "TT")
                : List.of("E_min", "E_max", "E_plot", "Intensity, J", "sig", "sys", "Counts", "Tel Type");
        if (!block.equals(expected)) {
            throw text.error(header, "expected columns " + String.join(" | ", expected)
                    + ", found " + String.join(" | ", block));
        }
        List<String> notes = new ArrayList<>();
        int firstData = header + 1;
        double factor;
        String units = text.line(firstData).trim();
        boolean unitsStated = units.startsWith("(");
        if (unitsStated) {
            factor = energyFactor(text, firstData, units);
            firstData++;
        } else {
            factor = 1e-3;
            notes.add("units not stated in the table; MeV/nucleon and (m^2 s sr MeV/nuc)^-1 assumed, "
                    + "as in the He table of the same article");
        }
        if (factor != 1.0) {
            notes.add("energies converted from MeV/n to GeV/n and intensities from per MeV/n to per "
                    + "GeV/n");
        }
        notes.add("errors are sig ⊕ sys in quadrature");
        if (hasCharge) {
            notes.add("x is the bin centre (E_min + E_max)/2; bins of different telescopes overlap");
        }
        return new Layout(table + ": " + titleText, subject, experiment, header, firstData, width,
                names.size() / width, hasCharge, unitsStated, factor, notes);
    }

    private static double energyFactor(SourceText text, int line, String units) {
        String compact = units.replace(" ", "");
        if (compact.startsWith("(MeVnuc^-1)") && compact.contains("(m^2ssrMeVnuc^-1)^-1")) {
            return 1e-3;
        }
        if (compact.startsWith("(GeVnuc^-1)") && compact.contains("(m^2ssrGeVnuc^-1)^-1")) {
            return 1.0;
        }
        throw text.error(line, "unknown units line '" + units + "': expected (MeV nuc^-1) energies "
                + "and (m^2 s sr MeV nuc^-1)^-1 intensities");
    }

    /** Points keyed by Z (key 0 for a single-element table), in file order. */
    private static Map<Integer, List<DataPoint>> points(SourceText text, Layout layout) {
        List<String> columns = new ArrayList<>();
        List<String> block = layout.hasCharge()
                ? List.of("Z", "E_min", "E_max", "J", "sig", "sys", "Counts", "TT")
                : List.of("E_min", "E_max", "E_plot", "J", "sig", "sys", "Counts", "Tel Type");
        for (int b = 0; b < layout.blocks(); b++) {
            columns.addAll(block);
        }
        Map<Integer, List<DataPoint>> byCharge = new TreeMap<>();
        double f = layout.energyFactor();
        for (int i = layout.firstData(); i < text.lineCount(); i++) {
            if (text.line(i).isBlank()) {
                continue;
            }
            double[] v = text.numbers(i, columns);
            for (int b = 0; b < layout.blocks(); b++) {
                int o = b * layout.blockWidth();
                int z = 0;
                double x;
                if (layout.hasCharge()) {
                    if (isPadding(v, o, layout.blockWidth())) {
                        continue;
                    }
                    z = charge(text, i, v[o]);
                    x = 0.5 * (v[o + 1] + v[o + 2]);
                } else {
                    x = v[o + 2];
                }
                double err = Math.hypot(v[o + 4], v[o + 5]) / f;
                double eMin = v[o + (layout.hasCharge() ? 1 : 0)];
                double eMax = v[o + (layout.hasCharge() ? 2 : 1)];
                DataPoint p = text.point(i, x * f, eMin * f, eMax * f, v[o + 3] / f, err, err);
                byCharge.computeIfAbsent(z, k -> new ArrayList<>()).add(p);
            }
        }
        if (byCharge.isEmpty()) {
            throw text.error(layout.header(), "no data lines after the column names");
        }
        return byCharge;
    }

    private static boolean isPadding(double[] v, int offset, int width) {
        for (int k = offset; k < offset + width; k++) {
            if (v[k] != 0) {
                return false;
            }
        }
        return true;
    }

    private static int charge(SourceText text, int line, double value) {
        int z = (int) value;
        if (z != value || !Elements.known(z)) {
            throw text.error(line, "Z = " + value + " is not the charge number of a known element");
        }
        return z;
    }

    private static Dataset dataset(SourceText text, Layout layout, int z, List<DataPoint> points,
            LoadOptions options) {
        List<String> notes = new ArrayList<>(layout.notes());
        XAxisKind axis = AxisChoice.resolve(text,
                layout.unitsStated() ? Optional.of(XAxisKind.EK_PER_NUCLEON) : Optional.empty(),
                layout.header(), options, Optional.of(XAxisKind.EK_PER_NUCLEON),
                "energies per nucleon as in the He table of the same article", notes);
        String quantity = layout.hasCharge() ? Elements.symbol(z) : layout.subject();
        return new Dataset(text.fileName(), quantity, QuantityKind.FLUX, axis, axis.fluxUnit(),
                layout.experiment(), layout.title(), points, notes);
    }
}
