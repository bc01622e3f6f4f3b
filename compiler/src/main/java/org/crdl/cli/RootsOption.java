package org.crdl.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.crdl.load.SourceRoots;
import picocli.CommandLine.Option;

/**
 * {@code --allow-path DIR} (repeatable): folders a model may read imports and data files from,
 * besides its own folder tree, $CRDL_DATA and shared/data ({@link SourceRoots#forModel}).
 */
final class RootsOption {

    @Option(names = "--allow-path", paramLabel = "DIR",
            description = "also let the model read imports and data files below DIR (repeatable)")
    List<Path> allowed = new ArrayList<>();

    /** The roots of a model file named on the command line. */
    SourceRoots roots(Path modelFile) {
        for (Path p : allowed) {
            if (!Files.isDirectory(p)) {
                throw new UsageException("--allow-path " + p + ": not a folder");
            }
        }
        return SourceRoots.forModel(modelFile, allowed);
    }
}
