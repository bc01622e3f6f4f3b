package org.crdl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.crdl.runtime.output.OutputException;
import org.crdl.runtime.output.OutputFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Atomic output folders (issue 10 item 2): a writer that fails or a process that is killed
 * mid-write never leaves a target that looks complete, and never mixes old and new files.
 */
class OutputFolderTest {
    @TempDir
    Path dir;

    private static List<String> names(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aFailureMidWriteLeavesThePreviousOutputUntouchedAndNoTemporaryFolder() throws IOException {
        Path target = dir.resolve("out");
        try (OutputFolder o = OutputFolder.open(target, false)) {
            Files.writeString(o.file("a.csv"), "old a");
            Files.writeString(o.file("summary.json"), "{}");
            o.commit();
        }
        RuntimeException injected = new RuntimeException("disk full (injected)");
        RuntimeException thrown = assertThrows(RuntimeException.class, () -> {
            try (OutputFolder o = OutputFolder.open(target, false)) {
                Files.writeString(o.file("a.csv"), "new a");
                throw injected;   // dies before summary.json and commit
            }
        });
        assertEquals(injected, thrown);
        assertEquals("old a", Files.readString(target.resolve("a.csv")), "the old output is intact");
        assertEquals(List.of("out"), names(dir), "no temporary folder is left beside it");
    }

    @Test
    void refusesForeignFoldersFilesAndEmptyPaths() throws IOException {
        Path foreign = Files.createDirectories(dir.resolve("mine"));
        Files.writeString(foreign.resolve("notes.txt"), "keep");
        assertThrows(OutputException.class, () -> OutputFolder.open(foreign, false));
        assertThrows(OutputException.class, () -> OutputFolder.open(Path.of(""), false));
        assertThrows(OutputException.class, () -> OutputFolder.open(foreign.resolve("notes.txt"), false));
        try (OutputFolder o = OutputFolder.open(foreign, true)) {   // --force replaces it
            Files.writeString(o.file("x.csv"), "x");
            o.commit();
        }
        assertEquals(List.of(".crdl-output", "x.csv"), names(foreign));
    }

    /** Test helper run in a child JVM: writes 200 files slowly into an OutputFolder, then commits. */
    public static void main(String[] args) throws Exception {
        try (OutputFolder o = OutputFolder.open(Path.of(args[0]), false)) {
            for (int i = 0; i < 200; i++) {
                Files.writeString(o.file("f" + i + ".csv"), "row " + i + "\n", StandardCharsets.UTF_8);
                if (i == 0) {
                    System.out.println("writing");
                    System.out.flush();
                }
                Thread.sleep(20);
            }
            Files.writeString(o.file("summary.json"), "{}");
            o.commit();
        }
    }

    @Test
    void aProcessKilledMidWriteLeavesNoTargetFolder() throws Exception {
        Path target = dir.resolve("killed");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), OutputFolderTest.class.getName(),
                target.toString()).redirectErrorStream(true).start();
        try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("writing", in.readLine(), "the child started writing");
            Thread.sleep(300);
            p.destroyForcibly();   // SIGKILL: no shutdown hooks, no finally blocks
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        }
        assertFalse(Files.exists(target), "a killed writer leaves no target that could look complete");
        List<String> left = names(dir);
        assertTrue(left.stream().allMatch(n -> n.startsWith(".killed.crdl-tmp-")), "only a hidden temporary folder: "
                + left);
    }
}
