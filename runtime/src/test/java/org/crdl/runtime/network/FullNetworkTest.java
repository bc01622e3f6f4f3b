package org.crdl.runtime.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.crdl.runtime.units.Constants;
import org.junit.jupiter.api.Test;

/**
 * Issue 15: the full network (Z ≤ 28) from isotope_list.dat with the Evoli (DRAGON2 format) and Webber
 * 2003 tables. Expected cross sections are read in the test straight from the text rows of the shipped
 * files (shared/data/cross_sections), at tabulated energies, so no interpolation is involved.
 */
class FullNetworkTest {

    private static Network network() {
        return FullNetwork.builder(TestData.crossSections().resolve("isotope_list.dat"), List.of(
                FragmentationFile.read(TestData.crossSections().resolve("crxsecs_fragmentation_Evoli2019_cumulative_modified.dat")),
                WebberTable.read(TestData.crossSections().resolve("webber_xsec.dat"))), FullNetwork.SPECIES).build();
    }

    /** σ of a DRAGON2-file row "parent daughter E(MeV) σ" */
    private static double evoliRow(String parent, String daughter, String eMeV) throws IOException {
        for (String l : Files.readAllLines(TestData.crossSections().resolve(
                "crxsecs_fragmentation_Evoli2019_cumulative_modified.dat"))) {
            String[] t = l.trim().split("\\s+");
            if (t.length > 3 && t[0].equals(parent) && t[1].equals(daughter) && t[2].equals(eMeV)) {
                return Double.parseDouble(t[3]);
            }
        }
        throw new AssertionError("no row " + parent + " " + daughter + " " + eMeV);
    }

    /** σ of a Webber row at header column {@code col} (1 = 10 MeV/n … 15 = 9000 MeV/n) */
    private static double webberRow(String code, int col) throws IOException {
        for (String l : Files.readAllLines(TestData.crossSections().resolve("webber_xsec.dat"))) {
            String[] t = l.trim().split("\\s+");
            if (t[0].equals(code)) {
                return Double.parseDouble(t[col]);
            }
        }
        throw new AssertionError("no Webber row " + code);
    }

    /** production rate / (n_H v) on pure hydrogen = σ [mb] */
    private static double productionMb(Network n, String parent, String daughter, double ekGeV) {
        Gas h = Gas.neutralHydrogen(1.0);
        int d = n.indexOf(daughter);
        for (Network.Production pr : n.productionsInto(d)) {
            if (n.nuclide(pr.parent()).name().equals(parent)) {
                double e = ekGeV * Constants.GEV;
                return n.productionRate(pr, e, h) / (h.hydrogenDensity() * n.speed(pr.parent(), e)) / 1e-27;
            }
        }
        throw new AssertionError("no channel " + parent + " → " + daughter);
    }

    @Test
    void secondaryProductionEqualsTheCrossSectionFilesAtThreeEnergies() throws IOException {
        Network n = network();
        // ¹²C → ¹¹B from the DRAGON2/Evoli file at 126.1 MeV/n, 1.107 GeV/n, 9.715 GeV/n
        for (String e : List.of("126.100", "1107.000", "9715.000")) {
            assertEquals(evoliRow("6.12", "5.11", e), productionMb(n, "C", "B11", Double.parseDouble(e) / 1e3), 1e-9);
        }
        // ⁵⁶Fe → ⁵⁵Mn, a channel only Webber has, at 200, 1000, 5000 MeV/n (columns 8, 12, 14)
        int[] cols = {8, 12, 14};
        double[] e = {0.2, 1.0, 5.0};
        for (int k = 0; k < 3; k++) {
            assertEquals(webberRow("56265525", cols[k]), productionMb(n, "Fe", "Mn55", e[k]), 1e-9);
        }
    }

    @Test
    void networkReachesNickelWithTheDecayChainsOfTheIsotopeList() {
        Network n = network();
        assertEquals(FullNetwork.SPECIES.size(), n.size());
        NuclideTable t = n.table();
        assertEquals("B10", t.get("Be10").decayProduct());
        assertEquals(4.765e13, t.get("Be10").halfLife(), 1e9);          // isotope_list.dat naked t1/2 [s]
        assertEquals("Mg26", t.get("Al26").decayProduct());             // β+ (ECB+)
        assertEquals("N", t.get("C14").decayProduct());                 // β−
        assertTrue(t.get("Be7").isStable(), "pure EC is stable when stripped (K-capture off)");
        assertTrue(t.find("C11").isEmpty() && t.find("B12").isEmpty(), "ghosts are folded, not transported");
        assertTrue(n.decayParentsOf(n.indexOf("Mg26")).contains(n.indexOf("Al26")));
        assertTrue(n.productionsInto(n.indexOf("B11")).size() > 40, "B11 has parents up to Ni");
    }
}
