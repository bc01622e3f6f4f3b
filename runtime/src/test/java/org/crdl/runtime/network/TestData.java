package org.crdl.runtime.network;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;

/** Where the shared, read-only data live: ../shared/data relative to the repository root. */
public final class TestData {
    private TestData() {
    }

    public static Path crossSections() {
        Path p = Path.of(System.getProperty("crdl.root", ".")).resolve("../shared/data/cross_sections").normalize();
        Assertions.assertTrue(Files.isDirectory(p), "shared cross-section data not found at " + p + " (set -Dcrdl.root)");
        return p;
    }
}
