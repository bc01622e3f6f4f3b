package org.crdl.runtime.output;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.crdl.runtime.plasma.ModelException;

/**
 * A table written as <a href="https://github.com/astropy/astropy-APEs/blob/main/APE6.rst">ECSV 1.0</a>:
 * a {@code # %ECSV 1.0} YAML header (every line starting with {@code #}) giving each column's
 * name, datatype, astropy unit string and description plus the table's provenance meta, then
 * an ordinary comma-separated table — one line of column names and one line per row,
 * {@code \n}-terminated. A plain CSV reader that skips {@code #} lines reads it unchanged;
 * {@code astropy.table.Table.read(f, format="ascii.ecsv")} reads it with units.
 * Numbers are written in the shortest decimal form that reads back as the same double
 * ({@code 0.1}, {@code 1.0e-5}), or rounded to a column's stated significant digits (grid
 * columns, so 10^0 is {@code 1.0}, not {@code 1.0000000000000002}); NaN is never written (adding
 * it fails unless {@link #allowMissing()}: an empty cell), and ±∞ only after
 * {@link #allowInfinity()} (as {@code inf} / {@code -inf}).
 *
 * <pre>{@code
 * CsvTable t = CsvTable.of("Ek_GeV_per_n", "ratio_LIS", "ratio_TOA")
 *         .describe("Ek_GeV_per_n", "GeV", "kinetic energy per nucleon [GeV/n]")
 *         .meta("model", "reference_flat_halo");
 * t.addRow(1.0, 0.31, 0.29);
 * t.write(out.resolve("ratio_B_C.csv"));
 * }</pre>
 */
public final class CsvTable {
    /** The ECSV flux unit of a per-nucleon flux (astropy has no nucleon unit: the column meta states it). */
    public static final String FLUX_UNIT = "m-2 s-1 sr-1 GeV-1";
    /** The flux unit as physicists write it. */
    public static final String FLUX_UNIT_PER_NUCLEON = "m^-2 s^-1 sr^-1 (GeV/n)^-1";

    /** One column's ECSV description; {@code unit} and {@code description} may be null. */
    public record Column(String name, String datatype, String unit, String description, Map<String, String> meta) {
    }

    private final List<String> names;
    private final Map<String, Column> columns = new LinkedHashMap<>();
    private final Map<String, Integer> digits = new HashMap<>();
    private final Map<String, String> meta = new LinkedHashMap<>();
    private final List<Object[]> rows = new ArrayList<>();
    private boolean infinityAllowed;
    private boolean missingAllowed;

