package org.crdl.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.crdl.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15 ("done when"): {@code transport_*.csv} of every geometry — flat_halo, leaky_box, layers and
 * evolve — has the grammage and residence-time columns filled (positive and finite in every row, total
 * for layers), through {@code crdl run}. The evolve galaxy runs on a coarse grid (8 rigidities, 16 cells).
 * Also: the one-layer galaxy of models/reference/layered_halo.crdl has the flat halo's proton grammage
 * (X = μ v/k_esc in both, the same escape coefficient) to 10⁻⁶.
 */
class TransportColumnsTest {
    @TempDir
    Path dir;

    private Path run(String name, String model, String... extra) {
        Path out = dir.resolve(name);
        List<String> args = new ArrayList<>(List.of("run", model, "--out", out.toString()));
        args.addAll(List.of(extra));
        Cli.Result r = Cli.run(args.toArray(new String[0]));
        assertEquals(0, r.exitCode(), r.stderr());
        return out;
    }

    private static List<Path> transportFiles(Path out) throws IOException {
        try (Stream<Path> s = Files.list(out)) {
            List<Path> files = s.filter(p -> p.getFileName().toString().startsWith("transport_")
                    && p.getFileName().toString().endsWith(".csv")).sorted().toList();
            assertTrue(!files.isEmpty(), "transport_*.csv in " + out);
            return files;
        }
    }

    private static int column(Path file, String name) throws IOException {
        String header = Files.readAllLines(file).stream().filter(l -> !l.startsWith("#")).findFirst().orElseThrow();
        List<String> cols = List.of(header.split(","));
        assertTrue(cols.contains(name), file + " has a column " + name + ": " + header);
        return cols.indexOf(name);
    }

    private static void assertFilled(Path out) throws IOException {
        for (Path f : transportFiles(out)) {
            double[][] cols = TransportEndToEndTest.csv(f);
            for (String name : List.of("grammage_g_per_cm2", "t_res_Myr")) {
                double[] c = cols[column(f, name)];
                for (int k = 0; k < c.length; k++) {
                    assertTrue(c[k] > 0 && Double.isFinite(c[k]), f.getFileName() + " " + name + " row " + k + ": " + c[k]);
                }
            }
        }
    }

    @Test
    void everyGeometryWritesGrammageAndResidenceTime() throws IOException {
        Path flat = run("flat", "models/reference/layered_halo.crdl", "--galaxy", "flat");
        Path layered = run("layered", "models/reference/layered_halo.crdl", "--galaxy", "layered");
        Path model = dir.resolve("box.crdl");
        Files.writeString(model, """
                model box "leaky box"
                galaxy box {
                  transport leaky_box { escape_time = 20 [Myr] * (R / 1 [GV])^(-0.5)  h = 100 [pc]  n_disk = 1 [cm^-3] }
                  source sn { rate = 1 / (50 [yr])  energy = 1e50 [erg]  disk_radius = 15 [kpc]  slope = 4.3
                              abundances { p = 1  C = 3e-3 } }
                  species p, C, B11, B10
                  energies { min = 0.1 [GeV]  max = 1e3 [GeV]  per_decade = 10 }
                }
                """);
        Path box = run("box", model.toString(), "--allow-path", dir.toString());
        Path evolve = run("evolve", "models/hopkins2022/stability.crdl", "--galaxy", "empirical", "--set", "n_rigidity=8",
                "--set", "n_cells=16");
        for (Path out : List.of(flat, layered, box, evolve)) {
            assertFilled(out);
        }
        double[][] f = TransportEndToEndTest.csv(flat.resolve("transport_halo.csv"));
        double[][] l = TransportEndToEndTest.csv(layered.resolve("transport_total.csv"));
        int gf = column(flat.resolve("transport_halo.csv"), "grammage_g_per_cm2");
        int gl = column(layered.resolve("transport_total.csv"), "grammage_g_per_cm2");
        for (int k = 0; k < f[0].length; k++) {
            assertEquals(f[0][k], l[0][k], 1e-9 * f[0][k], "same proton rigidities");
            assertEquals(f[gf][k], l[gl][k], 1e-6 * f[gf][k], "grammage at " + f[0][k] + " GV");
        }
    }
}
