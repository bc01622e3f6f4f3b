package org.crdl.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.crdl.Pipeline;

/**
 * {@code X.run.expected} next to {@code X.crdl}: the χ² summary of {@code crdl run X.crdl} and every 8th row
 * of ratio_B_C.csv and flux_p.csv, compared numerically (tolerance in the header; the {@code #} lines are
 * not compared, so the file works from any working folder). With update, only a drifted file is rewritten
 * (no last-digit churn).
 */
public final class RunExpectedFiles {
    public static final String SUFFIX = ".run.expected";
    static final double TOLERANCE = 1e-6;
    private static final List<String> CSV_FILES = List.of("ratio_B_C.csv", "flux_p.csv");

    private RunExpectedFiles() {
    }

    /** X.run.expected → X.crdl */
    static Path model(Path expected) {
        return expected.resolveSibling(expected.getFileName().toString().replace(SUFFIX, ".crdl"));
    }

    static CheckResult check(Path file, Pipeline.Engine engine, String engineLabel, boolean update) {
        long t0 = System.nanoTime();
        String name = "run expected" + engineLabel;
        Path model = model(file);
        Path out = null;
        try {
            out = Files.createTempDirectory("crdl-test-run");
            List<String> args = new ArrayList<>(List.of("run", model.toString(), "--out", out.toString()));
            if (engine == Pipeline.Engine.INTERPRETED) {
                args.addAll(List.of("--engine", "interpreted"));
            }
            CommandCapture.Output r = CommandCapture.run(args.toArray(new String[0]));
            if (r.exitCode() != 0) {
                return CheckResult.fail(CheckResult.Category.RUN_EXPECTED, file.toString(), name,
                        "crdl " + String.join(" ", args) + " exited " + r.exitCode() + ": " + r.stderr().strip(),
                        seconds(t0));
            }
            String actual = fingerprint(model.toString().replace('\\', '/'), r.stdout(), out);
            double tol = TOLERANCE;
            List<String> bad;
            if (Files.exists(file)) {
                String expected = Files.readString(file, StandardCharsets.UTF_8);
                tol = expected.lines().filter(l -> l.startsWith("# tolerance ")).findFirst()
                        .map(l -> Double.parseDouble(l.substring("# tolerance ".length()).trim())).orElse(TOLERANCE);
                bad = ExpectedText.differences(body(expected), body(actual), "[ ,]", tol, Set.of(), false);
            } else {
                bad = List.of("the file is missing");
            }
            if (bad.isEmpty()) {
                return CheckResult.pass(CheckResult.Category.RUN_EXPECTED, file.toString(), name,
                        "chi2 summary and curves within " + tol, seconds(t0));
            }
            if (update) {
                Files.writeString(file, actual, StandardCharsets.UTF_8);
                return CheckResult.pass(CheckResult.Category.RUN_EXPECTED, file.toString(), name,
                        "UPDATED (" + ExpectedText.summary(bad) + ")", seconds(t0));
            }
            return CheckResult.fail(CheckResult.Category.RUN_EXPECTED, file.toString(), name,
                    ExpectedText.summary(bad) + " (tolerance " + tol + ")", seconds(t0));
        } catch (IOException | RuntimeException e) {
            return CheckResult.fail(CheckResult.Category.RUN_EXPECTED, file.toString(), name, String.valueOf(
                    e.getMessage()), seconds(t0));
        } finally {
            delete(out);
        }
    }

    private static List<String> body(String text) {
        return text.lines().filter(l -> !l.startsWith("#")).toList();
    }

    static String fingerprint(String model, String stdout, Path out) throws IOException {
        StringBuilder sb = new StringBuilder("# crdl run " + model + "\n# tolerance " + TOLERANCE + "\n");
        sb.append("[chi2 summary]\n");
        stdout.lines().skip(1).forEach(l -> sb.append(l.strip().replaceAll("\\s+", " ")).append('\n'));
        for (String file : CSV_FILES) {
            sb.append('[').append(file).append(" every 8th row]\n");
            List<String> lines = body(Files.readString(out.resolve(file)));   // the CSV part of the ECSV file
            sb.append(lines.get(0)).append('\n');
            for (int i = 1; i < lines.size(); i += 8) {
                sb.append(lines.get(i)).append('\n');
            }
        }
        return sb.toString();
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) * 1e-9;
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind is harmless
        }
    }
}
