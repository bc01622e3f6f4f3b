package org.crdl.archive;

import gov.loc.repository.bagit.creator.BagCreator;
import gov.loc.repository.bagit.domain.Bag;
import gov.loc.repository.bagit.domain.Manifest;
import gov.loc.repository.bagit.domain.Metadata;
import gov.loc.repository.bagit.hash.StandardSupportedAlgorithms;
import gov.loc.repository.bagit.reader.BagReader;
import gov.loc.repository.bagit.verify.BagVerifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.crdl.run.Provenance;

/**
 * The BagIt (RFC 8493) side of an archive, through the Library of Congress {@code gov.loc:bagit}
 * library: bagging a staged folder in place with SHA-256 payload and tag manifests, and checking
 * an extracted bag — every listed file present with its checksum, no file that no manifest lists.
 * Unlike {@link BagVerifier}, which stops at the first problem, the check names every entry that
 * differs; the library's own validation runs as well.
 */
final class Bags {
    private static final String PAYLOAD_MANIFEST = "manifest-sha256.txt";
    private static final String TAG_MANIFEST = "tagmanifest-sha256.txt";

    private Bags() {
    }

    /** Move everything in {@code dir} into {@code dir/data} and write the bag's tag files. */
    static void bagInPlace(Path dir, Map<String, String> info) {
        Metadata metadata = new Metadata();
        info.forEach(metadata::add);
        try {
            BagCreator.bagInPlace(dir, List.of(StandardSupportedAlgorithms.SHA256), false, metadata);
        } catch (Exception e) {
            throw new IllegalStateException("cannot write the BagIt bag in " + dir + ": " + e, e);
        }
    }

    /** Every difference between the extracted bag in {@code root} and its manifests. */
    static List<Finding> check(Path root) {
        List<Finding> findings = new ArrayList<>();
        if (!Files.isRegularFile(root.resolve("bagit.txt"))) {
            findings.add(new Finding("bagit.txt", "missing: not a BagIt bag"));
            return findings;
        }
        Bag bag;
        try {
            bag = new BagReader().read(root);
        } catch (Exception e) {
            findings.add(new Finding("(bag declaration)", "unreadable: " + e.getMessage()));
            return findings;
        }
        Map<String, String> payload = listed(bag.getPayLoadManifests(), root);
        Map<String, String> tags = listed(bag.getTagManifests(), root);
        if (payload.isEmpty() && !Files.isRegularFile(root.resolve(PAYLOAD_MANIFEST))) {
            findings.add(new Finding(PAYLOAD_MANIFEST, "missing"));
        }
        if (!Files.isRegularFile(root.resolve(TAG_MANIFEST))) {
            findings.add(new Finding(TAG_MANIFEST, "missing"));
        }
        compare(root, payload, PAYLOAD_MANIFEST, findings);
        compare(root, tags, TAG_MANIFEST, findings);
        Set<String> known = new HashSet<>(payload.keySet());
        known.addAll(tags.keySet());
        for (String f : files(root)) {
            if (!known.contains(f) && !f.startsWith("tagmanifest-")) {
                findings.add(new Finding(f, "is in the archive but in no manifest (added after archiving)"));
            }
        }
        if (findings.isEmpty()) {
            try (BagVerifier verifier = new BagVerifier()) {
                verifier.isValid(bag, false);
            } catch (Exception e) {
                findings.add(new Finding("(bag)", "the BagIt library finds it invalid: " + e.getMessage()));
            }
        }
        return findings;
    }

    private static Map<String, String> listed(Set<Manifest> manifests, Path root) {
        Map<String, String> out = new TreeMap<>();
        for (Manifest m : manifests) {
            if (m.getAlgorithm() != StandardSupportedAlgorithms.SHA256) {
                continue;
            }
            m.getFileToChecksumMap().forEach((p, sum) -> out.put(name(root, p), sum.toLowerCase(java.util.Locale.ROOT)));
        }
        return out;
    }

    private static void compare(Path root, Map<String, String> listed, String manifest, List<Finding> findings) {
        for (Map.Entry<String, String> e : listed.entrySet()) {
            Path f = root.resolve(e.getKey());
            if (!Files.isRegularFile(f)) {
                findings.add(new Finding(e.getKey(), "missing (listed in " + manifest + ")"));
                continue;
            }
            String now = Provenance.sha256(f);
            if (!now.equals(e.getValue())) {
                findings.add(new Finding(e.getKey(), "SHA-256 is " + now.substring(0, 16) + "…, " + manifest + " says "
                        + e.getValue().substring(0, Math.min(16, e.getValue().length())) + "… (changed after archiving)"));
            }
        }
    }

    /** Every regular file below {@code root}, as a relative path with '/'. */
    static List<String> files(Path root) {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(p -> name(root, p)).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + root, e);
        }
    }

    private static String name(Path root, Path p) {
        Path abs = p.isAbsolute() ? p : root.resolve(p);
        return root.toAbsolutePath().normalize().relativize(abs.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }
}
