package org.crdl.runtime.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.crdl.runtime.plasma.ModelException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTableTest {
    @TempDir
    Path dir;

    @Test
    void writesHeaderAndRowsExactly() throws IOException {
        Path f = dir.resolve("sub/ratio_B_C.csv");
        CsvTable.of("Ek_GeV_per_n", "ratio_LIS", "ratio_TOA")
                .addRow(1.0, 0.31, 0.29)
                .addRow(1e3, 1.25e-2, -0.0)
                .write(f);
        assertEquals("Ek_GeV_per_n,ratio_LIS,ratio_TOA\n"
                + "1.0,0.31,0.29\n"
                + "1000.0,0.0125,-0.0\n", body(Files.readString(f)));
    }

    @Test
    void smallAndLargeNumbersUseExponents() {
        String csv = body(CsvTable.of("a", "b").addRow(1e-30, 6.02214076e23).toString());
        assertEquals("a,b\n1.0e-30,6.02214076e23\n", csv);
    }

    @Test
    void nanIsRefusedNamingRowAndColumn() {
        CsvTable t = CsvTable.of("R_GV", "nu_s_per_s").addRow(1, 2);
        ModelException e = assertThrows(ModelException.class, () -> t.addRow(2, Double.NaN));
        assertTrue(e.getMessage().contains("row 2") && e.getMessage().contains("'nu_s_per_s'"),
                e.getMessage());
        assertEquals(1, t.rowCount());
    }

    @Test
    void infinityOnlyWhenAllowed() {
        assertThrows(ModelException.class,
                () -> CsvTable.of("x").addRow(Double.POSITIVE_INFINITY));
        String csv = body(CsvTable.of("x", "y").allowInfinity()
                .addRow(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY).toString());
        assertEquals("x,y\ninf,-inf\n", csv);
        assertThrows(ModelException.class,
                () -> CsvTable.of("x").allowInfinity().addRow(Double.NaN));
    }

    @Test
    void rowLengthMustMatch() {
        assertThrows(ModelException.class, () -> CsvTable.of("a", "b").addRow(1));
    }

    @Test
    void namesWithCommasOrQuotesAreQuoted() {
        assertEquals("\"S.a,b\",\"say \"\"hi\"\"\",plain\n",
                body(CsvTable.of("S.a,b", "say \"hi\"", "plain").toString()));
        assertThrows(IllegalArgumentException.class, () -> CsvTable.of("a", "a"));
    }

    @Test
    void ecsvHeaderFollowsTheEcsv10Layout() {
        // layout of APE 6 (ECSV 1.0): "# %ECSV 1.0", "# ---", YAML with delimiter, datatype list, meta, schema
        String t = CsvTable.of("R_GV", "kind").text("kind").describe("R_GV", "GV", "rigidity, it's")
                .meta("model", "m").addCells(2.0, "x").toString();
        assertEquals("# %ECSV 1.0\n# ---\n# delimiter: ','\n# datatype:\n"
                + "# - {name: 'R_GV', unit: 'GV', datatype: float64, description: 'rigidity, it''s'}\n"
                + "# - {name: 'kind', datatype: string}\n"
                + "# meta: !!omap\n# - {'model': 'm'}\n# schema: astropy-2.0\nR_GV,kind\n2.0,x\n", t);
    }

    @Test
    void gridColumnsRoundToTheirDigits() {
        double r = Math.pow(10, 0.1 * 3) / Math.pow(10, 0.1 * 3) * Math.pow(10, 1.0 / 3 * 3);   // 10 ± 1 ulp
        String csv = body(CsvTable.of("R_GV").gridColumn("R_GV", 12).addRow(1.0000000000000002).addRow(r).toString());
        assertEquals("R_GV\n1.0\n10.0\n", csv);
    }

    @Test
    void fitsUnitsFromAstropyStrings() {
        assertEquals("cm2 s-1", FitsTables.fitsUnit("cm2 / s"));
        assertEquals("s-1", FitsTables.fitsUnit("1 / s"));
        assertEquals("erg cm-3 s-1", FitsTables.fitsUnit("erg / (cm3 s)"));
        assertEquals("m-2 s-1 sr-1 GeV-1", FitsTables.fitsUnit("m-2 s-1 sr-1 GeV-1"));
    }

    /** The plain-CSV part: what a reader that skips '#' lines sees. */
    static String body(String ecsv) {
        StringBuilder sb = new StringBuilder();
        ecsv.lines().filter(l -> !l.startsWith("#")).forEach(l -> sb.append(l).append('\n'));
        return sb.toString();
    }
}
