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
                + "1000.0,0.0125,-0.0\n", Files.readString(f));
    }

    @Test
    void smallAndLargeNumbersUseExponents() {
        String csv = CsvTable.of("a", "b").addRow(1e-30, 6.02214076e23).toString();
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
        String csv = CsvTable.of("x", "y").allowInfinity()
                .addRow(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY).toString();
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
                CsvTable.of("S.a,b", "say \"hi\"", "plain").toString());
        assertThrows(IllegalArgumentException.class, () -> CsvTable.of("a", "a"));
    }
}
