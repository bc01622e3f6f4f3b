package org.crdl.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.crdl.Cli;
import org.crdl.Models;
import org.crdl.Pipeline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12: archive → verify → run from the archive gives the archived outputs, for every model
 * of models/ that has a galaxy (each run once: archive runs it, verify re-runs it, run-from-archive
 * runs it); provenance in summary.json; determinism of two runs; rates from an archive.
 */
class ArchiveRoundTripTest {

    @TempDir
    Path tmp;

    static List<Path> modelsWithGalaxies() {
        return Models.all().stream().filter(m -> {
            Pipeline.Checked c = Pipeline.check(m);
            return c.ok() && !c.program().get().galaxies().isEmpty();
        }).collect(Collectors.toList());
    }

    /**
     * pbar/p against the AMS-02 p̄ flux file divides by the AMS-02 proton flux (Observations.filesRead): the
     * archive must pack that implicit file even when the model observes no protons, or the run from the
     * archive (which reads nothing outside it) cannot load it.
     */
    @Test
    void antiprotonRatioArchivesTheImplicitProtonFlux() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("pbar_only"));
        String text = Files.readString(Path.of("models/hopkins2021/leptons.crdl"), StandardCharsets.UTF_8);
        List<String> kept = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            if (!(line.startsWith("observe") && !line.startsWith("observe pbar/p")) && !line.startsWith("expect")) {
                kept.add(line);
            }
        }
        Path model = dir.resolve("pbar_only.crdl");
        Files.writeString(model, String.join("\n", kept), StandardCharsets.UTF_8);
        for (String f : List.of("Antip_AMS_2011-2015.dat", "prot_AMS_2011-2013.dat")) {
            Files.copy(Path.of("../shared/data/observations").resolve(f), dir.resolve(f));
        }
        Path archive = tmp.resolve("pbar_only.crdla");
        Cli.Result a = Cli.run("archive", model.toString(), "--out", archive.toString());
        assertEquals(0, a.exitCode(), a.stderr());
        Cli.Result r = Cli.run("run", archive.toString(), "--galaxy", "reference", "--out", tmp.resolve("out").toString());
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stdout().contains("pbar/p"), r.stdout());
    }

    @Test
    void everyModelWithAGalaxyRoundTrips() throws IOException {
        List<Path> models = modelsWithGalaxies();
        assertTrue(models.size() >= 4, "reference, hopkins2021, kempski2022, fornieri2021 have galaxies: " + models);
        for (Path m : models) {
            String name = m.getFileName().toString().replace(".crdl", "");
            Path archive = tmp.resolve(m.getParent().getFileName() + "_" + name + ".crdla");
            Cli.Result a = Cli.run("archive", m.toString(), "--with-results", "--out", archive.toString());
            assertEquals(0, a.exitCode(), m + ": " + a.stderr());
            Cli.Result v = Cli.run("verify", archive.toString());
            assertEquals(0, v.exitCode(), m + ": " + v.stdout() + v.stderr());
            assertTrue(v.stdout().contains("byte-identical"), v.stdout());
            Path out = tmp.resolve("run_" + name);
            Cli.Result r = Cli.run("run", archive.toString(), "--out", out.toString());
            assertEquals(0, r.exitCode(), m + ": " + r.stderr());
            try (OpenedArchive opened = OpenedArchive.open(archive, ZipLimits.DEFAULT)) {
                assertTrue(opened.findings().isEmpty(), opened.findings().toString());
                for (String result : opened.spec().results()) {
                    Path archived = opened.crate().resolve(result);
                    Path fresh = out.resolve(result.substring(ArchiveLayout.RESULTS.length() + 1));
                    if (result.endsWith("summary.json")) {
                        assertEquals(withoutWallTime(archived), withoutWallTime(fresh), m + " " + result);
                    } else {
                        assertArrayEquals(Files.readAllBytes(archived), Files.readAllBytes(fresh), m + " " + result);
                    }
                }
                List<String> written = new java.util.ArrayList<>(Bags.files(out));
                written.remove(org.crdl.runtime.output.OutputFolder.MARKER);   // marks a complete output folder
                assertEquals(Bags.files(opened.crate().resolve(ArchiveLayout.RESULTS)), written, m.toString());
            }
        }
    }

    /** The archive holds the model, each imported file, each data file, and the RO-Crate lists them all. */
    @Test
    void archiveHoldsModelImportsDataAndCrate() throws IOException {
        Path archive = tmp.resolve("two_phase.crdla");
        Path model = Path.of("models", "kempski2022", "two_phase.crdl");
        Cli.Result a = Cli.run("archive", model.toString(), "--galaxy", "two_phase_phenomenological",
                "--set", "kappa_warm=3e28 [cm^2/s]", "--out", archive.toString());
        assertEquals(0, a.exitCode(), a.stderr());
        try (OpenedArchive opened = OpenedArchive.open(archive, ZipLimits.DEFAULT)) {
            assertTrue(opened.findings().isEmpty(), opened.findings().toString());
            RunSpec spec = opened.spec();
            // two_phase.crdl uses phases.crdl and turbulence.crdl (which uses phases.crdl again)
            assertEquals(List.of("model/kempski2022/two_phase.crdl", "model/kempski2022/turbulence.crdl",
                    "model/kempski2022/phases.crdl"), spec.modelFiles());
            for (String f : spec.modelFiles()) {
                String rel = f.substring("model/".length());
                assertArrayEquals(Files.readAllBytes(Path.of("models").resolve(rel)),
                        Files.readAllBytes(opened.crate().resolve(f)), f);
            }
            assertEquals(List.of("observations/B_C_ratio_AMS_PRL2018.txt", "observations/prot_AMS_2011-2013.dat",
                    "observations/Voyager1_2012_Proton.dat"), spec.dataFiles());
            assertEquals(List.of("kappa_warm=3e28 [cm^2/s]"), spec.set());
            assertEquals("two_phase_phenomenological", spec.galaxy());
            assertTrue(spec.results().isEmpty());
            assertEquals(List.of("crdl", "run", "model/kempski2022/two_phase.crdl", "--galaxy",
                    "two_phase_phenomenological", "--set", "kappa_warm=3e28 [cm^2/s]"), spec.runCommand());
            assertEquals(System.getProperty("java.version"), spec.javaVersion());

            JsonNode crate = RunSpec.JSON.readTree(opened.crate().resolve(ArchiveLayout.CRATE).toFile());
            assertEquals("https://w3id.org/ro/crate/1.1/context", crate.get("@context").asText());
            List<String> payload = new ArrayList<>(Bags.files(opened.crate()));
            payload.remove(ArchiveLayout.CRATE);
            List<String> listed = RoCrate.fileIds(crate);
            listed.sort(null);
            assertEquals(payload, listed, "the RO-Crate describes every payload file");
            assertTrue(Files.readString(opened.crate().resolve("../bagit.txt")).startsWith("BagIt-Version: "));
        }
    }

    /** summary.json provenance: hashes computed here independently, the command without --out, the grid. */
    @Test
    void summaryCarriesProvenance() throws Exception {
        Path out = tmp.resolve("fh");
        Cli.Result r = Cli.run("run", "models/reference/flat_halo.crdl", "--set", "delta=0.5", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.stderr());
        JsonNode p = RunSpec.JSON.readTree(out.resolve("summary.json").toFile()).get("provenance");
        assertEquals("[\"crdl\",\"run\",\"models/reference/flat_halo.crdl\",\"--set\",\"delta=0.5\"]", p.get("command").toString());
        assertEquals("flat_halo.crdl", p.get("model_files").get(0).get("path").asText());
        assertEquals(sha256(Path.of("models/reference/flat_halo.crdl")), p.get("model_files").get(0).get("sha256").asText());
        JsonNode bc = p.get("data_files").get(0);
        assertEquals("B_C_ratio_AMS_PRL2018.txt", bc.get("name").asText());
        assertEquals(sha256(Models.root().resolve("../shared/data/observations/B_C_ratio_AMS_PRL2018.txt")),
                bc.get("sha256").asText());
        // energies { min = 0.01 [GeV]  max = 1e4 [GeV]  per_decade = 20 } -> 6 decades x 20 + 1 points
        assertEquals(121, p.get("grid").get("points").asInt());
        assertEquals(20.0, p.get("grid").get("per_decade").asDouble(), 1e-9);
        JsonNode delta = null;
        for (JsonNode q : p.get("parameters")) {
            if (q.get("name").asText().equals("delta")) {
                delta = q;
            }
        }
        assertEquals(0.5, delta.get("value_cgs").asDouble());
        assertEquals(System.getProperty("java.version"), p.get("java_version").asText());
        assertFalse(p.get("crdl_commit").asText().isEmpty());
        assertTrue(p.get("wall_time_s").asDouble() > 0);
    }

    /** Two runs of the same inputs: every CSV identical, summary.json identical apart from wall_time_s. */
    @Test
    void twoRunsAreByteIdentical() throws IOException {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        assertEquals(0, Cli.run("run", "models/hopkins2021/empirical.crdl", "--out", a.toString()).exitCode());
        assertEquals(0, Cli.run("run", "models/hopkins2021/empirical.crdl", "--out", b.toString()).exitCode());
        List<String> files = Bags.files(a);
        assertEquals(files, Bags.files(b));
        for (String f : files) {
            if (f.equals("summary.json")) {
                List<String> x = Files.readAllLines(a.resolve(f));
                List<String> y = Files.readAllLines(b.resolve(f));
                assertEquals(x.size(), y.size());
                for (int i = 0; i < x.size(); i++) {
                    if (!x.get(i).equals(y.get(i))) {
                        assertTrue(x.get(i).contains("\"wall_time_s\""), "only the wall time may differ: " + x.get(i));
                    }
                }
            } else if (f.endsWith(".csv")) {
                assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f);
            }
        }
    }

    /** crdl rates on an archive prints what it prints on the model file. */
    @Test
    void ratesFromAnArchive() {
        Path archive = tmp.resolve("fh.crdla");
        assertEquals(0, Cli.run("archive", "models/reference/flat_halo.crdl", "--out", archive.toString()).exitCode());
        Cli.Result direct = Cli.run("rates", "models/reference/flat_halo.crdl", "--scattering", "phenomenological",
                "--rigidity", "0.1:100:7");
        Cli.Result archived = Cli.run("rates", archive.toString(), "--scattering", "phenomenological",
                "--rigidity", "0.1:100:7");
        assertEquals(0, archived.exitCode(), archived.stderr());
        assertEquals(direct.stdout(), archived.stdout());
    }

    /** crdl evolve on an archive evolves the archived model: the same evolution.csv as from the model file. */
    @Test
    void evolveFromAnArchive() throws IOException {
        Path archive = tmp.resolve("stability.crdla");
        Cli.Result a = Cli.run("archive", "models/hopkins2022/stability.crdl", "--galaxy", "empirical", "--out",
                archive.toString());
        assertEquals(0, a.exitCode(), a.stderr());
        String[] opts = {"--galaxy", "empirical", "--start", "low", "--set", "n_rigidity=8", "--set", "n_cells=16"};
        Cli.Result direct = Cli.run(concat(new String[] {"evolve", "models/hopkins2022/stability.crdl", "--out",
            tmp.resolve("ev_direct").toString()}, opts));
        Cli.Result archived = Cli.run(concat(new String[] {"evolve", archive.toString(), "--out",
            tmp.resolve("ev_archived").toString()}, opts));
        assertEquals(0, archived.exitCode(), archived.stderr());
        assertTrue(archived.stdout().strip().endsWith("classification=converged"), archived.stdout());
        assertEquals(Files.readString(tmp.resolve("ev_direct").resolve("evolution.csv")),
                Files.readString(tmp.resolve("ev_archived").resolve("evolution.csv")), direct.stderr());
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    /** Same Java and build: bit-identical; otherwise numbers within ArchiveVerifier.TOLERANCE (1e-9 relative). */
    @Test
    void resultComparisonIsExactOrWithinTheStatedTolerance() throws IOException {
        Path a = tmp.resolve("a.csv");
        Path b = tmp.resolve("b.csv");
        Files.writeString(a, "R_GV,x\n1.0,2.0\n");
        Files.writeString(b, "R_GV,x\n1.0,2.0000000001\n");          // relative difference 5e-11
        assertTrue(ArchiveVerifier.compareFile("results/x.csv", a, b, true).isPresent(), "exact on the same Java");
        assertTrue(ArchiveVerifier.compareFile("results/x.csv", a, b, false).isEmpty(), "5e-11 < 1e-9");
        Files.writeString(b, "R_GV,x\n1.0,2.00001\n");                 // 5e-6
        assertTrue(ArchiveVerifier.compareFile("results/x.csv", a, b, false).get().contains("line 2"));
        Files.writeString(a, "{\"provenance\": {\"wall_time_s\": 1.5, \"engine\": \"compiled\"}}\n");
        Files.writeString(b, "{\"provenance\": {\"wall_time_s\": 2.5, \"engine\": \"compiled\"}}\n");
        assertTrue(ArchiveVerifier.compareFile("results/summary.json", a, b, true).isEmpty(), "wall time ignored");
    }

    @Test
    void versionNamesTheCommitAndJava() {
        Cli.Result v = Cli.run("--version");
        assertEquals(0, v.exitCode());
        assertTrue(v.stdout().matches("crdl \\S+ \\(git \\S+\\) on Java " + System.getProperty("java.version") + "\\s*"),
                v.stdout());
    }

    static String withoutWallTime(Path summary) throws IOException {
        JsonNode n = RunSpec.JSON.readTree(summary.toFile());
        ((ObjectNode) n.get("provenance")).remove("wall_time_s");
        return n.toPrettyString();
    }

    static String sha256(Path f) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
    }

    static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.sorted().collect(Collectors.toList());
        }
    }

    static String text(Path f) throws IOException {
        return Files.readString(f, StandardCharsets.UTF_8);
    }
}
