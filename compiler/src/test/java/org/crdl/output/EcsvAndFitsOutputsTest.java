package org.crdl.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nom.tam.fits.BasicHDU;
import nom.tam.fits.BinaryTableHDU;
import nom.tam.fits.Fits;
import org.crdl.Cli;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run's tables are ECSV 1.0 (checked against the format's grammar here, and read by astropy
 * when python3 with astropy is installed — `.ci/run` installs it when the package registry is
 * reachable), plain CSV once '#' lines are skipped, and `--format fits` writes one FITS binary
 * table per CSV with the same values and TUNITn units.
 */
class EcsvAndFitsOutputsTest {
    private static final String MODEL = "models/reference/flat_halo.crdl";
    /** ECSV 1.0 datatypes (APE 6). */
    private static final List<String> DATATYPES = List.of("bool", "int8", "int16", "int32", "int64", "uint8",
            "uint16", "uint32", "uint64", "float16", "float32", "float64", "float128", "string");
    private static final Pattern COLUMN = Pattern.compile(
            "# - \\{name: '((?:[^']|'')+)'(?:, unit: '([^']*)')?, datatype: (\\w+)(?:, description: '((?:[^']|'')*)')?"
            + "(?:, meta: \\{.*\\})?\\}");
    /** An astropy unit string as we write it: space-separated factors with integer powers, optionally "a / b". */
    private static final Pattern UNIT = Pattern.compile(
            "(1|[A-Za-z]+-?\\d*(?: [A-Za-z]+-?\\d*)*)(?: / (?:\\(?[A-Za-z]+\\d*(?: [A-Za-z]+\\d*)*\\)?))?");

    @TempDir
    static Path dir;
    static Path out;

    @BeforeAll
    static void run() {
        out = dir.resolve("fh");
        Cli.Result r = Cli.run("run", MODEL, "--format", "fits", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.stderr());
    }

    static List<Path> csvFiles() throws IOException {
        try (Stream<Path> s = Files.list(out)) {
            return s.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
        }
    }

    /** The header of one file checked line by line against the ECSV 1.0 layout; returns the column units. */
    static List<String[]> checkEcsv(String text, String what) {
        List<String> lines = text.lines().toList();
        assertEquals("# %ECSV 1.0", lines.get(0), what);
        assertEquals("# ---", lines.get(1), what);
        assertEquals("# delimiter: ','", lines.get(2), what);
        assertEquals("# datatype:", lines.get(3), what);
        List<String[]> cols = new ArrayList<>();
        int i = 4;
        for (; lines.get(i).startsWith("# - {name:"); i++) {
            Matcher m = COLUMN.matcher(lines.get(i));
            assertTrue(m.matches(), what + ": column line " + lines.get(i));
            assertTrue(DATATYPES.contains(m.group(3)), what + ": datatype " + m.group(3));
            if (m.group(2) != null) {
                assertTrue(UNIT.matcher(m.group(2)).matches(), what + ": unit '" + m.group(2) + "'");
            }
            cols.add(new String[] {m.group(1).replace("''", "'"), m.group(2), m.group(3)});
        }
        if (lines.get(i).equals("# meta: !!omap")) {
            for (i++; lines.get(i).startsWith("# - {'"); i++) {
                assertTrue(lines.get(i).matches("# - \\{'(?:[^']|'')+': '(?:[^']|'')*'\\}"), what + ": " + lines.get(i));
            }
        }
        assertEquals("# schema: astropy-2.0", lines.get(i), what);
        i++;
        assertTrue(lines.subList(i, lines.size()).stream().noneMatch(l -> l.startsWith("#")), what + ": one header");
        String[] names = lines.get(i).split(",", -1);
        assertEquals(cols.size(), names.length, what + ": CSV header matches the datatype list");
        for (int c = 0; c < names.length; c++) {
            assertEquals(cols.get(c)[0], names[c], what);
        }
        for (String row : lines.subList(i + 1, lines.size())) {
            String[] cells = row.split(",", -1);
            assertEquals(names.length, cells.length, what + ": " + row);
            for (int c = 0; c < cells.length; c++) {
                if (cols.get(c)[2].equals("float64") && !cells[c].isEmpty() && !cells[c].matches("-?inf")) {
                    Double.parseDouble(cells[c]);
                }
            }
        }
        return cols;
    }

    @Test
    void everyRunTableIsEcsvWithUnits() throws IOException {
        List<Path> files = csvFiles();
        assertTrue(files.size() >= 10, "tables written: " + files);
        for (Path f : files) {
            checkEcsv(Files.readString(f, StandardCharsets.UTF_8), f.getFileName().toString());
        }
        String flux = Files.readString(out.resolve("flux_p.csv"));
        List<String[]> cols = checkEcsv(flux, "flux_p.csv");
        assertEquals("GeV", cols.get(0)[1]);
        assertEquals("m-2 s-1 sr-1 GeV-1", cols.get(1)[1]);
        assertTrue(flux.contains("'unit_per_nucleon': 'm^-2 s^-1 sr^-1 (GeV/n)^-1'"), flux);
        assertTrue(flux.contains("# - {'model': 'reference_flat_halo'}"), flux);
        assertTrue(flux.contains("# - {'param H': '4 kpc'}"), "parameters in their display unit: " + flux);
        List<String[]> t = checkEcsv(Files.readString(out.resolve("transport_halo.csv")), "transport");
        assertEquals("GV", t.get(0)[1]);
        assertEquals("cm2 / s", t.get(2)[1]);
    }

