package org.crdl.runtime.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nom.tam.fits.BasicHDU;
import nom.tam.fits.BinaryTable;
import nom.tam.fits.BinaryTableHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.FitsException;
import nom.tam.fits.FitsFactory;
import nom.tam.fits.Header;
import org.crdl.runtime.plasma.ModelException;

/**
 * Writes several {@link CsvTable}s into one FITS file (nom-tam-fits): an empty primary HDU with
 * the provenance keywords, then one binary-table extension per table, {@code EXTNAME} the
 * table's name (e.g. {@code ratio_B_C}), {@code TTYPEn} the column names (descriptions as
 * COMMENT cards), {@code TUNITn} the units in FITS notation ({@code cm2 s-1}) and
 * the table meta as keywords. Missing values are NaN, as FITS floating-point columns mark them.
 *
 * <pre>{@code
 * FitsTables.write(out.resolve("model.fits"), Map.of("ratio_B_C", table), Map.of("model", "m"));
 * }</pre>
 */
public final class FitsTables {
    private FitsTables() {
    }

    /** Writes {@code tables} (name → table, in order) with {@code provenance} in the primary header. */
    public static void write(Path file, Map<String, CsvTable> tables, Map<String, String> provenance) {
        FitsFactory.setLongStringsEnabled(true);
        try (Fits fits = new Fits()) {
            BasicHDU<?> primary = BasicHDU.getDummyHDU();
            keywords(primary.getHeader(), provenance);
            fits.addHDU(primary);
            for (Map.Entry<String, CsvTable> e : tables.entrySet()) {
                fits.addHDU(extension(e.getKey(), e.getValue()));
            }
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            Files.deleteIfExists(file);
            fits.write(file.toFile());
        } catch (IOException | FitsException e) {
            throw new ModelException("cannot write FITS file " + file + ": " + e.getMessage(), e);
        }
    }

    private static BinaryTableHDU extension(String name, CsvTable t) throws FitsException {
        List<CsvTable.Column> cols = t.columnDescriptions();
        Object[] data = new Object[cols.size()];
        for (int c = 0; c < cols.size(); c++) {
            if ("string".equals(cols.get(c).datatype())) {
                String[] s = new String[t.rowCount()];
                for (int r = 0; r < s.length; r++) {
                    s[r] = t.textValue(r, c);
                }
                data[c] = s;
            } else {
                double[] d = new double[t.rowCount()];
                for (int r = 0; r < d.length; r++) {
                    d[r] = t.value(r, c);
                }
                data[c] = d;
            }
        }
        BinaryTableHDU hdu = BinaryTableHDU.wrap(BinaryTable.fromColumnMajor(data));
        Header h = hdu.getHeader();
        h.addValue("EXTNAME", name, "table name (the CSV file name)");
        for (int c = 0; c < cols.size(); c++) {
            CsvTable.Column col = cols.get(c);
            hdu.setColumnName(c, col.name(), "column " + (c + 1));
            if (col.description() != null) {
                h.insertComment(ascii("column " + (c + 1) + " " + col.name() + ": " + col.description()));
            }
            if (col.unit() != null && !col.unit().isEmpty()) {
                h.addValue("TUNIT" + (c + 1), fitsUnit(col.unit()), "unit of " + col.name());
            }
        }
        keywords(h, t.meta());
        return hdu;
    }

    /** Provenance as keywords: short standard-style names where known, every entry also as a COMMENT. */
    private static void keywords(Header h, Map<String, String> meta) throws FitsException {
        for (Map.Entry<String, String> e : meta.entrySet()) {
            String key = switch (e.getKey()) {
                case "model" -> "MODEL";
                case "galaxy" -> "GALAXY";
                case "transport" -> "TRANSPRT";
                case "source_sha256" -> "SRCSHA";
                case "generator" -> "CREATOR";
                case "modulation_phi_GV" -> "PHI_GV";
                case "observable" -> "OBSERVBL";
                case "region" -> "REGION";
                default -> null;
            };
            if (key != null) {
                h.addValue(key, ascii(e.getValue()), e.getKey());
            } else {
                h.insertComment(ascii(e.getKey() + " = " + e.getValue()));
            }
        }
    }

    /** An astropy unit string ({@code cm2 / s}, {@code 1 / s}) in FITS notation ({@code cm2 s-1}, {@code s-1}). */
    static String fitsUnit(String astropy) {
        String[] parts = astropy.split(" / ", 2);
        List<String> out = new ArrayList<>();
        for (String tok : parts[0].trim().split("\\s+")) {
            if (!tok.equals("1")) {
                out.add(tok);
            }
        }
        if (parts.length == 2) {
            for (String tok : parts[1].replace("(", "").replace(")", "").trim().split("\\s+")) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("([A-Za-z]+)(-?\\d*)").matcher(tok);
                if (!m.matches()) {
                    throw new IllegalArgumentException("unit '" + astropy + "' has no FITS form");
                }
                int p = m.group(2).isEmpty() ? 1 : Integer.parseInt(m.group(2));
                out.add(m.group(1) + (-p));
            }
        }
        return String.join(" ", out);
    }

    /** FITS headers are ASCII: Greek letters and other symbols spelled out. */
    static String ascii(String s) {
        String t = s.replace("μ", "mu").replace("ν", "nu").replace("κ", "kappa").replace("φ", "phi")
                .replace("⁻", "-").replace("²", "2").replace("³", "3").replace("¹", "1");
        StringBuilder b = new StringBuilder();
        for (char ch : t.toCharArray()) {
            b.append(ch >= 32 && ch < 127 ? ch : '?');
        }
        return b.toString();
    }
}
