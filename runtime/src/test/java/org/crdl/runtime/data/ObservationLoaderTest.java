package org.crdl.runtime.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.crdl.runtime.plasma.ModelException;
import org.junit.jupiter.api.Test;

/** Values of single lines, checked against the numbers printed in the files. */
class ObservationLoaderTest {
    private static final double TOL = 1e-12;

    private static void assertRel(double expected, double actual, String what) {
        assertEquals(expected, actual, Math.abs(expected) * TOL, what);
    }

    @Test
    void ssdcRatioReadsFirstLineAsIs() {
        // 4.444000e-01  0 0  3.165600e-01  1.651500e-02 1.651500e-02
        Dataset bc = ObservationLoader.load(ObservationFiles.file("B_C_ratio_AMS_PRL2018.txt"));
        DataPoint p = bc.points().get(0);
        assertRel(0.4444, p.x(), "x");
        assertRel(0.4444, p.xLo(), "x_lo (zero XErrorLow)");
        assertRel(0.4444, p.xHi(), "x_hi");
        assertRel(0.31656, p.y(), "y");
        assertRel(0.016515, p.yErrLo(), "err lo");
        assertRel(0.016515, p.yErrHi(), "err hi");
        assertEquals("1", bc.yUnit());
        assertEquals("AMS-02 B/C", bc.label());
        assertTrue(bc.description().contains("PRL (2018)"), bc.description());
        DataPoint last = bc.points().get(bc.size() - 1);
        assertRel(1035.0, last.x(), "last x");
        assertRel(0.03736, last.y(), "last y");
    }

    @Test
    void ssdcFluxScaledByRigidityPowerIsDividedBack() {
        // Mg: YLabel Flux#timesR^{2.7}; first line 2.275 GV, 2.834924, ±0.122239
        Dataset mg = ObservationLoader.load(ObservationFiles.file("Mg_AMS_PRL_rig.txt"));
        DataPoint p = mg.points().get(0);
        double r27 = Math.pow(2.275, 2.7);
        assertRel(2.275, p.x(), "x");
        assertRel(2.834924 / r27, p.y(), "y = file / R^2.7");
        assertRel(0.122239 / r27, p.yErrHi(), "error scaled likewise");
        assertEquals("m^-2 s^-1 sr^-1 GV^-1", mg.yUnit());
        assertTrue(mg.notes().stream().anyMatch(n -> n.contains("divided by X^2.7")), mg.notes().toString());
    }

    @Test
    void aticTotalEnergyFluxIsUnscaled() {
        // 4.826200e+01  0 0  1.127819e+04  1.054036e+02
        Dataset atic = ObservationLoader.load(ObservationFiles.file("p_flux_ATIC2009.txt"));
        assertEquals(XAxisKind.EK_TOTAL, atic.xAxis());
        assertEquals("m^-2 s^-1 sr^-1 GeV^-1", atic.yUnit());
        assertRel(1.127819e4 / Math.pow(48.262, 2.7), atic.points().get(0).y(), "y");
    }

    @Test
    void rigidityFluxWhoseLabelSaysGevIsPerGvWithANote() {
        Dataset n = ObservationLoader.load(ObservationFiles.file("N_AMS_PRL2018_rig.txt"));
        assertEquals("m^-2 s^-1 sr^-1 GV^-1", n.yUnit());
        assertRel(0.3825, n.points().get(0).y(), "unscaled flux kept");
        assertTrue(n.notes().stream().anyMatch(s -> s.contains("YLabel gives the flux per GeV")),
                n.notes().toString());
    }

    @Test
    void crdbUsesBinEdgesAndTotalErrorColumns() {
        // 4.465960e-01 4.059623e-01 4.907268e-01 1.637003e+02 stat 1.900020e-01 syst 3.257178e+00 tot 3.262715e+00
        Dataset he = ObservationLoader.load(ObservationFiles.file("He_AMS_2011-2013.dat"));
        DataPoint p = he.points().get(0);
        assertRel(0.446596, p.x(), "x");
        assertRel(0.4059623, p.xLo(), "x_lo is Elo");
        assertRel(0.4907268, p.xHi(), "x_hi is Eup");
        assertRel(163.7003, p.y(), "y");
        assertRel(3.262715, p.yErrLo(), "total error lo");
        assertRel(3.262715, p.yErrHi(), "total error hi");
        assertTrue(he.notes().stream().anyMatch(s -> s.contains("assumed kinetic energy per nucleon")),
                he.notes().toString());
    }

    @Test
    void crdbTotalColumnsEqualStatAndSystInQuadrature() {
        // property of the files: the total columns are stat ⊕ syst (to the 7 digits printed)
        Dataset p = ObservationLoader.load(ObservationFiles.file("prot_AMS_2011-2013.dat"));
        // first line: stat 1.061155, syst 35.54870, total 35.56453
        assertEquals(Math.hypot(1.061155, 35.54870), p.points().get(0).yErrHi(), 1e-5);
    }

    @Test
    void crdbKeepsAsymmetricErrors() {
        // Voyager protons: 3.71e-3 GeV/n, 2.006e4, tot lo 304, tot hi 308
        Dataset v = ObservationLoader.load(ObservationFiles.file("Voyager1_2012_Proton.dat"));
        DataPoint p = v.points().get(0);
        assertRel(3.71e-3, p.x(), "x");
        assertRel(304, p.yErrLo(), "lo");
        assertRel(308, p.yErrHi(), "hi");
        assertEquals(4, p.errorTowards(p.y() + 1) - p.errorTowards(p.y() - 1), 1e-9);
    }

