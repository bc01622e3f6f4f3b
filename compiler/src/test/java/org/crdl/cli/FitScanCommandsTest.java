package org.crdl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** crdl scan and crdl fit from the command line: usage errors exit 2, every transport scans, a fit improves χ². */
class FitScanCommandsTest {
    static final String REF = "models/reference/flat_halo.crdl";

    static final String LEAKY = """
            model leaky "leaky box for crdl scan"
            param lambda0 = 10 [g/cm^2] in [1 [g/cm^2], 50 [g/cm^2]]
            let tiny = 1
            galaxy box {
              transport leaky_box { grammage = lambda0 * beta * (R / 1 [GV])^(-0.5)  n_disk = 1 [cm^-3]  h = 100 [pc] }
              source sn { rate = 1 / (50 [yr])  energy = 1e50 [erg]  disk_radius = 15 [kpc]  slope = 4.4
                          abundances { p = 1  C = 8.9e-3  O = 1.06e-2 } }
              species p, O, N, C, B11, B10
              energies { min = 1 [GeV]  max = 1e3 [GeV]  per_decade = 10 }
            }
            observe B/C against "B_C_ratio_AMS_PRL2018.txt" { min = 2 [GeV] }
            """;

    @Test
    void usageMistakesExitWithTwo(@TempDir Path dir) throws Exception {
        Path leaky = Files.writeString(dir.resolve("leaky.crdl"), LEAKY);
        String out = dir.toString();
        assertEquals(2, Main.execute("scan", REF, "--vary", "D1=1e28:2e28:3", "--out", out));
        assertEquals(2, Main.execute("scan", leaky.toString(), "--vary", "tiny=0:1:3", "--out", out));
        assertEquals(2, Main.execute("scan", REF, "--vary", "delta=0.1:0.5:3", "--out", out));
        assertEquals(2, Main.execute("scan", REF, "--vary", "D0=1e28:2e28:1001", "--vary", "delta=0.3:0.6:1000",
                "--out", out));
        assertEquals(2, Main.execute("scan", REF, "--vary", "D0=1e28:2e28:3", "--against", "Li/C", "--out", out));
        assertEquals(2, Main.execute("fit", REF, "--free", "delta=0.95", "--out", out));
        assertEquals(2, Main.execute("fit", REF, "--free", "H", "--method", "newton", "--out", out));
        assertTrue(Files.notExists(dir.resolve("scan.csv")));
    }

    @Test
    void leakyBoxScanWritesOneRowPerPointWithTheInterpreter(@TempDir Path dir) throws Exception {
        Path leaky = Files.writeString(dir.resolve("leaky.crdl"), LEAKY);
        assertEquals(0, Main.execute("scan", leaky.toString(), "--vary", "lambda0=5:20:3", "--engine", "interpreted",
                "--out", dir.resolve("s").toString(), "--threads", "2"));
        List<String> rows = Files.readAllLines(dir.resolve("s/scan.csv"));
        assertEquals(4, rows.size());
        assertTrue(rows.get(0).startsWith("lambda0 [g cm^-2],chi2 B/C:B_C_ratio_AMS_PRL2018.txt"), rows.get(0));
    }

    @Test
    void layeredSlabScans(@TempDir Path dir) {
        assertEquals(0, Main.execute("scan", "models/kempski2022/two_phase.crdl", "--galaxy", "two_phase_phenomenological",
                "--vary", "kappa_warm=3e28:6e28:2", "--against", "B/C", "--out", dir.toString()));
        assertTrue(Files.exists(dir.resolve("scan.png")));
    }

    @Test
    void oneParameterFitLowersChi2AndWritesItsFiles(@TempDir Path dir) throws Exception {
        assertEquals(0, Main.execute("fit", REF, "--free", "delta=0.45", "--against", "B/C", "--nuisance", "p",
                "--against", "prot_AMS_2011-2013.dat", "--no-profile", "--out", dir.toString(), "--threads", "1"));
        String json = Files.readString(dir.resolve("fit.json"));
        assertTrue(json.contains("\"converged\": true"), json);
        assertTrue(Files.size(dir.resolve("fit.png")) > 1000);
    }
}
