package org.crdl.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.crdl.Pipeline;
import org.crdl.Sandbox;
import org.crdl.codegen.ModelEmitter;
import org.crdl.diag.Diagnostic;
import org.crdl.run.BuildInfo;
import org.crdl.run.Provenance;

/**
 * {@code crdl verify}: every check of an archive, with every finding named by its entry —
 * the zip structure (canonical layout), the BagIt checksums (payload and tag manifests, files
 * no manifest lists), the model re-parsed and re-checked inside the archive only, the Java
 * regenerated and compared byte for byte, and the archived run re-run and compared with the
 * archived results.
 *
 * <p>Results comparison: on the same Java version and CRDL build every file must be identical
 * byte for byte, except {@code provenance.wall_time_s} of summary.json. On another Java version
 * or CRDL build, CSV and JSON numbers must agree to a relative {@value #TOLERANCE} (plots are
 * then not compared: their pixels depend on the runtime's fonts), and the report says so.
 */
public final class ArchiveVerifier {
    /** Relative tolerance of numbers when the Java version or the CRDL build differs from the archive's. */
    public static final double TOLERANCE = 1e-9;

    /** The outcome: findings (empty when verified) and notes on how it was checked. */
    public record Report(List<Finding> findings, List<String> notes) {
        public boolean verified() {
            return findings.isEmpty();
        }
    }

    private ArchiveVerifier() {
    }

    public static Report verify(Path zip, ZipLimits limits, ModelRunner runner) {
        List<String> notes = new ArrayList<>();
        try (OpenedArchive a = OpenedArchive.open(zip, limits)) {
            List<Finding> findings = new ArrayList<>(a.findings());
            notes.add("zip structure and BagIt checksums: " + a.entries().size() + " entries");
            RunSpec spec = a.spec();
            if (spec == null) {
                return new Report(findings, notes);
            }
            BuildInfo now = BuildInfo.current();
            boolean sameJava = now.javaVersion().equals(spec.javaVersion());
            boolean sameBuild = now.commit().equals(spec.crdlCommit()) && now.version().equals(spec.crdlVersion());
            String entryModel = entry(spec.model());
            if (!Files.isRegularFile(a.model())) {
                findings.add(new Finding(entryModel, "missing"));
                return new Report(findings, notes);
            }
            try (Sandbox.Scope s = Sandbox.confine(a.crate())) {
                Pipeline.Checked checked = Pipeline.check(a.model());
                if (!checked.ok()) {
                    String first = checked.diagnostics().all().stream().filter(Diagnostic::isError).findFirst()
                            .map(Diagnostic::message).orElse("errors");
                    findings.add(new Finding(entryModel, "no longer checks: " + first));
                    return new Report(findings, notes);
                }
                notes.add("model " + spec.model() + " re-parsed and re-checked inside the archive");
                ModelEmitter.Emitted emitted = Pipeline.emit(checked.program().get(), spec.model());
                String generated = ArchiveLayout.GENERATED + "/" + ArchiveBuilder.slash(emitted.relativePath());
                compareGenerated(a, spec, generated, emitted.source(), findings);
                notes.add("generated Java regenerated and compared byte for byte");
                if (!spec.results().isEmpty()) {
                    compareResults(a, spec, runner, sameJava && sameBuild, findings, notes);
                }
            }
            if (!sameJava || !sameBuild) {
                notes.add("archived with CRDL " + spec.crdlVersion() + " (" + spec.crdlCommit() + ") on Java "
                        + spec.javaVersion() + "; verified with CRDL " + now.version() + " (" + now.commit() + ") on Java "
                        + now.javaVersion() + ": numbers compared within a relative " + TOLERANCE + ", plots not compared");
            }
            return new Report(findings, notes);
        }
    }

    private static void compareGenerated(OpenedArchive a, RunSpec spec, String generated, String source,
                                         List<Finding> findings) {
        for (String g : spec.generated()) {
            if (!g.equals(generated)) {
                findings.add(new Finding(entry(g), "is not the class the model generates now (" + generated + ")"));
            }
        }
        Path archived = a.crate().resolve(generated);
        if (!Files.isRegularFile(archived)) {
            findings.add(new Finding(entry(generated), "missing"));
            return;
        }
        try {
            String old = Files.readString(archived, StandardCharsets.UTF_8);
            if (!old.equals(source)) {
                findings.add(new Finding(entry(generated), "differs from the Java generated now, " + firstLineDiff(old, source)));
            }
        } catch (IOException e) {
            findings.add(new Finding(entry(generated), "unreadable: " + e.getMessage()));
        }
    }

