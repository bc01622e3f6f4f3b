package org.crdl.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.crdl.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The flat-halo identities of hopkins2021 digest §6.3, checked through the model text and
 * `crdl run --set` (the runtime solver is tested against the closed forms in
 * runtime/src/test/…/transport): X ∝ H/D, X ∝ R^-δ at high rigidity, the high-energy slope
 * ψ_obs = ψ_inj + δ − 2 of the LIS intensity, and Voyager compared with the LIS, AMS-02 with
 * the modulated spectrum.
 */
class TransportEndToEndTest {
    private static final String MODEL = "models/reference/flat_halo.crdl";

    @TempDir
    Path dir;

    private Path run(String name, String... sets) {
        Path out = dir.resolve(name);
        List<String> args = new ArrayList<>(List.of("run", MODEL, "--out", out.toString()));
        for (String s : sets) {
            args.add("--set");
            args.add(s);
        }
        Cli.Result r = Cli.run(args.toArray(new String[0]));
        assertEquals(0, r.exitCode(), r.stderr());
        return out;
    }

    /** Columns of a CSV as doubles (empty cells NaN). */
    static double[][] csv(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file).stream().filter(l -> !l.startsWith("#")).toList();
        int n = lines.get(0).split(",").length;
        double[][] cols = new double[n][lines.size() - 1];
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",", -1);
            for (int c = 0; c < n; c++) {
                cols[c][i - 1] = cells[c].isEmpty() ? Double.NaN : cells[c].equals("inf") ? Double.POSITIVE_INFINITY
                        : Double.parseDouble(cells[c]);
            }
        }
        return cols;
    }

    /** d ln y / d ln x fitted between x1 and x2 (least squares in log-log). */
    static double slope(double[] x, double[] y, double x1, double x2) {
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        int n = 0;
        for (int i = 0; i < x.length; i++) {
            if (x[i] >= x1 && x[i] <= x2) {
                double lx = Math.log(x[i]);
                double ly = Math.log(y[i]);
                sx += lx;
                sy += ly;
                sxx += lx * lx;
                sxy += lx * ly;
                n++;
            }
        }
        assertTrue(n >= 3, "points in range");
        return (n * sxy - sx * sy) / (n * sxx - sx * sx);
    }

    @Test
    void grammageDependsOnHOverD() throws IOException {
        // digest §6.3: X = μ v H/(2D): doubling H and D0 together leaves X unchanged; doubling H alone doubles it
        double[][] a = csv(run("a").resolve("transport_halo.csv"));
        double[][] b = csv(run("b", "H=8[kpc]", "D0=2.18e28[cm^2/s]").resolve("transport_halo.csv"));
        double[][] c = csv(run("c", "H=8[kpc]").resolve("transport_halo.csv"));
        for (int k = 0; k < a[0].length; k += 7) {
            assertEquals(a[3][k], b[3][k], 1e-9 * a[3][k], "X at R = " + a[0][k]);
            assertEquals(2 * a[3][k], c[3][k], 1e-9 * a[3][k], "2H doubles X");
        }
    }

    @Test
    void grammageFallsAsRToTheMinusDeltaWithoutBeta() throws IOException {
        // digest §6.3: with D = D0 beta R^delta, X = mu v H/2D ∝ R^-delta (beta cancels against v), at all R
        double[][] t = csv(run("x").resolve("transport_halo.csv"));
        assertEquals(-0.48, slope(t[0], t[3], 0.1, 1.0), 1e-6, "low rigidity: beta cancels");
        assertEquals(-0.48, slope(t[0], t[3], 100, 1000), 1e-6, "high rigidity");
    }

    @Test
    void highEnergySlopeIsInjectionPlusDeltaMinusTwo() throws IOException {
        // digest §6.3 (and §6.2): psi_obs = psi_inj + delta - 2 for the intensity j(E) at high energy
        double[][] p = csv(run("p", "gamma_inj=4.3", "delta=0.5").resolve("flux_p.csv"));
        assertEquals(-(4.3 + 0.5 - 2), slope(p[0], p[1], 1000, 10000), 0.02, "LIS slope 1-10 TeV");
    }

    @Test
    void voyagerIsComparedWithTheInterstellarSpectrumAndAmsWithTheModulatedOne() throws IOException {
        String summary = Files.readString(run("s").resolve("summary.json"));
        assertTrue(summary.matches("(?s).*\"dataset\": ?\"Voyager1_2012_Proton.dat\",\\s*\"compared_with\": ?\"LIS\".*"),
                summary);
        assertTrue(summary.matches("(?s).*\"dataset\": ?\"prot_AMS_2011-2013.dat\",\\s*\"compared_with\": ?\"TOA\".*"),
                summary);
    }

    @Test
    void parametersAreOverriddenWithoutRecompilingAndCheckedAgainstTheirRange() {
        Cli.Result bad = Cli.run("run", MODEL, "--out", dir.resolve("bad").toString(), "--set", "delta=1.5");
        assertEquals(2, bad.exitCode(), "a bad --set value is a usage error");
        assertTrue(bad.stderr().contains("delta = 1.5") && bad.stderr().contains("outside its declared range"),
                bad.stderr());
        Cli.Result unit = Cli.run("run", MODEL, "--out", dir.resolve("unit").toString(), "--set", "H=4[GV]");
        assertEquals(2, unit.exitCode());
        assertTrue(unit.stderr().contains("expected [cm]"), unit.stderr());
        Cli.Result unknown = Cli.run("run", MODEL, "--out", dir.resolve("unknown").toString(), "--set", "Hh=4[kpc]");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.stderr().contains("has no parameter 'Hh'"), unknown.stderr());
    }

    /**
     * {@code losses = off} in the transport block switches ionisation and Coulomb losses off
     * (hopkins2021 §3.1(a)): the low-energy LIS protons are no longer depleted, while at 100 GeV,
     * where losses are negligible, nothing changes.
     */
    @Test
    void lossesCanBeSwitchedOff() throws IOException {
        String text = Files.readString(Path.of(MODEL)).replace("transport flat_halo {", "transport flat_halo {\n    losses = off");
        Path model = dir.resolve("no_losses.crdl");
        Files.writeString(model, text);
        Path out = dir.resolve("no_losses");
        Cli.Result r = Cli.run("run", model.toString(), "--out", out.toString());
        assertEquals(0, r.exitCode(), r.stderr());
        double[][] off = csv(out.resolve("flux_p.csv"));
        double[][] on = csv(run("with_losses").resolve("flux_p.csv"));
        assertTrue(off[1][0] > 1.5 * on[1][0], "10 MeV protons without losses " + off[1][0] + " vs " + on[1][0]);
        int i100 = 0;
        while (on[0][i100] < 100) {
            i100++;
        }
        assertEquals(on[1][i100], off[1][i100], 1e-3 * on[1][i100], "100 GeV");
    }
}