    @Test
    void gridColumnsAreWrittenAtTheGridsPrecision() throws IOException {
        // the energy grid is 10^(k/20) GeV/n from 0.01: 1 GeV/n is a grid point and must read "1.0"
        List<String> body = Files.readAllLines(out.resolve("ratio_B_C.csv")).stream()
                .filter(l -> !l.startsWith("#")).toList();
        assertTrue(body.stream().anyMatch(l -> l.startsWith("1.0,")), "1 GeV/n row");
        assertTrue(body.stream().noneMatch(l -> l.split(",")[0].matches(".*0000000\\d*$|.*9999999\\d*$")),
                "no 1.0000000000000002-style grid values");
    }

    @Test
    void ratesOutputIsEcsvWithTextColumns() {
        Cli.Result r = Cli.run("rates", "models/hopkins2022/reference.crdl", "--scattering", "reference",
                "--phase", "lism_fiducial", "--rigidity", "1:100:3");
        assertEquals(0, r.exitCode(), r.stderr());
        List<String[]> cols = checkEcsv(r.stdout(), "rates");
        assertEquals("string", cols.get(cols.size() - 1)[2]);
        assertEquals("1 / s", cols.get(3)[1]);
    }

    @Test
    void astropyReadsEveryTableWhenInstalled() throws IOException, InterruptedException {
        assumeTrue(astropyAvailable(), "python3 with astropy is not installed: ECSV checked by the Java schema test only");
        String script = "import sys\nfrom astropy.table import Table\nimport astropy.units as u\n"
                + "for f in sys.argv[1:]:\n    t = Table.read(f, format='ascii.ecsv')\n    assert len(t) > 0, f\n"
                + "t = Table.read(sys.argv[1].rsplit('/', 1)[0] + '/ratio_B_C.csv', format='ascii.ecsv')\n"
                + "assert t['Ek_GeV_per_n'].unit == u.GeV and t.meta['model'] == 'reference_flat_halo'\n"
                + "p = Table.read(sys.argv[1].rsplit('/', 1)[0] + '/flux_p.csv', format='ascii.ecsv')\n"
                + "assert p['flux_TOA'].unit == u.Unit('1 / (m2 s sr GeV)'), p['flux_TOA'].unit\n"
                + "print('ok', len(sys.argv) - 1)\n";
        List<String> cmd = new ArrayList<>(List.of("python3", "-c", script));
        csvFiles().forEach(p -> cmd.add(p.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "astropy finished");
        assertEquals(0, p.exitValue(), text);
        assertTrue(text.startsWith("ok "), text);
    }

    static boolean astropyAvailable() {
        try {
            Process p = new ProcessBuilder("python3", "-c", "import astropy.table").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    @Test
    void fitsHasOneBinaryTablePerCsvWithUnitsAndTheSameValues() throws Exception {
        Path f = out.resolve("reference_flat_halo.fits");
        assertTrue(Files.exists(f), "FITS written");
        try (Fits fits = new Fits(f.toFile())) {
            BasicHDU<?>[] hdus = fits.read();
            assertEquals("reference_flat_halo", hdus[0].getHeader().getStringValue("MODEL"));
            assertEquals(64, hdus[0].getHeader().getStringValue("SRCSHA").length());
            assertEquals(csvFiles().size() + 1, hdus.length, "primary + one table per CSV");
            BinaryTableHDU bc = (BinaryTableHDU) fits.getHDU("ratio_B_C");
            assertNotNull(bc);
            assertEquals("Ek_GeV_per_n", bc.getColumnName(0));
            assertEquals("GeV", bc.getHeader().getStringValue("TUNIT1"));
            BinaryTableHDU p = (BinaryTableHDU) fits.getHDU("flux_p");
            assertEquals("m-2 s-1 sr-1 GeV-1", p.getHeader().getStringValue("TUNIT2"));
            BinaryTableHDU tr = (BinaryTableHDU) fits.getHDU("transport_halo");
            assertEquals("cm2 s-1", tr.getHeader().getStringValue("TUNIT3"));
            // the same numbers as the ECSV file (which is rounded only in its grid column)
            List<String> body = Files.readAllLines(out.resolve("ratio_B_C.csv")).stream()
                    .filter(l -> !l.startsWith("#")).toList();
            double[] toa = (double[]) bc.getColumn("ratio_TOA");
            assertEquals(body.size() - 1, toa.length);
            for (int k = 0; k < toa.length; k++) {
                assertEquals(Double.parseDouble(body.get(k + 1).split(",")[2]), toa[k], 0.0, "row " + k);
            }
        }
    }
}