    private static void compareResults(OpenedArchive a, RunSpec spec, ModelRunner runner, boolean exact,
                                       List<Finding> findings, List<String> notes) {
        Path rerun;
        try {
            rerun = Files.createTempDirectory("crdl-verify-");
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a temporary folder", e);
        }
        try {
            Path out = rerun.resolve("results");
            int code = runner.run(a.model(), spec.galaxy(), spec.set(), spec.engine(), out, spec.runCommand());
            if (code != 0) {
                findings.add(new Finding(entry(spec.model()), "the re-run failed (exit " + code + ")"));
                return;
            }
            List<String> now = ArchiveLayout.results(out);
            for (String r : now) {
                if (!spec.results().contains(r)) {
                    findings.add(new Finding(entry(r), "the re-run writes it, the archive does not have it"));
                }
            }
            int same = 0;
            for (String r : spec.results()) {
                Path archived = a.crate().resolve(r);
                Path fresh = rerun.resolve(r);
                if (!Files.isRegularFile(fresh)) {
                    findings.add(new Finding(entry(r), "the re-run does not write it"));
                } else if (!Files.isRegularFile(archived)) {
                    findings.add(new Finding(entry(r), "missing"));
                } else {
                    Optional<String> diff = compareFile(r, archived, fresh, exact);
                    if (diff.isPresent()) {
                        findings.add(new Finding(entry(r), diff.get()));
                    } else {
                        same++;
                    }
                }
            }
            notes.add("re-ran " + String.join(" ", spec.runCommand()) + ": " + same + " of " + spec.results().size()
                    + " result files " + (exact ? "byte-identical (summary.json: apart from provenance."
                    + Provenance.WALL_TIME + ")" : "agree within the tolerance"));
        } catch (IOException e) {
            findings.add(new Finding(entry(spec.model()), "cannot compare the re-run: " + e.getMessage()));
        } finally {
            ArchiveBuilder.deleteTree(rerun);
        }
    }

    /** Empty when the files agree, else how they differ. */
    static Optional<String> compareFile(String name, Path archived, Path fresh, boolean exact) throws IOException {
        byte[] a = Files.readAllBytes(archived);
        byte[] b = Files.readAllBytes(fresh);
        if (Arrays.equals(a, b)) {
            return Optional.empty();
        }
        if (name.endsWith(".json")) {
            JsonNode x = withoutWallTime(RunSpec.JSON.readTree(a));
            JsonNode y = withoutWallTime(RunSpec.JSON.readTree(b));
            if (x.equals(y) || (!exact && x.equals(new NumericTolerance(TOLERANCE), y))) {
                return Optional.empty();
            }
            return Optional.of("differs from the re-run (JSON, apart from provenance." + Provenance.WALL_TIME + "): "
                    + firstLineDiff(x.toPrettyString(), y.toPrettyString()));
        }
        if (name.endsWith(".png")) {
            return exact ? Optional.of("the plot differs from the re-run's (" + a.length + " vs " + b.length + " bytes)")
                    : Optional.empty();
        }
        String sa = new String(a, StandardCharsets.UTF_8);
        String sb = new String(b, StandardCharsets.UTF_8);
        if (!exact && name.endsWith(".csv") && NumericTolerance.csvAgree(sa, sb, TOLERANCE)) {
            return Optional.empty();
        }
        return Optional.of("differs from the re-run" + (exact ? " (bit-identical expected on the same Java and CRDL)" : "")
                + ", " + firstLineDiff(sa, sb));
    }

    private static JsonNode withoutWallTime(JsonNode n) {
        JsonNode p = n.get("provenance");
        if (p instanceof ObjectNode o) {
            o.remove(Provenance.WALL_TIME);
        }
        return n;
    }

    static String firstLineDiff(String archived, String now) {
        String[] x = archived.split("\n", -1);
        String[] y = now.split("\n", -1);
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            String u = i < x.length ? x[i] : "(end)";
            String v = i < y.length ? y[i] : "(end)";
            if (!u.equals(v)) {
                return "first at line " + (i + 1) + ": archived \"" + clip(u) + "\", now \"" + clip(v) + "\"";
            }
        }
        return "in line endings or encoding";
    }

    private static String clip(String s) {
        return s.length() > 100 ? s.substring(0, 100) + "…" : s;
    }

    private static String entry(String crateRelative) {
        return ArchiveLayout.PAYLOAD + "/" + crateRelative;
    }
}
