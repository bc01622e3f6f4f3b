package org.crdl.runtime.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crdl.runtime.plasma.ModelException;

/**
 * Reads back a numeric table written by {@link CsvTable}: the table meta of its ECSV header
 * ({@code # - {'key': 'value'}} lines) and its float64 columns (empty cells NaN).
 *
 * @param file    the file read
 * @param meta    table meta in file order
 * @param columns column name → values
 */
public record EcsvFile(Path file, Map<String, String> meta, Map<String, double[]> columns) {
    private static final Pattern META = Pattern.compile("# - \\{'((?:[^']|'')+)': '((?:[^']|'')*)'\\}");

    public static EcsvFile read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ModelException("cannot read " + file + ": " + e.getMessage(), e);
        }
        Map<String, String> meta = new LinkedHashMap<>();
        List<String> body = new ArrayList<>();
        for (String l : lines) {
            Matcher m = META.matcher(l);
            if (m.matches()) {
                meta.put(m.group(1).replace("''", "'"), m.group(2).replace("''", "'"));
            } else if (!l.startsWith("#") && !l.isBlank()) {
                body.add(l);
            }
        }
        if (body.isEmpty()) {
            throw new ModelException(file + " has no table");
        }
        String[] names = body.get(0).split(",", -1);
        double[][] values = new double[names.length][body.size() - 1];
        for (int r = 1; r < body.size(); r++) {
            String[] cells = body.get(r).split(",", -1);
            if (cells.length != names.length) {
                throw new ModelException(file + ": line " + (r + 1) + " of the table has " + cells.length
                        + " cells for " + names.length + " columns");
            }
            for (int c = 0; c < names.length; c++) {
                values[c][r - 1] = parse(cells[c], file);
            }
        }
        Map<String, double[]> cols = new LinkedHashMap<>();
        for (int c = 0; c < names.length; c++) {
            cols.put(names[c], values[c]);
        }
        return new EcsvFile(file, Collections.unmodifiableMap(meta), Collections.unmodifiableMap(cols));
    }

    private static double parse(String cell, Path file) {
        return switch (cell) {
            case "" -> Double.NaN;
            case "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            default -> {
                try {
                    yield Double.parseDouble(cell);
                } catch (NumberFormatException e) {
                    throw new ModelException(file + ": '" + cell + "' is not a number");
                }
            }
        };
    }

    /** A column's values. */
    public double[] column(String name) {
        double[] v = columns.get(name);
        if (v == null) {
            throw new ModelException(file + " has no column " + name + " (columns: " + columns.keySet() + ")");
        }
        return v;
    }
}
