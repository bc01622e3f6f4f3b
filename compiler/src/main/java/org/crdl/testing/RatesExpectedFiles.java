package org.crdl.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.crdl.Pipeline;

/**
 * {@code X.BLOCK.rates.expected} next to {@code X.crdl} (DESIGN §6):
 * <pre>
 *   # crdl rates &lt;the arguments: file, --scattering, --phase, --rigidity, --species&gt;
 *   # tolerance 1e-9
 *   &lt;the CSV that command prints&gt;
 * </pre>
 * The command is re-run (the model resolved next to the expected file, so any working folder works) and
 * compared: header and text cells exactly, numbers within the relative tolerance (δ_s and v̄_A/v_A,eff,
 * O(1) exponents that may be ≈ 0, absolutely).
 */
public final class RatesExpectedFiles {
    public static final String SUFFIX = ".rates.expected";
    static final String COMMAND = "# crdl rates ";
    static final String DEFAULT_GRID = "0.01:1e4:25";
    static final String DEFAULT_TOLERANCE = "1e-9";
    private static final Set<String> ABSOLUTE = Set.of("delta_s", "v_A_bar_over_v_A_eff");

    private RatesExpectedFiles() {
    }

    /** The command line of an expected file and its tolerance. */
    public record Header(String[] args, double tolerance, String toleranceText) {
        /** The model named by the command, found next to the expected file. */
        public Path model(Path expectedFile) {
            return expectedFile.resolveSibling(Path.of(args[0]).getFileName().toString());
        }

        public String block() {
            int i = Arrays.asList(args).indexOf("--scattering");
            return i >= 0 && i + 1 < args.length ? args[i + 1] : "";
        }
    }

    public static Header header(List<String> lines) {
        if (lines.isEmpty() || !lines.get(0).startsWith(COMMAND)) {
            throw new IllegalArgumentException("the first line must be '" + COMMAND + "ARGS'");
        }
        String[] args = lines.get(0).substring(COMMAND.length()).trim().split("\\s+");
        String tol = lines.stream().filter(l -> l.startsWith("# tolerance ")).findFirst()
                .map(l -> l.substring("# tolerance ".length()).trim())
                .orElseThrow(() -> new IllegalArgumentException("a '# tolerance X' line is missing"));
        return new Header(args, Double.parseDouble(tol), tol);
    }

    /** models/a/b.crdl, block s → models/a/b.s.rates.expected */
    public static Path expectedFile(Path model, String block) {
        String name = model.getFileName().toString().replaceFirst("\\.crdl$", "");
        return model.resolveSibling(name + "." + block + SUFFIX);
    }

    static CheckResult check(Path file, Pipeline.Engine engine, String engineLabel, boolean update) {
        long t0 = System.nanoTime();
        String name = "rates expected" + engineLabel;
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            Header h = header(lines);
            List<String> args = new ArrayList<>(List.of("rates"));
            args.addAll(Arrays.asList(h.args()));
            args.set(1, h.model(file).toString());
            if (engine == Pipeline.Engine.INTERPRETED) {
                args.addAll(List.of("--engine", "interpreted"));
            }
            CommandCapture.Output r = CommandCapture.run(args.toArray(new String[0]));
            double s = (System.nanoTime() - t0) * 1e-9;
            if (r.exitCode() != 0) {
                return CheckResult.fail(CheckResult.Category.RATES_EXPECTED, file.toString(), name,
                        "crdl " + String.join(" ", args) + " exited " + r.exitCode() + ": " + r.stderr().strip(), s);
            }
            List<String> expected = lines.stream().filter(l -> !l.startsWith("#")).collect(Collectors.toList());
            List<String> actual = r.stdout().strip().lines().filter(l -> !l.startsWith("#")).toList();  // ECSV header dropped
            List<String> bad = ExpectedText.differences(expected, actual, ",", h.tolerance(), ABSOLUTE, true);
            if (bad.isEmpty()) {
                return CheckResult.pass(CheckResult.Category.RATES_EXPECTED, file.toString(), name,
                        (actual.size() - 1) + " rows within " + h.toleranceText(), s);
            }
            if (update) {
                write(file, h.args(), h.toleranceText(), r.stdout());
                return CheckResult.pass(CheckResult.Category.RATES_EXPECTED, file.toString(), name,
                        "UPDATED (" + ExpectedText.summary(bad) + ")", s);
            }
            return CheckResult.fail(CheckResult.Category.RATES_EXPECTED, file.toString(), name,
                    ExpectedText.summary(bad) + " (tolerance " + h.toleranceText() + ")", s);
        } catch (IOException | IllegalArgumentException e) {
            return CheckResult.fail(CheckResult.Category.RATES_EXPECTED, file.toString(), name, e.getMessage(),
                    (System.nanoTime() - t0) * 1e-9);
        }
    }

    /**
     * Creates the expected file of a block that has none: the first phase of the model (declaration order)
     * in which the whole default grid evaluates; false when there is none.
     */
    public static boolean create(Path model, String block, List<String> phases) throws IOException {
        List<String> candidates = new ArrayList<>(phases);
        if (candidates.isEmpty()) {
            candidates.add(null);
        }
        for (String phase : candidates) {
            List<String> args = new ArrayList<>(List.of(model.toString().replace('\\', '/'), "--scattering", block));
            if (phase != null) {
                args.addAll(List.of("--phase", phase));
            }
            args.addAll(List.of("--rigidity", DEFAULT_GRID, "--species", "p"));
            List<String> all = new ArrayList<>(List.of("rates"));
            all.addAll(args);
            CommandCapture.Output r = CommandCapture.run(all.toArray(new String[0]));
            if (r.exitCode() == 0) {
                write(expectedFile(model, block), args.toArray(new String[0]), DEFAULT_TOLERANCE, r.stdout());
                return true;
            }
        }
        return false;
    }

    private static void write(Path f, String[] args, String tolerance, String csv) throws IOException {
        String body = csv.lines().filter(l -> !l.startsWith("#")).collect(Collectors.joining("\n", "", "\n"));
        Files.writeString(f, COMMAND + String.join(" ", args) + "\n# tolerance " + tolerance + "\n" + body,
                StandardCharsets.UTF_8);
    }
}