    /** A table with these column names (non-empty, distinct), all float64 without unit. */
    public CsvTable(List<String> columns) {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a CSV table needs at least one column");
        }
        Set<String> seen = new HashSet<>();
        for (String c : columns) {
            if (c == null || c.isEmpty()) {
                throw new IllegalArgumentException("empty column name in " + columns);
            }
            if (!seen.add(c)) {
                throw new IllegalArgumentException("duplicate column name '" + c + "'");
            }
            this.columns.put(c, new Column(c, "float64", null, null, Map.of()));
        }
        this.names = List.copyOf(columns);
    }

    /** A table with these column names. */
    public static CsvTable of(String... columns) {
        return new CsvTable(List.of(columns));
    }

    /** Lets rows contain ±∞, written {@code inf} and {@code -inf}. Returns this table. */
    public CsvTable allowInfinity() {
        infinityAllowed = true;
        return this;
    }

    /**
     * Lets rows contain NaN as "not defined here" (e.g. a grammage a geometry does not define),
     * written as an empty cell — never as "NaN" (astropy reads it as masked). Returns this table.
     */
    public CsvTable allowMissing() {
        missingAllowed = true;
        return this;
    }

    /**
     * Gives a column its astropy unit string ({@code "GV"}, {@code "cm2 / s"}, null when
     * dimensionless) and description. Returns this table.
     */
    public CsvTable describe(String column, String unit, String description) {
        Column c = column(column);
        columns.put(column, new Column(column, c.datatype(), unit, description, c.meta()));
        return this;
    }

    /** Adds one key to a column's own meta (e.g. the per-nucleon flux unit). Returns this table. */
    public CsvTable columnMeta(String column, String key, String value) {
        Column c = column(column);
        Map<String, String> m = new LinkedHashMap<>(c.meta());
        m.put(key, value);
        columns.put(column, new Column(column, c.datatype(), c.unit(), c.description(), Collections.unmodifiableMap(m)));
        return this;
    }

    /** Marks columns as text (datatype string); their cells are given as strings. Returns this table. */
    public CsvTable text(String... textColumns) {
        for (String name : textColumns) {
            Column c = column(name);
            columns.put(name, new Column(name, "string", null, c.description(), c.meta()));
        }
        return this;
    }

    /**
     * Writes a grid column (rigidity, energy) rounded to {@code significant} digits, so a log grid
     * value 10^0 reads {@code 1.0}. Returns this table.
     */
    public CsvTable gridColumn(String column, int significant) {
        column(column);
        digits.put(column, significant);
        return this;
    }

    /** Adds a table-level meta entry (model, provenance); insertion order is kept. Returns this table. */
    public CsvTable meta(String key, String value) {
        meta.put(key, value);
        return this;
    }

    /** Adds every entry of {@code entries} to the table meta. Returns this table. */
    public CsvTable meta(Map<String, String> entries) {
        meta.putAll(entries);
        return this;
    }

    private Column column(String name) {
        Column c = columns.get(name);
        if (c == null) {
            throw new IllegalArgumentException("no column '" + name + "' in " + names);
        }
        return c;
    }

    public List<String> columns() {
        return names;
    }

    /** The ECSV description of every column, in order. */
    public List<Column> columnDescriptions() {
        return List.copyOf(columns.values());
    }

    /** The table-level meta, in insertion order. */
    public Map<String, String> meta() {
        return Collections.unmodifiableMap(meta);
    }

    public int rowCount() {
        return rows.size();
    }

    /** The value of a float64 cell (NaN where missing). */
    public double value(int row, int column) {
        return (Double) rows.get(row)[column];
    }

    /** The text of a string cell. */
    public String textValue(int row, int column) {
        return (String) rows.get(row)[column];
    }

    /**
     * Appends a row of one value per column (all columns float64).
     *
     * @throws ModelException naming row and column for a NaN (or ∞ unless allowed)
     */
    public CsvTable addRow(double... values) {
        Object[] cells = new Object[values.length];
        for (int k = 0; k < values.length; k++) {
            cells[k] = values[k];
        }
        return addCells(cells);
    }

    /**
     * Appends a row of one cell per column: a {@link Double} for a float64 column, a
     * {@link String} for a {@link #text} column.
     */
    public CsvTable addCells(Object... cells) {
        if (cells.length != names.size()) {
            throw new ModelException("CSV row " + (rows.size() + 1) + " has " + cells.length
                    + " values for " + names.size() + " columns " + names);
        }
        for (int k = 0; k < cells.length; k++) {
            boolean text = "string".equals(columns.get(names.get(k)).datatype());
            if (text) {
                if (!(cells[k] instanceof String s) || s.contains("\n") || s.contains(",")) {
                    throw new IllegalArgumentException("column '" + names.get(k) + "' takes text without commas, got "
                            + cells[k]);
                }
                continue;
            }
            double v = (Double) cells[k];
            if (Double.isNaN(v) && !missingAllowed || (Double.isInfinite(v) && !infinityAllowed)) {
                throw new ModelException("CSV row " + (rows.size() + 1) + ", column '" + names.get(k)
                        + "': value is " + (Double.isNaN(v) ? "undefined (0/0 or a root of a negative number)"
                        : v + " (infinity is not allowed in this table)"));
            }
        }
        rows.add(cells.clone());
        return this;
    }

    /** Writes the table (ECSV header, then the CSV lines) to {@code out}. */
    public void writeTo(Appendable out) throws IOException {
        out.append(ecsvHeader());
        out.append(headerLine()).append('\n');
        StringBuilder line = new StringBuilder();
        for (Object[] row : rows) {
            line.setLength(0);
            for (int k = 0; k < row.length; k++) {
                if (k > 0) {
                    line.append(',');
                }
                line.append(cell(names.get(k), row[k]));
            }
            out.append(line).append('\n');
        }
    }

    private String cell(String column, Object v) {
        if (v instanceof String s) {
            return s;
        }
        double d = (Double) v;
        if (Double.isNaN(d)) {
            return "";
        }
        Integer sig = digits.get(column);
        return sig == null ? format(d) : formatSignificant(d, sig);
    }

    /** The ECSV 1.0 header: every line starts with {@code "# "}. */
    String ecsvHeader() {
        StringBuilder h = new StringBuilder("# %ECSV 1.0\n# ---\n# delimiter: ','\n# datatype:\n");
        for (String n : names) {
            Column c = columns.get(n);
            h.append("# - {name: ").append(yaml(n));
            if (c.unit() != null) {
                h.append(", unit: ").append(yaml(c.unit()));
            }
            h.append(", datatype: ").append(c.datatype());
            if (c.description() != null) {
                h.append(", description: ").append(yaml(c.description()));
            }
            if (!c.meta().isEmpty()) {
                h.append(", meta: {");
                String sep = "";
                for (Map.Entry<String, String> e : c.meta().entrySet()) {
                    h.append(sep).append(yaml(e.getKey())).append(": ").append(yaml(e.getValue()));
                    sep = ", ";
                }
                h.append('}');
            }
            h.append("}\n");
        }
        if (!meta.isEmpty()) {
            h.append("# meta: !!omap\n");
            for (Map.Entry<String, String> e : meta.entrySet()) {
                h.append("# - {").append(yaml(e.getKey())).append(": ").append(yaml(e.getValue())).append("}\n");
            }
        }
        h.append("# schema: astropy-2.0\n");
        return h.toString();
    }

    /** A YAML single-quoted scalar (quotes doubled; line breaks become spaces). */
    static String yaml(String s) {
        return "'" + s.replace("\r", " ").replace("\n", " ").replace("'", "''") + "'";
    }

    /** Writes the table to a file (UTF-8), creating parent directories. */
    public void write(Path file) {
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                writeTo(w);
            }
        } catch (IOException e) {
            throw new OutputException("cannot write " + file + ": " + OutputFolder.describe(e), e);
        }
    }

    /** The whole table as text (ECSV header included). */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        try {
            writeTo(sb);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return sb.toString();
    }

    private String headerLine() {
        List<String> quoted = new ArrayList<>();
        for (String c : names) {
            quoted.add(quote(c));
        }
        return String.join(",", quoted);
    }

    /** RFC 4180 quoting for names containing a comma, quote or line break. */
    static String quote(String field) {
        if (field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r")) {
            return "\"" + field.replace("\"", "\"\"") + "\"";
        }
        return field;
    }

    /**
     * The shortest decimal text that parses back (with {@link Double#parseDouble}) to exactly
     * {@code v}; {@code inf}/{@code -inf} for infinities.
     *
     * @throws IllegalArgumentException for NaN
     */
    public static String format(double v) {
        if (Double.isNaN(v)) {
            throw new IllegalArgumentException("NaN has no CSV form");
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        return Double.toString(v).replace('E', 'e');
    }

    /** {@code v} rounded to {@code significant} digits, then written as {@link #format} does. */
    public static String formatSignificant(double v, int significant) {
        if (!Double.isFinite(v) || v == 0) {
            return format(v);
        }
        return format(new BigDecimal(v).round(new MathContext(significant)).doubleValue());
    }
}
