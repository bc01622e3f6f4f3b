package org.crdl.runtime.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every file of data/observations loads, with the x axis, kind and number of points expected.
 * Point counts were taken by counting the numeric lines of each file (grep), not from the loader.
 * No file is unsupported today; a new file makes this test fail until it is listed here (with
 * its expectation, or as unsupported with a reason).
 */
class AllObservationFilesTest {

    private record Expect(XAxisKind axis, QuantityKind kind, int points, String quantity,
            String experiment) {
    }

    private static final Map<String, Expect> EXPECTED = Map.ofEntries(
            Map.entry("Antip_AMS_2011-2015.dat", new Expect(XAxisKind.EK_PER_NUCLEON, QuantityKind.FLUX, 57, "1H-bar", "AMS02")),
            Map.entry("B_AMS_PRL2018.txt", new Expect(XAxisKind.EK_PER_NUCLEON, QuantityKind.FLUX, 67, "B", "AMS-02")),
            Map.entry("B_C_ratio_AMS_PRL2018.txt", new Expect(XAxisKind.EK_PER_NUCLEON, QuantityKind.RATIO, 67, "B/C", "AMS-02")),
            Map.entry("B_O_ratio_AMS_PRL2018.txt", new Expect(XAxisKind.EK_PER_NUCLEON, QuantityKind.RATIO, 67, "B/O", "AMS-02")),
            Map.entry("Be_AMS_PRL2018.txt", new Expect(XAxisKind.EK_PER_NUCLEON, QuantityKind.FLUX, 67, "Be", "AMS-02")),
            Map.entry("C_AMS_PRL2017.txt", new Expect(XAxisKind.EK_PER_NUCLEON, QuantityKind.FLUX, 68, "C", "AMS-02")),
            Map.entry("DAMPE_protons.txt", new Expect(XAxisKind.EK_TOTAL, QuantityKind.FLUX, 17, "p", "DAMPE")),
            Map.entry("He_AMS_2011-2013.dat", new Expect(XAxisKind.EK_PER_NUCLEON, QuantityKind.FLUX, 68, "He", "AMS02")),
            Map.entry("Li_AMS_PRL2018.txt", new Expect(XAxisKind.EK_PER_NUCLEON, QuantityKind.FLUX, 67, "Li", "AMS-02")),
            Map.entry("Mg_AMS_PRL_rig.txt", new Expect(XAxisKind.RIGIDITY, QuantityKind.FLUX, 66, "Mg", "AMS-02")),
            Map.entry("N_AMS_PRL2018_rig.txt", new Expect(XAxisKind.RIGIDITY, QuantityKind.FLUX, 66, "N", "AMS-02")),
            Map.entry("Ne_AMS_PRL_rig.txt", new Expect(XAxisKind.RIGIDITY, QuantityKind.FLUX, 66, "Ne", "AMS-02")),
            Map.entry("O_AMS_PRL2017.txt", new Expect(XAxisKind.EK_PER_NUCLEON, QuantityKind.FLUX, 68, "O", "AMS-02")),
            Map.entry("Si_AMS_PRL_rig.txt", new Expect(XAxisKind.RIGIDITY, QuantityKind.FLUX, 66, "Si", "AMS-02")),
            Map.entry("Voyager1_2012_Proton.dat", new Expect(XAxisKind.EK_PER_NUCLEON, QuantityKind.FLUX, 19, "H", "Voyager1")),
            Map.entry("Voyager1_Helium.txt", new Expect(XAxisKind.EK_PER_NUCLEON, QuantityKind.FLUX, 16, "He", "Voyager 1")),
            Map.entry("Voyager_He_2012.dat", new Expect(XAxisKind.EK_PER_NUCLEON, QuantityKind.FLUX, 22, "He", "Voyager1")),
            Map.entry("p_flux_ATIC2009.txt", new Expect(XAxisKind.EK_TOTAL, QuantityKind.FLUX, 15, "p", "ATIC-2")),
            Map.entry("p_flux_CREAMIII_ApJ2017.txt", new Expect(XAxisKind.EK_TOTAL, QuantityKind.FLUX, 12, "p", "CREAM")),
            Map.entry("prot_AMS_2011-2013.dat", new Expect(XAxisKind.EK_PER_NUCLEON, QuantityKind.FLUX, 72, "H", "AMS02")));

    /** Several elements side by side: loaded with loadAll (one dataset per Z), 135 points in all. */
    private static final String MULTI_ELEMENT = "apjaa2409t9_ascii.txt";

    /** Files that cannot be loaded, with the reason. Empty: every file is supported. */
    private static final Map<String, String> UNSUPPORTED = Map.of();

    private static List<Path> observationFiles() throws IOException {
        try (Stream<Path> files = Files.list(ObservationFiles.dir())) {
            return files.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
        }
    }

    @Test
    void everyFileIsListedHere() throws IOException {
        TreeSet<String> names = new TreeSet<>();
        for (Path p : observationFiles()) {
            names.add(p.getFileName().toString());
        }
        assertFalse(names.isEmpty(), "no observation files found in " + ObservationFiles.dir());
        for (String name : names) {
            if (!EXPECTED.containsKey(name) && !name.equals(MULTI_ELEMENT) && !UNSUPPORTED.containsKey(name)) {
                fail(name + " is not listed in AllObservationFilesTest: add its expectation or the "
                        + "reason it is unsupported");
            }
        }
    }

    @Test
    void everyFileLoadsWithTheExpectedAxisKindAndPointCount() throws IOException {
        for (Path p : observationFiles()) {
            String name = p.getFileName().toString();
            if (UNSUPPORTED.containsKey(name)) {
                continue;
            }
            if (name.equals(MULTI_ELEMENT)) {
                List<Dataset> all = ObservationLoader.loadAll(p, LoadOptions.DEFAULTS);
                assertEquals(25, all.size(), "elements in " + name);
                assertEquals(135, all.stream().mapToInt(Dataset::size).sum(), "points in " + name);
                for (Dataset d : all) {
                    assertEquals(XAxisKind.EK_PER_NUCLEON, d.xAxis());
                    assertTrue(d.size() > 0);
                }
                continue;
            }
            Expect e = EXPECTED.get(name);
            Dataset d = ObservationLoader.load(p);
            assertEquals(name, d.sourceFile());
            assertEquals(e.axis(), d.xAxis(), "x axis of " + name);
            assertEquals(e.kind(), d.kind(), "kind of " + name);
            assertEquals(e.points(), d.size(), "points of " + name);
            assertEquals(e.quantity(), d.quantity(), "quantity of " + name);
            assertEquals(e.experiment(), d.experiment().orElse(""), "experiment of " + name);
            String unit = e.kind() == QuantityKind.RATIO ? "1" : e.axis().fluxUnit();
            assertEquals(unit, d.yUnit(), "unit of " + name);
            for (DataPoint pt : d.points()) {
                assertTrue(pt.y() > 0 && pt.yErrLo() > 0 && pt.yErrHi() > 0,
                        name + ": positive value and errors at x = " + pt.x());
            }
        }
    }
}
