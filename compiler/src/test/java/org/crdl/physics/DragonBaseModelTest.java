package org.crdl.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.crdl.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15: models/reference/dragon2_base.crdl, the DRAGON2 BaseModel example
 * (shared/peers/dragon2_basemodel_params.txt) as a flat halo with the full network, against the B/C of
 * a DRAGON2 run of that example as quoted in issue 15: 0.330 @ 1, 0.200 @ 10, 0.089 @ 100 and
 * 0.035 @ 1000 GeV/n (LIS), within 10 %. No DRAGON2 proton LIS numbers are in shared/, so the proton
 * test checks only DRAGON2's own normalisation condition (0.257 (GeV m² s sr)⁻¹ at 53.645 GeV,
 * params [normalisation]), which the model's E_SN was set to meet.
 */
class DragonBaseModelTest {
    private static final String MODEL = "models/reference/dragon2_base.crdl";

    @TempDir
    Path dir;

    private List<Phys.Row> run(String file) throws IOException {
        if (!Files.exists(dir.resolve(file))) {
            Cli.Result r = Cli.run("run", MODEL, "--out", dir.toString());
            assertEquals(0, r.exitCode(), r.stderr());
            assertTrue(r.stdout().contains("model/data:"), "the DRAGON2 ratios are printed: " + r.stdout());
        }
        return Phys.csv(Files.readString(dir.resolve(file)));
    }

    private static double at(List<Phys.Row> rows, String x, String y, double at) {
        for (int i = 1; i < rows.size(); i++) {
            double x0 = rows.get(i - 1).num(x);
            double x1 = rows.get(i).num(x);
            if (x0 <= at && at <= x1) {
                double w = Math.log(at / x0) / Math.log(x1 / x0);
                return rows.get(i - 1).num(y) + w * (rows.get(i).num(y) - rows.get(i - 1).num(y));
            }
        }
        throw new AssertionError(at + " outside the grid");
    }

    @Test
    void boronToCarbonWithinTenPercentOfDragon2() throws IOException {
        List<Phys.Row> bc = run("ratio_B_C.csv");
        double[][] dragon2 = {{1, 0.330}, {10, 0.200}, {100, 0.089}, {1000, 0.035}};
        for (double[] d : dragon2) {
            double ours = at(bc, "Ek_GeV_per_n", "ratio_LIS", d[0]);
            assertEquals(d[1], ours, 0.10 * d[1], "B/C at " + d[0] + " GeV/n: ours " + ours + ", DRAGON2 " + d[1]);
        }
    }

    /**
     * Issue 15 asks for a compact network as the fast default only if within 2 % of the full one on B/C. The
     * built-in 12 species (galaxy {@code compact}: p … O with the Evoli file) are not: this measures the gap and
     * asserts the README's statement, compact B/C 5–12 % below the full network at 1–1000 GeV/n (bounds 3 % and
     * 15 %). Half of it is the Ne … Ni parents (the full network without Z &gt; 8 primaries gives 0.992, 0.909,
     * 0.886, 0.871 of DRAGON2), the rest the Z ≤ 8 isotopes (¹³C, ¹⁵N, ¹⁷O, ¹⁸O). Galaxy {@code medium} adds
     * those isotopes and the main Z &gt; 8 primaries (30 species): within 2 % of the full network.
     */
    @Test
    void compactNetworkGapIsMeasuredAndTheMediumNetworkIsWithinTwoPercent() throws IOException {
        List<Phys.Row> full = run("ratio_B_C.csv");
        List<Phys.Row> compact = galaxy("compact");
        List<Phys.Row> medium = galaxy("medium");
        for (double e : new double[] {1, 10, 100, 1000}) {
            double bc = at(full, "Ek_GeV_per_n", "ratio_LIS", e);
            double ratio = at(compact, "Ek_GeV_per_n", "ratio_LIS", e) / bc;
            double mid = at(medium, "Ek_GeV_per_n", "ratio_LIS", e) / bc;
            System.out.printf("compact/full and medium/full network B/C at %.0f GeV/n: %.3f %.4f%n", e, ratio, mid);
            assertTrue(ratio > 0.85 && ratio < 0.97, "compact/full B/C at " + e + " GeV/n = " + ratio);
            assertEquals(1, mid, 0.02, "medium/full B/C at " + e + " GeV/n");
        }
    }

    private List<Phys.Row> galaxy(String name) throws IOException {
        Path out = dir.resolve(name);
        Cli.Result r = Cli.run("run", MODEL, "--galaxy", name, "--out", out.toString());
        assertEquals(0, r.exitCode(), r.stderr());
        return Phys.csv(Files.readString(out.resolve("ratio_B_C.csv")));
    }

    @Test
    void protonLisMeetsDragon2Normalisation() throws IOException {
        List<Phys.Row> p = run("flux_p.csv");
        assertEquals(0.257, at(p, "Ek_GeV_per_n", "flux_LIS", 53.645), 0.02 * 0.257);
    }
}