    @Test
    void silentHeaderTakesTheCallersXAxis() {
        Dataset p = ObservationLoader.load(ObservationFiles.file("prot_AMS_2011-2013.dat"),
                LoadOptions.DEFAULTS.withXAxis(XAxisKind.EK_TOTAL));
        assertEquals(XAxisKind.EK_TOTAL, p.xAxis());
        assertEquals("m^-2 s^-1 sr^-1 GeV^-1", p.yUnit());
        assertTrue(p.notes().stream().anyMatch(s -> s.contains("set by the caller")), p.notes().toString());
    }

    @Test
    void overrideContradictingTheHeaderFails() {
        ModelException e = assertThrows(ModelException.class, () -> ObservationLoader.load(
                ObservationFiles.file("B_C_ratio_AMS_PRL2018.txt"),
                LoadOptions.DEFAULTS.withXAxis(XAxisKind.RIGIDITY)));
        assertTrue(e.getMessage().contains("B_C_ratio_AMS_PRL2018.txt:8:"), e.getMessage());
    }

    @Test
    void dampeBandGivesTotalErrors() {
        // 39.8  49.8  63.1  0.263  0.297  0.331  (syst band 0.2745..0.3223)
        Dataset d = ObservationLoader.load(ObservationFiles.file("DAMPE_protons.txt"));
        DataPoint p = d.points().get(0);
        assertRel(49.8, p.x(), "x = E_avg");
        assertRel(39.8, p.xLo(), "E_min");
        assertRel(63.1, p.xHi(), "E_max");
        assertRel(0.297, p.y(), "Flux_avg");
        assertEquals(0.034, p.yErrLo(), 1e-12);
        assertEquals(0.034, p.yErrHi(), 1e-12);
        DataPoint last = d.points().get(16);
        assertEquals(6.5e-10 - 4.96e-10, last.yErrLo(), 1e-22);
        assertEquals(8.04e-10 - 6.5e-10, last.yErrHi(), 1e-22);
    }

    @Test
    void voyagerHeliumTableIsConvertedToGevPerNucleon() {
        // 3.0  4.6  3.8  1.530e+00  7.964e-02  7.650e-02   (MeV/n, (m^2 s sr MeV/n)^-1)
        Dataset he = ObservationLoader.load(ObservationFiles.file("Voyager1_Helium.txt"));
        DataPoint p = he.points().get(0);
        assertRel(3.8e-3, p.x(), "E_plot in GeV/n");
        assertRel(3.0e-3, p.xLo(), "E_min");
        assertRel(4.6e-3, p.xHi(), "E_max");
        assertRel(1530, p.y(), "per GeV/n");
        double err = Math.sqrt(7.964e-2 * 7.964e-2 + 7.65e-2 * 7.65e-2) * 1e3;
        assertRel(err, p.yErrLo(), "sig ⊕ sys");
        assertRel(err, p.yErrHi(), "sig ⊕ sys");
        assertEquals("Voyager 1 He", he.label());
    }

    @Test
    void multiElementTableNeedsAChargeAndGivesThatElement() {
        ModelException e = assertThrows(ModelException.class,
                () -> ObservationLoader.load(ObservationFiles.file("apjaa2409t9_ascii.txt")));
        assertTrue(e.getMessage().contains("several elements"), e.getMessage());
        assertTrue(e.getMessage().contains("C (Z=6)"), e.getMessage());

        Dataset c = ObservationLoader.load(ObservationFiles.file("apjaa2409t9_ascii.txt"),
                LoadOptions.DEFAULTS.withCharge(6));
        assertEquals("C", c.quantity());
        assertEquals(12, c.size());
        // 6  5.4  6.4  1.79e-02  3.04e-03  8.95e-04
        DataPoint p = c.points().get(0);
        assertRel(5.9e-3, p.x(), "bin centre");
        assertRel(17.9, p.y(), "J per GeV/n");
        assertRel(Math.hypot(3.04e-3, 8.95e-4) * 1e3, p.yErrHi(), "sig ⊕ sys");

        // Ni (Z=28) has one point in the last line, where the left block is zero padding
        Dataset ni = ObservationLoader.load(ObservationFiles.file("apjaa2409t9_ascii.txt"),
                LoadOptions.DEFAULTS.withCharge(28));
        assertEquals(3, ni.size());
        assertRel(0.5 * (120.0 + 322.0) * 1e-3, ni.points().get(2).x(), "last Ni bin");

        assertThrows(ModelException.class, () -> ObservationLoader.load(
                ObservationFiles.file("apjaa2409t9_ascii.txt"), LoadOptions.DEFAULTS.withCharge(27)));
    }

    @Test
    void loadAllOfASingleDatasetFileGivesOneDataset() {
        List<Dataset> all = ObservationLoader.loadAll(ObservationFiles.file("O_AMS_PRL2017.txt"),
                LoadOptions.DEFAULTS);
        assertEquals(1, all.size());
        assertEquals("O", all.get(0).quantity());
    }
}
