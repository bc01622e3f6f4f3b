package org.crdl.runtime.output;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.crdl.runtime.plasma.ModelException;

/**
 * A CSV table of doubles: one header line with the column names (units belong in the names,
 * e.g. {@code Ek_GeV_per_n}), then one line per row, {@code \n}-terminated.
 * Numbers are written in the shortest decimal form that reads back as the same double
 * ({@code 0.1}, {@code 1.0e-5}); NaN is never written (adding it fails), and ±∞ only after
 * {@link #allowInfinity()} (as {@code inf} / {@code -inf}).
 *
 * <pre>{@code
 * CsvTable t = CsvTable.of("Ek_GeV_per_n", "ratio_LIS", "ratio_TOA");
 * t.addRow(1.0, 0.31, 0.29);
 * t.write(out.resolve("ratio_B_C.csv"));
 * }</pre>
 */
public final class CsvTable {
    private final List<String> columns;
    private final List<double[]> rows = new ArrayList<>();
    private boolean infinityAllowed;
    private boolean missingAllowed;

    /** A table with these column names (non-empty, distinct). */
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
        }
        this.columns = List.copyOf(columns);
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
     * written as an empty cell — never as "NaN". Returns this table.
     */
    public CsvTable allowMissing() {
        missingAllowed = true;
        return this;
    }

    public List<String> columns() {
        return columns;
    }

    public int rowCount() {
        return rows.size();
    }

    /**
     * Appends a row of one value per column.
     *
     * @throws ModelException naming row and column for a NaN (or ∞ unless allowed)
     */
    public CsvTable addRow(double... values) {
        if (values.length != columns.size()) {
            throw new ModelException("CSV row " + (rows.size() + 1) + " has " + values.length
                    + " values for " + columns.size() + " columns " + columns);
        }
        for (int k = 0; k < values.length; k++) {
            double v = values[k];
            if (Double.isNaN(v) && !missingAllowed || (Double.isInfinite(v) && !infinityAllowed)) {
                throw new ModelException("CSV row " + (rows.size() + 1) + ", column '" + columns.get(k)
                        + "': value is " + (Double.isNaN(v) ? "undefined (0/0 or a root of a negative number)"
                        : v + " (infinity is not allowed in this table)"));
            }
        }
        rows.add(values.clone());
        return this;
    }

    /** Writes the table to {@code out}. */
    public void writeTo(Appendable out) throws IOException {
        out.append(headerLine()).append('\n');
        StringBuilder line = new StringBuilder();
        for (double[] row : rows) {
            line.setLength(0);
            for (int k = 0; k < row.length; k++) {
                if (k > 0) {
                    line.append(',');
                }
                line.append(Double.isNaN(row[k]) ? "" : format(row[k]));
            }
            out.append(line).append('\n');
        }
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

    /** The whole table as text. */
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
        for (String c : columns) {
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
}
