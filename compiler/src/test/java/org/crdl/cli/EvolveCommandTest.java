package org.crdl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.crdl.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `crdl evolve` end to end (coarse grid): files, the documented CSV header, the final classification line. */
class EvolveCommandTest {
    @TempDir
    Path dir;

    @Test
    void empiricalFromBothStartsPrintsConvergedAndWritesItsFiles() throws Exception {
        Cli.Result r = Cli.run("evolve", "models/hopkins2022/stability.crdl", "--galaxy", "empirical", "--start", "both",
                "--set", "n_rigidity=4", "--set", "n_cells=16", "--out", dir.toString());
        assertEquals(0, r.exitCode(), r.stderr());
        List<String> lines = r.stdout().strip().lines().toList();
        assertEquals("classification=converged", lines.get(lines.size() - 1));
        List<String> csv = Files.readAllLines(dir.resolve("evolution.csv"));
        assertEquals("start,t_Myr,R_GV,location,z_kpc,e_cr_eV_per_cm3", csv.get(0));
        for (String f : List.of("evolution.png", "summary.json", "low/flux_p.csv", "high/ratio_B_C.csv",
                "low/transport_halo.csv")) {
            assertTrue(Files.exists(dir.resolve(f)), f);
        }
        String summary = Files.readString(dir.resolve("summary.json"));
        assertTrue(summary.contains("\"classification\": \"converged\"") || summary.contains("\"classification\":\"converged\""),
                summary);
        for (String f : List.of("evolution.csv", "summary.json", "low/transport_halo.csv")) {
            assertFalse(Files.readString(dir.resolve(f)).contains("NaN"), f);
        }
    }

    @Test
    void aBadStartIsAUsageError() {
        Cli.Result r = Cli.run("evolve", "models/hopkins2022/stability.crdl", "--start", "sideways", "--out",
                dir.toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.stderr().contains("--start is normal, low, high or both"), r.stderr());
    }
}
