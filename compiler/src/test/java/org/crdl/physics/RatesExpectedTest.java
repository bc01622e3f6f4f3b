package org.crdl.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.crdl.Cli;
import org.crdl.Models;
import org.crdl.Pipeline;
import org.crdl.ir.Program;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Regression files of `crdl rates` (DESIGN §6): for every scattering block of every model in models/,
 * models/&lt;paper&gt;/&lt;file&gt;.&lt;block&gt;.rates.expected holds
 * <pre>
 *   # crdl rates &lt;the exact arguments: file, --scattering, --phase, --rigidity, --species&gt;
 *   # tolerance 1e-9
 *   &lt;the CSV that command prints&gt;
 * </pre>
 * The test re-runs each command and compares: the CSV header and text cells exactly, numbers within the
 * relative tolerance (δ_s and v̄_A/v_A,eff, which are O(1) exponents that may be ≈ 0, within the same
 * tolerance absolutely). These are regression values of the program, reviewed by hand; physics is checked by
 * the other tests of this package. Rewrite with -Dcrdl.update=true (which also creates the files of new
 * blocks, in the first phase where the block evaluates) and review the diff.
 */
class RatesExpectedTest {
    private static final String SUFFIX = ".rates.expected";
    private static final String COMMAND = "# crdl rates ";
    private static final String DEFAULT_GRID = "0.01:1e4:25";
    private static final String DEFAULT_TOLERANCE = "1e-9";
    private static final Set<String> ABSOLUTE = Set.of("delta_s", "v_A_bar_over_v_A_eff");

