package org.crdl.runtime.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.crdl.runtime.plasma.ModelException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input gives a ModelException that names the file and, where there is one, the line. */
class MalformedInputTest {
    private static final String SSDC_HEADER = String.join("\n",
            "# Data from SSDC cosmic rays database www.ssdc.asi.it ",
            "# GraphTitle: B/C AMS-02 PRL (2018); 2011-05-19 00:00:00.0,2016-05-26 00:00:00.0; ",
            "# XLabel: kinetic energy (GeV/n) ",
            "# YLabel: fluxratio ",
            "#",
            "# Columns: X, XErrorLow, XErrorHigh, Y, YErrorLow, YErrorHigh ",
            "");

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    private static ModelException failure(Path p) {
        return assertThrows(ModelException.class, () -> ObservationLoader.load(p));
    }

    @Test
    void wellFormedMiniatureLoads() throws IOException {
        Path p = write("ok.txt", SSDC_HEADER + "1.0 0.1 0.2 0.3 0.01 0.02\n2.0 0 0 0.25 0.01 0.01\n");
        Dataset d = ObservationLoader.load(p);
        assertEquals(2, d.size());
        assertEquals(0.9, d.points().get(0).xLo(), 1e-15);
        assertEquals(1.2, d.points().get(0).xHi(), 1e-15);
    }

    @Test
    void missingFile() {
        Path p = dir.resolve("nope.txt");
        ModelException e = failure(p);
        assertTrue(e.getMessage().startsWith(p + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("not found"), e.getMessage());
    }

    @Test
    void lineWithTooFewNumbersNamesItsLine() throws IOException {
        Path p = write("short.txt", SSDC_HEADER + "1.0 0 0 0.3 0.01 0.01\n2.0 0 0 0.3 0.01\n");
        ModelException e = failure(p);
        assertTrue(e.getMessage().startsWith(p + ":8: expected 6 numbers"), e.getMessage());
    }

    @Test
    void wordWhereANumberBelongsNamesLineAndColumn() throws IOException {
        Path p = write("word.txt", SSDC_HEADER + "1.0 0 0 abc 0.01 0.01\n");
        ModelException e = failure(p);
        assertTrue(e.getMessage().startsWith(p + ":7: "), e.getMessage());
        assertTrue(e.getMessage().contains("'abc'") && e.getMessage().contains("column Y"), e.getMessage());
    }

    @Test
    void nanInTheFileIsRejected() throws IOException {
        Path p = write("nan.txt", SSDC_HEADER + "1.0 0 0 NaN 0.01 0.01\n");
        assertTrue(failure(p).getMessage().startsWith(p + ":7: "));
    }

    @Test
    void negativeErrorIsRejected() throws IOException {
        Path p = write("neg.txt", SSDC_HEADER + "1.0 0 0 0.3 -0.01 0.01\n");
        ModelException e = failure(p);
        assertTrue(e.getMessage().startsWith(p + ":7: errors must be non-negative"), e.getMessage());
    }

    @Test
    void unknownXLabel() throws IOException {
        Path p = write("xl.txt", SSDC_HEADER.replace("kinetic energy (GeV/n)", "momentum (GeV/c)")
                + "1.0 0 0 0.3 0.01 0.01\n");
        ModelException e = failure(p);
        assertTrue(e.getMessage().startsWith(p + ":3: unknown XLabel"), e.getMessage());
    }

    @Test
    void silentXLabelNeedsAnOverride() throws IOException {
        Path p = write("nox.txt", SSDC_HEADER.replace("# XLabel: kinetic energy (GeV/n) \n", "")
                + "1.0 0 0 0.3 0.01 0.01\n");
        assertTrue(failure(p).getMessage().contains("LoadOptions.withXAxis"));
        Dataset d = ObservationLoader.load(p, LoadOptions.DEFAULTS.withXAxis(XAxisKind.RIGIDITY));
        assertEquals(XAxisKind.RIGIDITY, d.xAxis());
    }

    @Test
    void wrongColumnsHeader() throws IOException {
        Path p = write("cols.txt", SSDC_HEADER.replace("YErrorLow, YErrorHigh", "YError")
                + "1.0 0 0 0.3 0.01\n");
        assertTrue(failure(p).getMessage().startsWith(p + ":6: expected columns"));
    }

    @Test
    void headerWithoutData() throws IOException {
        Path p = write("empty.txt", SSDC_HEADER);
        assertTrue(failure(p).getMessage().contains("no data lines"));
    }

    @Test
    void crdbLineWithWrongCountNamesItsLine() throws IOException {
        Path p = write("bad.dat", "#   H  AMS02(2011/05-2013/11)\n"
                + "#   <E>  Elo  Eup   y   ystat_lo  ystat_up  ysyst_lo  ysyst_up  yerrtot_lo  yerrtot_up\n"
                + "1 0.9 1.1 10 1 1 1 1 1.4 1.4\n"
                + "2 1.9 2.1 5 1 1 1 1 1.4\n");
        ModelException e = failure(p);
        assertTrue(e.getMessage().startsWith(p + ":4: expected 10 numbers"), e.getMessage());
    }

    @Test
    void crdbBinThatMissesItsCentre() throws IOException {
        Path p = write("bin.dat", "#   H  AMS02\n"
                + "#   <E>  Elo  Eup   y   ystat_lo  ystat_up  ysyst_lo  ysyst_up  yerrtot_lo  yerrtot_up\n"
                + "3 0.9 1.1 10 1 1 1 1 1.4 1.4\n");
        assertTrue(failure(p).getMessage().startsWith(p + ":3: bin"));
    }

    @Test
    void unrecognisedLayout() throws IOException {
        Path p = write("mystery.csv", "energy,flux\n1,2\n");
        ModelException e = failure(p);
        assertTrue(e.getMessage().startsWith(p + ":1: unrecognised layout"), e.getMessage());
    }

    @Test
    void emptyFile() throws IOException {
        Path p = write("nothing.txt", "");
        assertTrue(failure(p).getMessage().contains("empty"));
    }

    @Test
    void bandTableWhoseSystematicBandIsWiderThanTheTotal() throws IOException {
        Path p = write("X_protons.txt", "E_min [GeV]\tE_avg [GeV]\tE_max [GeV]\tFlux_min\t"
                + "Flux_avg [GeV^-1 m^-2 s^-1 sr^-1]\tFlux_max\tFlux_syst_up [GeV^-1 m^-2 s^-1 sr^-1]\t"
                + "Flux_syst_low\r\n"
                + "10\t12\t14\t0.9\t1.0\t1.1\t1.2\t0.95\r\n");
        ModelException e = failure(p);
        assertTrue(e.getMessage().startsWith(p + ":2: systematic band"), e.getMessage());
    }
}
