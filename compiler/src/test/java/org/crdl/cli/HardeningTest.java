package org.crdl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.crdl.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The failures of issue 10 (hostile and careless input), one test per item: each gives a clear
 * one-line error or a positioned diagnostic with the documented exit code, never a stack trace,
 * an internal error or the content of a file outside the model's roots.
 */
class HardeningTest {
    private static final String FLAT_HALO = "models/reference/flat_halo.crdl";
    private static final String HOPKINS = "models/hopkins2022/reference.crdl";

    @TempDir
    Path dir;

    private static void clean(Cli.Result r) {
        String all = r.stdout() + r.stderr();
        assertFalse(all.contains("\tat ") || all.contains("internal error") || all.contains("Exception"),
                "no stack trace or internal error:\n" + r.stderr());
        assertFalse(all.contains("NaN"), "no NaN:\n" + all);
    }

    private Path write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    // ---- 1. imports and data files stay inside the roots; nothing outside is quoted

    @Test
    void importsOfSystemFilesAreRefusedWithoutQuotingThem() throws IOException {
        for (String target : List.of("/etc/passwd", "/dev/zero", "/proc/self/environ")) {
            Path f = write("m.crdl", "model m\nuse \"" + target + "\"\n");
            Cli.Result r = Cli.run("check", f.toString());
            assertEquals(1, r.exitCode(), r.stderr());
            assertTrue(r.stderr().contains("error[E0204]"), r.stderr());
            assertFalse(r.stderr().contains("root:") || r.stderr().contains("PATH="), "no content: " + r.stderr());
            clean(r);
        }
    }

    @Test
    void aCrdlNamedLinkOutOfTheRootsIsRefused() throws IOException {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Path secret = Files.writeString(outside.resolve("secret.crdl"), "let secret_token = 1\n");
        Path models = Files.createDirectories(dir.resolve("mine"));
        Files.createSymbolicLink(models.resolve("link.crdl"), secret);
        Path m = Files.writeString(models.resolve("m.crdl"), "model m\nuse \"link.crdl\"\nuse \"../outside/secret.crdl\"\n");
        Cli.Result r = Cli.run("check", m.toString());
        assertEquals(1, r.exitCode(), r.stderr());
        assertEquals(2, r.stderr().split("outside the folders a model may read", -1).length - 1, r.stderr());
        assertFalse(r.stderr().contains("secret_token"), r.stderr());
        Cli.Result allowed = Cli.run("check", "--allow-path", outside.toString(), m.toString());
        assertEquals(0, allowed.exitCode(), "--allow-path admits the folder: " + allowed.stderr());
    }

    @Test
    void aDataFileOutsideTheRootsIsRefusedWithoutQuotingIt() throws IOException {
        String text = Files.readString(Path.of(FLAT_HALO)).replace("against \"B_C_ratio_AMS_PRL2018.txt\"",
                "against \"/etc/passwd\"");
        Path f = write("fh.crdl", text);
        Cli.Result r = Cli.run("run", f.toString(), "--out", dir.resolve("out").toString());
        assertEquals(1, r.exitCode(), r.stderr());
        assertTrue(r.stderr().contains("outside the folders a model may read"), r.stderr());
        assertFalse(r.stderr().contains("root:"), r.stderr());
        assertFalse(Files.exists(dir.resolve("out")), "no output folder after a failed run");
        clean(r);
    }

    @Test
    void aModelFileLargerThanTheCapIsRefused() throws IOException {
        Path f = dir.resolve("big.crdl");
        Files.write(f, new byte[(int) org.crdl.load.SourceRoots.MAX_MODEL_BYTES + 1]);
        Cli.Result r = Cli.run("check", f.toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.stderr().contains("too large"), r.stderr());
        clean(r);
    }

    // ---- 2. outputs: see OutputFolderTest for atomicity; here the CLI rules

