package org.crdl.runtime.data;

import java.nio.file.Path;

/** Where the shared observation files live for tests (never copied into the repository). */
final class ObservationFiles {
    private ObservationFiles() {
    }

    static Path dir() {
        return Path.of(System.getProperty("crdl.root", ".")).resolve("../shared/data/observations");
    }

    static Path file(String name) {
        return dir().resolve(name);
    }
}
