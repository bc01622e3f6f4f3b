package org.crdl.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.crdl.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17 end to end: {@code crdl run models/hopkins2021/leptons.crdl --galaxy reference} (the reference flat halo
 * with electrons, positrons and antiprotons) writes the e⁻, e⁺ and p̄ spectra, p̄/p against AMS-02 with a χ², and the
 * positron fraction; p̄/p at 10 GeV lies within a factor 2 of AMS-02 (1.82×10⁻⁴: the p̄ flux of
 * Antip_AMS_2011-2015.dat over the proton flux of prot_AMS_2011-2013.dat at 9.6–10.6 GeV, read off the files).
 */
class LeptonsEndToEndTest {
    private static final String MODEL = "models/hopkins2021/leptons.crdl";

    @TempDir
    Path dir;

    @Test
    void referenceFlatHaloWithLeptonsAndAntiprotons() throws IOException {
        Path out = dir.resolve("ref");
        Cli.Result r = Cli.run("run", MODEL, "--galaxy", "reference", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stdout().matches("(?s).*pbar/p\\s+Antip_AMS_2011-2015.dat\\s+TOA\\s+[0-9.]+\\s+57.*"), r.stdout());
        for (String f : new String[] {"flux_electron.csv", "flux_positron.csv", "flux_pbar.csv", "ratio_pbar_p.csv",
            "ratio_positron_positron_plus_electron.csv"}) {
            assertTrue(Files.exists(out.resolve(f)), f);
        }
        double[][] pbar = TransportEndToEndTest.csv(out.resolve("ratio_pbar_p.csv"));
        double at10 = valueAt(pbar[0], pbar[2], 10);
        assertTrue(at10 > 1.82e-4 / 2 && at10 < 1.82e-4 * 2, "pbar/p(10 GeV) = " + at10);
        // positron fraction: a fraction, falling from 10 to 100 GeV for secondaries only (no primary positrons)
        double[][] pf = TransportEndToEndTest.csv(out.resolve("ratio_positron_positron_plus_electron.csv"));
        // (up to 1 TeV: secondaries at T come from primaries at ~10-20 T, and the primaries end at the grid's 10 TeV)
        for (int k = 0; k < pf[0].length && pf[0][k] <= 1000; k++) {
            assertTrue(pf[1][k] > 0 && pf[1][k] < 1, "positron fraction " + pf[1][k] + " at " + pf[0][k] + " GeV");
        }
        assertTrue(valueAt(pf[0], pf[2], 100) < valueAt(pf[0], pf[2], 10));
        // electrons at 10-100 GeV are loss-dominated in this H = 4 kpc halo (t_loss ≈ 23 Myr ≈ H²/2D at 10 GeV): a thin-disk
        // source with Ė ∝ E² and D ∝ E^δ gives N ∝ E^−(γ + (1+δ)/2) (the classic diffusive-loss slope, e.g. Atoyan, Aharonian
        // & Völk 1995, PRD 52, 3265), γ = 4.6 − 2 = 2.6 and δ = 0.48 of the reference galaxy: −3.34
        double[][] e = TransportEndToEndTest.csv(out.resolve("flux_electron.csv"));
        assertEquals(-(2.6 + (1 + 0.48) / 2), TransportEndToEndTest.slope(e[0], e[1], 10, 100), 0.05);
    }

    @Test
    void leakyBoxCarriesTheSameAntiprotonsAsTheEquivalentFlatHalo() throws IOException {
        // digest §6.3: a flat halo without decay is a leaky box with τ_esc = hH/D and the gas layer 2h
        Path a = dir.resolve("fh");
        Path b = dir.resolve("lb");
        assertEquals(0, Cli.run("run", MODEL, "--galaxy", "reference", "--out", a.toString()).exitCode());
        assertEquals(0, Cli.run("run", MODEL, "--galaxy", "leaky", "--out", b.toString()).exitCode());
        double[][] x = TransportEndToEndTest.csv(a.resolve("ratio_pbar_p.csv"));
        double[][] y = TransportEndToEndTest.csv(b.resolve("ratio_pbar_p.csv"));
        for (int k = 0; k < x[0].length; k += 10) {
            assertEquals(x[1][k], y[1][k], 1e-6 * x[1][k], "pbar/p at " + x[0][k] + " GeV");
        }
    }

    private static double valueAt(double[] x, double[] y, double at) {
        int best = 0;
        for (int k = 0; k < x.length; k++) {
            if (Math.abs(Math.log(x[k] / at)) < Math.abs(Math.log(x[best] / at))) {
                best = k;
            }
        }
        return y[best];
    }
}