    @Test
    void runRefusesAForeignFolderAndAnEmptyOut() throws IOException {
        Path foreign = Files.createDirectories(dir.resolve("thesis"));
        Files.writeString(foreign.resolve("chapter1.tex"), "precious");
        Cli.Result r = Cli.run("run", FLAT_HALO, "--out", foreign.toString());
        assertEquals(2, r.exitCode(), r.stderr());
        assertTrue(r.stderr().contains("--force"), r.stderr());
        assertEquals("precious", Files.readString(foreign.resolve("chapter1.tex")));
        Cli.Result empty = Cli.run("run", FLAT_HALO, "--out", "");
        assertEquals(2, empty.exitCode(), empty.stderr());
        clean(r);
        clean(empty);
    }

    @Test
    void aSecondRunReplacesThePreviousOutputWithoutStaleFiles() throws IOException {
        Path out = dir.resolve("out");
        assertEquals(0, Cli.run("run", FLAT_HALO, "--out", out.toString()).exitCode());
        Files.writeString(out.resolve("stale.csv"), "old");
        Cli.Result again = Cli.run("run", FLAT_HALO, "--out", out.toString());
        assertEquals(0, again.exitCode(), again.stderr());
        assertFalse(Files.exists(out.resolve("stale.csv")), "stale files do not survive");
        assertTrue(Files.exists(out.resolve("summary.json")) && Files.exists(out.resolve(".crdl-output")));
    }

    // ---- 3. non-finite constants: models/errors/constant_overflow (error suite); and emit never crashes

    @Test
    void aNonFiniteConstantIsADiagnosticForEveryCommand() throws IOException {
        Path f = write("nf.crdl", "model nf\nphase w { n = 1 [cm^-3] T = 1e4 [K] B = 3 [uG] }\n"
                + "scattering s { nu = 1e-9 [1/s] * (r_g / 1e300 [pc]) }\n");
        for (List<String> args : List.of(List.of("check"), List.of("rates"), List.of("emit", "--out",
                dir.resolve("gen").toString()))) {
            String[] a = new java.util.ArrayList<String>(args) {{ add(f.toString()); }}.toArray(String[]::new);
            Cli.Result r = Cli.run(a);
            assertEquals(1, r.exitCode(), args + ": " + r.stderr());
            assertTrue(r.stderr().contains("error[E0314]"), r.stderr());
            clean(r);
        }
    }

    // ---- 5. grid caps

    @Test
    void hugeRigidityGridsAreUsageErrors() {
        for (String grid : List.of("1:10:100000000", "1:10:-3", "1:10:2.5", "0:10:5", "1:inf:5", "abc", "1e400")) {
            Cli.Result r = Cli.run("rates", HOPKINS, "--phase", "lism_fiducial", "--rigidity", grid);
            assertEquals(2, r.exitCode(), grid + ": " + r.stderr());
            assertEquals(1, r.stderr().lines().count(), "one line: " + r.stderr());
            clean(r);
        }
    }

    // ---- 6. bad output paths: exit 2, one line

    @Test
    void badOutputPathsAreUsageErrors() throws IOException {
        Path file = write("afile", "x");
        List<List<String>> cases = List.of(
                List.of("emit", FLAT_HALO, "--out", file.toString()),
                List.of("emit", FLAT_HALO, "--out", "/proc/x"),
                List.of("rates", HOPKINS, "--phase", "lism_fiducial", "--rigidity", "1", "--plot", dir.toString()),
                List.of("run", FLAT_HALO, "--out", file.toString()),
                List.of("turbulence", "models/fornieri2021/turbulence.crdl", "--rigidity", "10", "--quadrature", "coarse",
                        "--plot", dir.toString()));
        for (List<String> c : cases) {
            Cli.Result r = Cli.run(c.toArray(String[]::new));
            assertEquals(2, r.exitCode(), c + ": " + r.stderr());
            assertEquals(1, r.stderr().lines().filter(l -> !l.startsWith("crdl:")).count(), c + ": " + r.stderr());
            clean(r);
        }
    }

    // ---- 7. physical domains: models/errors/phase_out_of_domain, galaxy_out_of_domain, nu_hat_not_sane;
    //         at run time a negative source names model, phase and rigidity