    static List<Path> expectedFiles() {
        try (Stream<Path> s = Files.walk(Path.of("models"))) {
            return s.filter(p -> p.toString().endsWith(SUFFIX)).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** models/a/b.crdl, block s → models/a/b.s.rates.expected */
    static Path expectedFile(Path model, String block) {
        String name = model.getFileName().toString().replaceFirst("\\.crdl$", "");
        return model.resolveSibling(name + "." + block + SUFFIX);
    }

    @Test
    void everyScatteringBlockOfEveryModelHasAnExpectedFile() throws IOException {
        List<String> missing = new ArrayList<>();
        int blocks = 0;
        for (Path model : Models.all()) {
            Pipeline.Checked c = Pipeline.check(model);
            assertTrue(c.ok(), model + " checks");
            Program p = c.program().get();
            for (String block : p.scatterings().keySet()) {
                blocks++;
                Path expected = expectedFile(model, block);
                if (!Files.exists(expected) && Models.update()) {
                    create(model, block, p, expected);
                }
                if (!Files.exists(expected)) {
                    missing.add(expected.toString());
                }
            }
        }
        assertTrue(blocks >= 10, "models/ holds scattering blocks: " + blocks);
        assertEquals(List.of(), missing, "expected files missing (create them with -Dcrdl.update=true)");
        for (Path f : expectedFiles()) {
            String[] args = header(Files.readAllLines(f, StandardCharsets.UTF_8)).args();
            Path model = Path.of(args[0]);
            assertTrue(Files.exists(model), f + " names a model that exists: " + model);
            assertEquals(expectedFile(model, args[Arrays.asList(args).indexOf("--scattering") + 1]), f,
                    "file name matches its command");
        }
    }

    /** A new block's file: the first phase of the model (declaration order) in which the whole grid evaluates. */
    private static void create(Path model, String block, Program p, Path expected) throws IOException {
        List<String> candidates = new ArrayList<>(p.phases().keySet());
        if (candidates.isEmpty()) {
            candidates.add(null);
        }
        for (String phase : candidates) {
            List<String> args = new ArrayList<>(List.of(model.toString().replace('\\', '/'), "--scattering", block));
            if (phase != null) {
                args.addAll(List.of("--phase", phase));
            }
            args.addAll(List.of("--rigidity", DEFAULT_GRID, "--species", "p"));
            Cli.Result r = run(args.toArray(new String[0]));
            if (r.exitCode() == 0) {
                write(expected, args.toArray(new String[0]), DEFAULT_TOLERANCE, r.stdout());
                return;
            }
        }
    }

    private record Header(String[] args, double tolerance) {
    }

    private static Header header(List<String> lines) {
        assertTrue(!lines.isEmpty() && lines.get(0).startsWith(COMMAND), "first line is '" + COMMAND + "ARGS'");
        String[] args = lines.get(0).substring(COMMAND.length()).trim().split("\\s+");
        double tol = Double.NaN;
        for (String l : lines) {
            if (l.startsWith("# tolerance ")) {
                tol = Double.parseDouble(l.substring("# tolerance ".length()).trim());
            }
        }
        assertTrue(tol >= 0, "a '# tolerance X' line");
        return new Header(args, tol);
    }

    private static Cli.Result run(String[] args) {
        String[] all = new String[args.length + 1];
        all[0] = "rates";
        System.arraycopy(args, 0, all, 1, args.length);
        return Cli.run(all);
    }

    private static void write(Path f, String[] args, String tolerance, String csv) throws IOException {
        String text = COMMAND + String.join(" ", args) + "\n# tolerance " + tolerance + "\n"
                + String.join("\n", csvLines(csv)) + "\n";
        Files.writeString(f, text, StandardCharsets.UTF_8);
    }

    @TestFactory
    Stream<DynamicTest> eachExpectedFileIsReproduced() {
        List<Path> files = expectedFiles();
        assertTrue(!files.isEmpty(), "there are .rates.expected files under models/");
        return files.stream().map(f -> DynamicTest.dynamicTest(f.toString(), () -> {
            List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
            Header h = header(lines);
            Cli.Result r = run(h.args());
            assertEquals(0, r.exitCode(), "crdl rates " + String.join(" ", h.args()) + ": " + r.stderr());
            if (Models.update()) {
                String tol = lines.stream().filter(l -> l.startsWith("# tolerance ")).findFirst().orElseThrow()
                        .substring("# tolerance ".length()).trim();
                write(f, h.args(), tol, r.stdout());
                return;
            }
            List<String> expected = lines.stream().filter(l -> !l.startsWith("#")).collect(Collectors.toList());
            List<String> actual = csvLines(r.stdout());
            compare(f.toString(), expected, actual, h.tolerance());
        }));
    }

    /** The interpreter (the reference oracle, DESIGN §1) reproduces the same files within their tolerance. */
    @TestFactory
    Stream<DynamicTest> theInterpreterReproducesEachExpectedFile() {
        return expectedFiles().stream().map(f -> DynamicTest.dynamicTest(f.toString(), () -> {
            List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
            Header h = header(lines);
            String[] args = Arrays.copyOf(h.args(), h.args().length + 2);
            args[args.length - 2] = "--engine";
            args[args.length - 1] = "interpreted";
            Cli.Result r = run(args);
            assertEquals(0, r.exitCode(), r.stderr());
            List<String> expected = lines.stream().filter(l -> !l.startsWith("#")).collect(Collectors.toList());
            compare(f + " (interpreted)", expected, csvLines(r.stdout()), h.tolerance());
        }));
    }

    /** The CSV part of an ECSV text (the '#' header lines dropped). */
    static List<String> csvLines(String ecsv) {
        return ecsv.lines().filter(l -> !l.startsWith("#")).collect(Collectors.toList());
    }

    static void compare(String what, List<String> expected, List<String> actual, double tol) {
        assertEquals(expected.get(0), actual.get(0), what + ": CSV header");
        assertEquals(expected.size(), actual.size(), what + ": number of rows");
        String[] head = expected.get(0).split(",", -1);
        List<String> bad = new ArrayList<>();
        for (int i = 1; i < expected.size(); i++) {
            String[] e = expected.get(i).split(",", -1);
            String[] a = actual.get(i).split(",", -1);
            assertEquals(e.length, a.length, what + ": cells in row " + i);
            for (int j = 0; j < e.length; j++) {
                if (!same(e[j], a[j], tol, ABSOLUTE.contains(head[j]))) {
                    bad.add("row " + i + " " + head[j] + ": expected " + e[j] + ", got " + a[j]);
                }
            }
        }
        if (!bad.isEmpty()) {
            fail(what + ": " + bad.size() + " cells differ (tolerance " + tol + "):\n  "
                    + String.join("\n  ", bad.subList(0, Math.min(12, bad.size()))));
        }
    }

    /** Text cells exactly; numbers within tol relative (or absolute for O(1) columns); "" and "inf" exactly. */
    static boolean same(String e, String a, double tol, boolean absolute) {
        if (e.equals(a)) {
            return true;
        }
        double x;
        double y;
        try {
            x = Phys.parse(e);
            y = Phys.parse(a);
        } catch (NumberFormatException ex) {
            return false;
        }
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            return false;
        }
        double scale = absolute ? Math.max(1, Math.max(Math.abs(x), Math.abs(y))) : Math.max(Math.abs(x), Math.abs(y));
        return Math.abs(x - y) <= tol * scale;
    }

    @Test
    void theComparisonCanFail() {
        List<String> e = List.of("R_GV,nu_s_per_s,delta_s,regime", "1.0,1.0e-9,0.5,balanced");
        compare("identical", e, e, 1e-9);
        compare("within tolerance", e, List.of(e.get(0), "1.0,1.0000000001e-9,0.5000000001,balanced"), 1e-9);
        for (String row : new String[] {"1.0,1.001e-9,0.5,balanced", "1.0,1.0e-9,0.51,balanced",
            "1.0,1.0e-9,0.5,free_streaming", "1.0,,0.5,balanced", "1.0,inf,0.5,balanced"}) {
            AssertionError x = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
                    () -> compare("changed", e, List.of(e.get(0), row), 1e-9));
            assertTrue(x.getMessage().contains("differ"), x.getMessage());
        }
        assertTrue(same("1e-300", "1.0000000001e-300", 1e-9, false), "relative at any scale");
        assertTrue(same("4e-15", "-3e-15", 1e-9, true), "noise around 0 in an absolute column");
    }
}
