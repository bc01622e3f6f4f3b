package org.crdl.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A model archive extracted into a private temporary folder (removed on {@link #close()}):
 * the extraction's integrity findings, the BagIt check, and the archived run. For running,
 * {@link #openIntact} refuses an archive that fails its checksums; {@code crdl verify} uses
 * {@link #open} and reports everything. Run code should read only below {@link #crate()}
 * ({@code Sandbox.confine(archive.crate())}).
 */
public final class OpenedArchive implements AutoCloseable {
    private final Path zip;
    private final Path root;
    private final List<String> entries;
    private final List<Finding> findings;
    private final RunSpec spec;

    private OpenedArchive(Path zip, Path root, List<String> entries, List<Finding> findings, RunSpec spec) {
        this.zip = zip;
        this.root = root;
        this.entries = entries;
        this.findings = findings;
        this.spec = spec;
    }

    /** Extract and check; integrity problems are in {@link #findings()}, unreadable archives throw (exit 2). */
    public static OpenedArchive open(Path zip, ZipLimits limits) {
        Path root = privateTempFolder();
        try {
            SafeUnzip.Extraction x = SafeUnzip.extract(zip, root, limits);
            List<Finding> findings = new ArrayList<>(x.findings());
            List<String> names = x.entries().stream().map(ZipIndex.Entry::name).collect(Collectors.toList());
            List<CanonicalZip.Item> items = new ArrayList<>();
            for (String n : names) {
                items.add(new CanonicalZip.Item(n, root.resolve(n)));
            }
            CanonicalZip.compare(items, zip).ifPresent(findings::add);
            if (!Files.exists(root.resolve("bagit.txt")) && !Files.exists(root.resolve(ArchiveLayout.PAYLOAD))) {
                throw ArchiveException.unreadable(zip + " is a zip but not a CRDL model archive (no bagit.txt, no data/)");
            }
            findings.addAll(Bags.check(root));
            RunSpec spec = null;
            Path specFile = root.resolve(ArchiveLayout.PAYLOAD).resolve(ArchiveLayout.SPEC);
            if (!Files.isRegularFile(specFile)) {
                if (findings.isEmpty()) {
                    throw ArchiveException.unreadable(zip + " is a zip but not a CRDL model archive (no data/"
                            + ArchiveLayout.SPEC + ")");
                }
                findings.add(new Finding(ArchiveLayout.PAYLOAD + "/" + ArchiveLayout.SPEC, "missing"));
            } else {
                try {
                    spec = RunSpec.read(specFile);
                    if (!ArchiveLayout.FORMAT.equals(spec.format()) || spec.model() == null) {
                        findings.add(new Finding(ArchiveLayout.PAYLOAD + "/" + ArchiveLayout.SPEC, "format is \""
                                + spec.format() + "\", this CRDL reads " + ArchiveLayout.FORMAT));
                        spec = null;
                    } else if (spec.pathOutside().isPresent()) {
                        findings.add(new Finding(ArchiveLayout.PAYLOAD + "/" + ArchiveLayout.SPEC, "names the path \""
                                + spec.pathOutside().get().replaceAll("\\p{Cntrl}", "?")
                                + "\", which is not a plain path inside the archive"));
                        spec = null;
                    }
                } catch (IOException e) {
                    findings.add(new Finding(ArchiveLayout.PAYLOAD + "/" + ArchiveLayout.SPEC, "unreadable JSON: "
                            + e.getMessage().lines().findFirst().orElse("")));
                }
            }
            return new OpenedArchive(zip, root, names, findings, spec);
        } catch (RuntimeException | IOException e) {
            ArchiveBuilder.deleteTree(root);
            if (e instanceof ArchiveException a) {
                throw a;
            }
            if (e instanceof IOException io) {
                throw new ArchiveException(ArchiveException.UNREADABLE, "cannot read " + zip + ": " + io.getMessage(), io);
            }
            throw (RuntimeException) e;
        }
    }

    /** Extract for running: any integrity finding is an error (exit 1) that names the entries. */
    public static OpenedArchive openIntact(Path zip) {
        OpenedArchive a = open(zip, ZipLimits.DEFAULT);
        if (!a.findings.isEmpty() || a.spec == null) {
            a.close();
            throw new ArchiveException(ArchiveException.MISMATCH, zip + " fails its checks, so it is not run:\n  "
                    + a.findings.stream().map(Finding::toString).collect(Collectors.joining("\n  "))
                    + "\n(crdl verify " + zip + " checks everything)");
        }
        return a;
    }

    private static Path privateTempFolder() {
        try {
            try {
                return Files.createTempDirectory("crdl-archive-",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (UnsupportedOperationException e) {
                return Files.createTempDirectory("crdl-archive-");
            }
        } catch (IOException e) {
            throw new ArchiveException(ArchiveException.UNREADABLE, "cannot create a temporary folder: " + e.getMessage(), e);
        }
    }

    public Path zip() {
        return zip;
    }

    /** The RO-Crate root ({@code data/} of the bag): the only folder a run from the archive reads. */
    public Path crate() {
        return root.resolve(ArchiveLayout.PAYLOAD);
    }

    /** The archived model's root file. */
    public Path model() {
        return crate().resolve(spec.model());
    }

    /** The archived run (null when crdl-run.json is missing or unreadable: see the findings). */
    public RunSpec spec() {
        return spec;
    }

    /** Entry names in file order. */
    public List<String> entries() {
        return entries;
    }

    /** Integrity problems found while opening, each naming its entry. */
    public List<Finding> findings() {
        return findings;
    }

    @Override
    public void close() {
        ArchiveBuilder.deleteTree(root);
    }
}
