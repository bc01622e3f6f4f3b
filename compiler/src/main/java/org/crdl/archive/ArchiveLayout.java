package org.crdl.archive;

/**
 * Where things live in a model archive. The zip is a BagIt bag (RFC 8493): {@code bagit.txt},
 * {@code bag-info.txt}, {@code manifest-sha256.txt}, {@code tagmanifest-sha256.txt} and the
 * payload {@code data/}, which is also the RO-Crate root:
 *
 * <pre>
 * data/ro-crate-metadata.json       RO-Crate 1.1 (JSON-LD): model, data, code, results
 * data/crdl-run.json                the run: model, galaxy, --set, parameters, commands, versions
 * data/model/…                      the model and every file it uses, relative layout kept
 * data/observations/…, data/cross_sections/…   the data files it reads, by the name the model gives
 * data/generated/…                  the generated Java
 * data/results/…                    the run's outputs (with --with-results)
 * </pre>
 */
public final class ArchiveLayout {
    public static final String FORMAT = "crdl-archive/1";
    public static final String PAYLOAD = "data";
    public static final String SPEC = "crdl-run.json";
    public static final String CRATE = "ro-crate-metadata.json";
    public static final String MODEL = "model";
    public static final String GENERATED = "generated";
    public static final String RESULTS = "results";
    public static final String OBSERVATIONS = "observations";
    public static final String CROSS_SECTIONS = "cross_sections";

    private ArchiveLayout() {
    }

    /** Whether {@code file} should be opened as an archive (by its extension). */
    public static boolean isArchive(java.nio.file.Path file) {
        return file != null && file.getFileName() != null && file.getFileName().toString().endsWith(".crdla");
    }

    /**
     * The result entries ({@code results/…}) of a run written into {@code runDir}: every file but the
     * output folder's completion marker, which is removed (it marks a folder, it is not a result).
     */
    static java.util.List<String> results(java.nio.file.Path runDir) throws java.io.IOException {
        java.nio.file.Files.deleteIfExists(runDir.resolve(org.crdl.runtime.output.OutputFolder.MARKER));
        return Bags.files(runDir).stream().map(f -> RESULTS + "/" + f).toList();
    }
}
