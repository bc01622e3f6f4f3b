package org.crdl.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.crdl.Cli;
import org.crdl.Models;
import org.crdl.Pipeline;
import org.crdl.ir.Program;

/**
 * Mutation fuzzing of every shipped model (issue 10): a token deleted or duplicated, a byte
 * flipped, a number replaced by an extreme literal. Each mutant is checked, and when it still
 * checks, its first scattering block is solved at three rigidities ({@code rates}) and its Java
 * emitted; one case in 24 also runs its first galaxy and one in 24 its first environment.
 * Every command must exit 0, 1 or 2, print no stack trace or internal error, print no NaN, and
 * finish within a generous guard ({@value #GUARD_SECONDS} s per command: a hang, not a speed
 * limit). {@code mvn verify} runs {@code jqwik.tries.default} = 200 cases (set in
 * junit-platform.properties); {@code -Djqwik.tries.default=100000} runs 10⁵ locally.
 */
class ModelFuzzTest {
    static final long GUARD_SECONDS = 120;
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z_][A-Za-z_0-9]*|[0-9][0-9.eE+-]*|\"[^\"\\n]*\"|\\S");
    private static final Pattern NUMBER = Pattern.compile("(?<![A-Za-z_0-9.])[0-9]+(\\.[0-9]*)?([eE][+-]?[0-9]+)?");
    private static final List<String> EXTREMES = List.of("1e308", "1e-308", "1e-320", "0", "0.0", "1e309",
            "99999999999999999999999", "4.9e-324", "1.7976931348623157e308", "-1e308", "1e300 * 1e300", "(0/0)",
            "(1/0)", "2147483648", "1e9");

    private static Path copy;
    private static List<Path> models;
    private static ExecutorService guard;

    @BeforeContainer
    static void copyModels() throws IOException {
        copy = Files.createTempDirectory("crdl-fuzz");
        Path models = copy.resolve("models");
        try (Stream<Path> s = Files.walk(Path.of("models"))) {
            for (Path p : s.toList()) {
                Path t = models.resolve(Path.of("models").relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else if (p.toString().endsWith(".crdl")) {
                    Files.copy(p, t);
                }
            }
        }
        ModelFuzzTest.models = Models.all().stream().map(p -> copy.resolve(p.toString())).toList();
        guard = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fuzz-guard");
            t.setDaemon(true);
            return t;
        });
    }

    @AfterContainer
    static void cleanUp() throws IOException {
        guard.shutdownNow();
        try (Stream<Path> s = Files.walk(copy)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** One mutation: which model, what kind, where, and which extreme literal. */
    record Mutation(int model, int kind, int position, int extreme, int extra) {
    }

    @Provide
    Arbitrary<Mutation> mutations() {
        return Combinators.combine(Arbitraries.integers().between(0, 10_000), Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, Integer.MAX_VALUE - 1), Arbitraries.integers().between(0,
                        EXTREMES.size() - 1), Arbitraries.integers().between(0, 23)).as(Mutation::new);
    }

    @Property
    void mutatedModelsFailCleanly(@ForAll("mutations") Mutation m) throws Exception {
        Path original = models.get(m.model() % models.size());
        byte[] text = Files.readAllBytes(original);
        byte[] mutant = mutate(text, m);
        Path file = original.resolveSibling("fuzz_case.crdl");
        Files.write(file, mutant);
        String label = original.getFileName() + " " + m;
        Cli.Result check = guarded(label, "check", file.toString());
        if (check.exitCode() != 0) {
            return;
        }
        Program program = Pipeline.check(file).program().orElse(null);
        if (program == null) {
            return;
        }
        if (!program.scatterings().isEmpty() && !program.phases().isEmpty()) {
            guarded(label, "rates", file.toString(), "--scattering", program.scatterings().keySet().iterator().next(),
                    "--phase", program.phases().keySet().iterator().next(), "--rigidity", "1:100:3");
        }
        Path out = Files.createTempDirectory(copy, "out");
        guarded(label, "emit", file.toString(), "--out", out.resolve("java").toString());
        if (m.extra() == 0 && !program.galaxies().isEmpty()) {
            guarded(label, "run", file.toString(), "--out", out.resolve("run").toString());
            assertNoNaN(label, out.resolve("run"));
        }
        if (m.extra() == 1 && !program.environments().isEmpty()) {
            guarded(label, "turbulence", file.toString(), "--rigidity", "10", "--quadrature", "coarse");
        }
    }

    static byte[] mutate(byte[] bytes, Mutation m) {
        if (m.kind() == 2) {   // flip one byte
            byte[] b = bytes.clone();
            int i = m.position() % b.length;
            b[i] = (byte) (b[i] ^ (1 << (m.extra() % 8)));
            return b;
        }
        String s = new String(bytes, StandardCharsets.UTF_8);
        Matcher t = (m.kind() == 3 ? NUMBER : TOKEN).matcher(s);
        List<int[]> spans = new ArrayList<>();
        while (t.find()) {
            spans.add(new int[] {t.start(), t.end()});
        }
        if (spans.isEmpty()) {
            return bytes;
        }
        int[] sp = spans.get(m.position() % spans.size());
        String replacement = switch (m.kind()) {
            case 0 -> "";                                                    // delete a token
            case 1 -> s.substring(sp[0], sp[1]) + " " + s.substring(sp[0], sp[1]);   // duplicate it
            default -> EXTREMES.get(m.extreme());                            // an extreme literal
        };
        return (s.substring(0, sp[0]) + replacement + s.substring(sp[1])).getBytes(StandardCharsets.UTF_8);
    }

    private static Cli.Result guarded(String label, String... args) throws Exception {
        Future<Cli.Result> f = guard.submit(() -> Cli.run(args));
        Cli.Result r;
        try {
            r = f.get(GUARD_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            fail("hang: crdl " + String.join(" ", args) + " did not finish in " + GUARD_SECONDS + " s (" + label + ")");
            return null;
        }
        String all = r.stdout() + r.stderr();
        String what = "crdl " + String.join(" ", args) + " (" + label + "):\n" + r.stderr();
        assertTrue(r.exitCode() >= 0 && r.exitCode() <= 2, "exit " + r.exitCode() + " from " + what);
        assertFalse(all.contains("\tat ") || all.contains("internal error"), "stack trace from " + what);
        assertFalse(all.matches("(?s).*\\bNaN\\b.*"), "NaN from " + what + r.stdout());
        return r;
    }

    private static void assertNoNaN(String label, Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(x -> x.toString().endsWith(".csv") || x.toString().endsWith(".json")).toList()) {
                String text = Files.readString(p);
                assertFalse(text.contains("NaN"), "NaN in " + p.getFileName() + " (" + label + ")");
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
