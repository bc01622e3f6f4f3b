package org.crdl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.crdl.Cli;
import org.crdl.runtime.output.EcsvFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * crdl plot, crdl new, crdl completion, check --explain over a rigidity range, and the language
 * conveniences (galaxy extends, μG/muG, [GeV/n], the '**' hint).
 */
class EcosystemCommandsTest {
    private static final String REFERENCE = "models/reference/flat_halo.crdl";

    @TempDir
    Path dir;

    @Test
    void plotOverlaysTwoRunsWithALegendFromTheirDifferingParameters() throws IOException {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        assertEquals(0, Cli.run("run", REFERENCE, "--out", a.toString()).exitCode());
        assertEquals(0, Cli.run("run", REFERENCE, "--set", "H=8 [kpc]", "--out", b.toString()).exitCode());
        Map2 legends = new Map2(PlotCommand.legends(List.of(EcsvFile.read(a.resolve("ratio_B_C.csv")),
                EcsvFile.read(b.resolve("ratio_B_C.csv")))));
        assertEquals("reference_flat_halo (H = 4 kpc)", legends.first());
        assertEquals("reference_flat_halo (H = 8 kpc)", legends.second());
        Path png = dir.resolve("cmp.png");
        Cli.Result r = Cli.run("plot", a.toString(), b.toString(), "--observable", "B/C", "--plot", png.toString());
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stdout().contains("2 runs, 1 datasets"), r.stdout());
        assertEquals(1000, ImageIO.read(png.toFile()).getWidth());
        Cli.Result missing = Cli.run("plot", a.toString(), "--observable", "Li/C", "--plot", png.toString());
        assertEquals(1, missing.exitCode());
        assertTrue(missing.stderr().contains("has no ratio_Li_C.csv"), missing.stderr());
    }

    private record Map2(java.util.Map<String, String> m) {
        String first() {
            return m.values().iterator().next();
        }

        String second() {
            return m.values().stream().skip(1).findFirst().orElseThrow();
        }
    }

    @Test
    void newWritesAStarterThatChecksAndRuns() throws IOException {
        Path f = dir.resolve("starter.crdl");
        Cli.Result r = Cli.run("new", dir.resolve("starter").toString());
        assertEquals(0, r.exitCode(), r.stderr());
        String text = Files.readString(f);
        for (String part : List.of("model starter", "phase ", "damping ", "source ", "scattering ", "galaxy ", "observe ")) {
            assertTrue(text.contains(part), "starter has " + part);
        }
        assertEquals(0, Cli.run("check", f.toString()).exitCode());
        Cli.Result run = Cli.run("run", f.toString(), "--out", dir.resolve("out").toString());
        assertEquals(0, run.exitCode(), run.stderr());
        assertTrue(Files.exists(dir.resolve("out/ratio_B_C.csv")));
        assertEquals(1, Cli.run("new", dir.resolve("starter").toString()).exitCode(), "never overwrites");
    }

    @Test
    void completionScriptCoversEveryCommand() {
        Cli.Result r = Cli.run("completion", "bash");
        assertEquals(0, r.exitCode(), r.stderr());
        for (String cmd : List.of("check", "eval", "rates", "run", "turbulence", "plot", "new")) {
            assertTrue(r.stdout().contains(cmd), cmd);
        }
        assertTrue(r.stdout().contains("complete -F"), "a bash completion function is registered");
        assertEquals(2, Cli.run("completion", "fish").exitCode());
    }

    @Test
    void explainPrintsDeltaOverTheRangeAndWarnsWhereItLeavesTheObservedBand() {
        // hopkins2022 reference: delta_s 0.34 at 1 GV (inside 0.3-0.8) but 1.47 at 10 GV, where the
        // self-confined nu falls as R^-1.5 ("SC fails in shape", hopkins2022 L287)
        Cli.Result r = Cli.run("check", "--explain", "models/hopkins2022/reference.crdl");
        assertEquals(0, r.exitCode(), r.stderr());
        Matcher m = Pattern.compile("scattering reference: delta_s at R = 1, 10, 100 GV: ([0-9.]+), ([0-9.]+), ([0-9.]+)")
                .matcher(r.stdout());
        assertTrue(m.find(), r.stdout());
        assertEquals(0.34, Double.parseDouble(m.group(1)), 0.005);
        assertEquals(1.47, Double.parseDouble(m.group(2)), 0.005);
        assertTrue(r.stderr().contains("warning[W0503]: predicted delta_s = 1.47 at R = 10 GV"), r.stderr());
        Cli.Result at = Cli.run("check", "--explain", "models/hopkins2022/reference.crdl", "--at", "R=10");
        assertTrue(at.stdout().contains("scattering reference: delta_s=1.47"), at.stdout());
        assertEquals(2, Cli.run("check", "--explain", "models/hopkins2022/reference.crdl", "--at", "10").exitCode());
    }

    @Test
    void microgaussSpellingsAndPerNucleonEnergyAreUnits() throws IOException {
        Path f = dir.resolve("u.crdl");
        Files.writeString(f, "model u\nphase p { n = 1 [cm^-3]  T = 1e4 [K]  B = 1 [uG] }\n");
        for (String b : List.of("3 [uG]", "3 [muG]", "3 [μG]", "3 [µG]")) {
            Cli.Result r = Cli.run("eval", f.toString(), b);
            assertEquals(0, r.exitCode(), b + ": " + r.stderr());
            assertTrue(r.stdout().startsWith("3.00e-06 G"), b + " is 3e-6 gauss: " + r.stdout());
        }
        Cli.Result r = Cli.run("eval", f.toString(), "2 [GeV/n]");
        assertTrue(r.stdout().startsWith("3.20e-03 erg"), "2 GeV per nucleon = 3.20e-3 erg: " + r.stdout());
    }

    @Test
    void observeLimitsInGevPerNucleonGiveTheSameFitAsGev() throws IOException {
        String model = Files.readString(Path.of(REFERENCE)).replace("{ min = 2 [GeV] }", "{ min = 2 [GeV/n] }");
        Path f = dir.resolve("reference").resolve("gevn.crdl");
        Files.createDirectories(f.getParent());
        Files.writeString(f, model);
        Cli.Result gevn = Cli.run("run", f.toString(), "--out", dir.resolve("n").toString());
        Cli.Result gev = Cli.run("run", REFERENCE, "--out", dir.resolve("g").toString());
        assertEquals(0, gevn.exitCode(), gevn.stderr());
        String bcN = gevn.stdout().lines().filter(l -> l.startsWith("B/C")).findFirst().orElseThrow();
        String bc = gev.stdout().lines().filter(l -> l.startsWith("B/C")).findFirst().orElseThrow();
        assertEquals(bc, bcN);
    }

    @Test
    void galaxyExtendsReplacesOnlyTheItemsItSets() throws IOException {
        Path f = dir.resolve("reference").resolve("ext.crdl");
        Files.createDirectories(f.getParent());
        Files.writeString(f, Files.readString(Path.of(REFERENCE)) + """

                galaxy tall extends milky_way {
                  transport flat_halo { H = 2 * H  h = h  n_disk = n_disk  helium = 0.1  ionized = 0.1  v_A = v_A }
                }
                """);
        Cli.Result base = Cli.run("run", f.toString(), "--galaxy", "milky_way", "--out", dir.resolve("base").toString());
        Cli.Result tall = Cli.run("run", f.toString(), "--galaxy", "tall", "--out", dir.resolve("tall").toString());
        assertEquals(0, base.exitCode(), base.stderr());
        assertEquals(0, tall.exitCode(), tall.stderr());
        // flat halo grammage X = mu v H / (2 D) (hopkins2021 digest §6.3): doubling H at equal D doubles X,
        // with the source, species and energies inherited unchanged
        double[] x1 = EcsvFile.read(dir.resolve("base/transport_halo.csv")).column("grammage_g_per_cm2");
        double[] x2 = EcsvFile.read(dir.resolve("tall/transport_halo.csv")).column("grammage_g_per_cm2");
        assertEquals(x1.length, x2.length);
        for (int k = 0; k < x1.length; k += 10) {
            assertEquals(2.0, x2[k] / x1[k], 1e-6, "row " + k);
        }
        Files.writeString(f, Files.readString(Path.of(REFERENCE)) + "\ngalaxy a extends nowhere { }\n"
                + "galaxy c extends d { }\ngalaxy d extends c { }\n");
        Cli.Result bad = Cli.run("check", f.toString());
        assertEquals(1, bad.exitCode());
        assertTrue(bad.stderr().contains("error[E0206]: unknown galaxy 'nowhere'"), bad.stderr());
        assertTrue(bad.stderr().contains("error[E0205]"), bad.stderr());
    }

    @Test
    void rangeErrorsUseTheUnitsPhysicistsRead() {
        Cli.Result r = Cli.run("run", REFERENCE, "--set", "H=50 [kpc]", "--out", dir.resolve("x").toString());
        assertEquals(2, r.exitCode(), "a --set value outside the range is a usage error");
        assertTrue(r.stderr().contains("parameter H = 50 kpc is outside its declared range [1 kpc, 20 kpc]"), r.stderr());
    }
}
