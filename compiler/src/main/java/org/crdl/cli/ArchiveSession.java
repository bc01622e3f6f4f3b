package org.crdl.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.crdl.Sandbox;
import org.crdl.archive.ArchiveException;
import org.crdl.archive.OpenedArchive;

/**
 * Lets a command take a model archive in place of a model file: the archive is checked and
 * extracted privately, reads are confined to it, and the command runs on the archived model with
 * the archived --set values followed by those given on the command line.
 */
final class ArchiveSession {
    private ArchiveSession() {
    }

    /** The command body, given the archived model file, the merged options and the archived run. */
    interface Body {
        int run(Path model, ModelOptions options, org.crdl.archive.RunSpec spec);
    }

    static int within(Path archive, ModelOptions given, Body body) {
        try (OpenedArchive a = OpenedArchive.openIntact(archive)) {
            List<String> overrides = new ArrayList<>(a.spec().set());
            overrides.addAll(given.overrides);
            String engine = "compiled".equals(given.engine) ? a.spec().engine() : given.engine;
            try (Sandbox.Scope s = Sandbox.confine(a.crate())) {
                return body.run(a.model(), ModelOptions.of(overrides, engine), a.spec());
            }
        } catch (ArchiveException e) {
            System.err.println("error: " + e.getMessage());
            return e.exitCode();
        }
    }
}