    @Test
    void aNegativeSourceLawIsARunTimeErrorNamingWhere() throws IOException {
        Path f = write("neg.crdl", "model neg\nphase w { n = 1 [cm^-3] T = 1e4 [K] B = 3 [uG] e_cr = 1 [eV cm^-3] }\n"
                + "damping nll = sqrt(pi) / 8 * c_s * k_par * (e / e_B)\n"
                + "source sc = - v_A_eff * P_cr / (1 [kpc])\n"
                + "scattering s { sources sc damping nll }\n");
        Cli.Result r = Cli.run("rates", f.toString(), "--rigidity", "1");
        assertEquals(1, r.exitCode(), r.stdout() + r.stderr());
        for (String part : List.of("model neg", "phase w", "R = 1", "source law 'sc'", "negative")) {
            assertTrue(r.stderr().contains(part), part + ": " + r.stderr());
        }
        assertTrue(r.stdout().isEmpty(), "no partial table");
        clean(r);
    }

    @Test
    void aFieldSetToZeroThroughAParameterNamesModelPhaseAndRigidity() throws IOException {
        Path f = write("zero.crdl", "model zero\nparam B0 = 3 [uG] in [0 [uG], 10 [uG]]\n"
                + "phase w { n = 1 [cm^-3] T = 1e4 [K] B = B0 e_cr = 1 [eV cm^-3] }\n"
                + "damping nll = sqrt(pi) / 8 * c_s * k_par * (e / e_B)\n"
                + "source sc = v_A_eff * P_cr / (1 [kpc])\n"
                + "scattering s { sources sc damping nll }\n");
        Cli.Result r = Cli.run("rates", f.toString(), "--rigidity", "2", "--set", "B0=0[uG]");
        assertEquals(1, r.exitCode(), r.stderr());
        for (String part : List.of("model zero", "phase w", "R = 2")) {
            assertTrue(r.stderr().contains(part), part + ": " + r.stderr());
        }
        clean(r);
    }

    // ---- 8. NaN/infinity policy

    @Test
    void evalOfAnInfiniteValueIsAnError() {
        Cli.Result r = Cli.run("eval", FLAT_HALO, "1/0");
        assertEquals(1, r.exitCode(), r.stdout());
        assertTrue(r.stderr().contains("infinity") && r.stdout().isEmpty(), r.stderr());
        clean(r);
    }

    // ---- 9. silent acceptance: fractional per_decade, negative phi, duplicate species are in the error suite;
    //         corrupt cross-section files

    private Cli.Result runWithCrossSections(byte[] content) throws IOException {
        Path xs = dir.resolve("xs.dat");
        Files.write(xs, content);
        String text = Files.readString(Path.of(FLAT_HALO)).replaceAll("cross_sections \"[^\"]*\"", "")
                .replace("  species ", "  cross_sections \"xs.dat\"\n  species ");
        Path f = write("fh.crdl", text);
        return Cli.run("run", f.toString(), "--out", dir.resolve("o").toString());
    }

    @Test
    void aTruncatedCrossSectionFileIsNamed() throws IOException {
        Cli.Result r = runWithCrossSections("\"   Parent Daughter Energy XsecH\n    8.16     5.11   10.000   1.5\n    8.16     5.11   11"
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(1, r.exitCode(), r.stderr());
        assertTrue(r.stderr().contains("xs.dat:3: truncated cross-section row"), r.stderr());
        clean(r);
    }

    @Test
    void aBinaryCrossSectionFileIsNamed() throws IOException {
        byte[] junk = new byte[4096];
        new java.util.Random(3).nextBytes(junk);
        Cli.Result r = runWithCrossSections(junk);
        assertEquals(1, r.exitCode(), r.stderr());
        assertTrue(r.stderr().contains("xs.dat") && r.stderr().contains("not a text file"), r.stderr());
        assertFalse(r.stderr().contains("Input length"), r.stderr());
        clean(r);
    }

    @Test
    void aFolderWhereADataFileShouldBeIsNamedInWords() throws IOException {
        Files.createDirectories(dir.resolve("xs.dat"));
        String text = Files.readString(Path.of(FLAT_HALO)).replaceAll("cross_sections \"[^\"]*\"", "")
                .replace("  species ", "  cross_sections \"xs.dat\"\n  species ");
        Path f = write("fh.crdl", text);
        Cli.Result r = Cli.run("run", f.toString(), "--out", dir.resolve("o").toString());
        assertEquals(1, r.exitCode(), r.stderr());
        assertTrue(r.stderr().contains("is a folder"), r.stderr());
        assertFalse(r.stderr().contains("IOException"), r.stderr());
    }

    // ---- 10. diagnostics positions

    @Test
    void invalidUtf8IsReportedAtTheBadByteAfterAnEmoji() throws IOException {
        byte[] head = "model m // \uD83D\uDE00 smile\nlet a = 1 ".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = java.util.Arrays.copyOf(head, head.length + 2);
        bytes[head.length] = (byte) 0xC3;   // a lead byte followed by a non-continuation byte
        bytes[head.length + 1] = (byte) 0x28;
        Path f = dir.resolve("bad.crdl");
        Files.write(f, bytes);
        Cli.Result r = Cli.run("check", f.toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.stderr().contains("bad byte 0xC3 at offset " + head.length), r.stderr());
        assertTrue(r.stderr().contains(":2:11: error[E0006]"), "line 2, column 11: " + r.stderr());
        assertEquals(1, r.stderr().lines().count(), "no excerpt of a file that is not UTF-8 text: " + r.stderr());
    }

    @Test
    void aBackslashInAFileNameIsShownAsWritten() throws IOException {
        Path f = write("a\\b.crdl", "model m\nlet a = $\n");
        Cli.Result r = Cli.run("check", f.toString());
        assertTrue(r.stderr().startsWith(f.toString() + ":2:9:"), r.stderr());
    }

    // ---- 11. exit codes

    @Test
    void usageErrorsExitTwoAndHelpExitsZero() {
        assertEquals(2, Cli.run().exitCode(), "bare crdl");
        for (String cmd : List.of("check", "eval", "emit", "bench", "rates", "run", "turbulence")) {
            Cli.Result h = Cli.run(cmd, "--help");
            assertEquals(0, h.exitCode(), cmd + " --help: " + h.stderr());
            assertTrue(h.stdout().contains("Usage: crdl " + cmd), h.stdout());
        }
        List<List<String>> bad = List.of(
                List.of("rates", HOPKINS, "--rigidity", "x"),
                List.of("rates", HOPKINS, "--phase", "nowhere"),
                List.of("rates", HOPKINS, "--phase", "lism_fiducial", "--species", "unobtainium"),
                List.of("rates", HOPKINS, "--scattering", "nope"),
                List.of("rates", HOPKINS, "--engine", "quantum"),
                List.of("run", FLAT_HALO, "--galaxy", "andromeda"),
                List.of("run", FLAT_HALO, "--set", "nonsense"),
                List.of("run", FLAT_HALO, "--set", "delta=99"),
                List.of("run", FLAT_HALO, "--set", "H=4[GV]"),
                List.of("turbulence", "models/fornieri2021/turbulence.crdl", "--environment", "nope"),
                List.of("turbulence", "models/fornieri2021/turbulence.crdl", "--quadrature", "perfect"),
                List.of("eval", FLAT_HALO, "R", "--at", "R=-1GV"),
                List.of("eval", FLAT_HALO, "R", "--at", "Q=1"),
                List.of("eval", FLAT_HALO, "R", "--precision", "many"),
                List.of("emit", FLAT_HALO),
                List.of("emit", FLAT_HALO, "--dump-after", "nothing"),
                List.of("check", "--no-such-option", FLAT_HALO),
                List.of("check"));
        for (List<String> args : bad) {
            Cli.Result r = Cli.run(args.toArray(String[]::new));
            assertEquals(2, r.exitCode(), args + ": " + r.stderr());
            clean(r);
        }
    }
}
