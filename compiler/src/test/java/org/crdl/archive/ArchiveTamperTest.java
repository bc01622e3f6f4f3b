package org.crdl.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.crdl.Cli;
import org.crdl.Pipeline;
import org.crdl.Sandbox;
import org.crdl.run.DataFiles;
import org.crdl.runtime.plasma.ModelException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12 tamper evidence and bad input: a changed byte anywhere, a swapped data file, an added
 * file, a model edited after archiving (with its checksums recomputed) are each named by verify
 * (exit 1); truncated and non-zip files, zip slip (../ and absolute names), symbolic links, a
 * declared 10 GB entry and a deflate bomb behind a lying header are refused with exit 2 and
 * nothing written outside the extraction folder. The hostile zips are built here.
 */
class ArchiveTamperTest {

    @TempDir
    static Path shared;

    static Path archive;
    static byte[] bytes;

    @TempDir
    Path tmp;

    @BeforeAll
    static void archiveOnce() throws IOException {
        archive = shared.resolve("fh.crdla");
        Cli.Result r = Cli.run("archive", "models/reference/flat_halo.crdl", "--with-results", "--out", archive.toString());
        assertEquals(0, r.exitCode(), r.stderr());
        bytes = Files.readAllBytes(archive);
    }

    @Test
    void changedByteInAResultIsNamed() throws IOException {
        Path t = flipped(offsetOfData("data/results/ratio_B_C.csv") + 40);
        Cli.Result v = Cli.run("verify", t.toString());
        assertEquals(1, v.exitCode(), v.stdout() + v.stderr());
        assertTrue(v.stdout().contains("MISMATCH data/results/ratio_B_C.csv: SHA-256"), v.stdout());
        Cli.Result run = Cli.run("run", t.toString(), "--out", tmp.resolve("o").toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.stderr().contains("data/results/ratio_B_C.csv"), run.stderr());
        assertFalse(Files.exists(tmp.resolve("o")), "a tampered archive is not run");
    }

    /** A single flipped byte in every record of the zip (header, data, central directory, end record) is found. */
    @Test
    void anySingleByteChangeIsFoundAndNamed() throws IOException {
        List<Integer> positions = new ArrayList<>();
        for (int p = 0; p < bytes.length; p += 7919) {         // ~70 positions across headers and data
            positions.add(p);
        }
        int cd = lastIndexOf(bytes, ZipIndex.CENTRAL);
        for (int p = cd; p < cd + 46; p += 3) {                // every field of the last central-directory record
            positions.add(p);
        }
        for (int p = bytes.length - 22; p < bytes.length; p += 2) {   // every field of the end record
            positions.add(p);
        }
        for (int p : positions) {
            Path t = flipped(p);
            try (OpenedArchive a = OpenedArchive.open(t, ZipLimits.DEFAULT)) {
                assertFalse(a.findings().isEmpty(), "byte " + p + " changed but nothing found");
                assertFalse(a.findings().get(0).entry().isBlank());
            }
        }
    }

    /** A central-directory record that declares another compression method: a mismatch naming the entry, not exit 2. */
    @Test
    void changedCentralDirectoryFieldIsNamed() throws IOException {
        int cd = lastIndexOf(bytes, ZipIndex.CENTRAL);         // the last record: tagmanifest-sha256.txt
        Path t = flipped(cd + 10);                              // its compression method 0 -> 1
        Cli.Result v = Cli.run("verify", t.toString());
        assertEquals(1, v.exitCode(), v.stdout() + v.stderr());
        assertTrue(v.stdout().contains("MISMATCH tagmanifest-sha256.txt: its central directory record differs"), v.stdout());
    }

    @Test
    void swappedDataFileIsNamed() throws IOException {
        Path t = rebuilt(dir -> Files.copy(dir.resolve("data/observations/C_AMS_PRL2017.txt"),
                dir.resolve("data/observations/O_AMS_PRL2017.txt"), java.nio.file.StandardCopyOption.REPLACE_EXISTING));
        Cli.Result v = Cli.run("verify", t.toString());
        assertEquals(1, v.exitCode());
        assertTrue(v.stdout().contains("MISMATCH data/observations/O_AMS_PRL2017.txt: SHA-256"), v.stdout());
    }

    @Test
    void addedFileIsNamed() throws IOException {
        Path t = rebuilt(dir -> Files.writeString(dir.resolve("data/observations/extra.txt"), "1 2 3\n"));
        Cli.Result v = Cli.run("verify", t.toString());
        assertEquals(1, v.exitCode());
        assertTrue(v.stdout().contains("MISMATCH data/observations/extra.txt: is in the archive but in no manifest"),
                v.stdout());
    }

    /** The model edited and every checksum recomputed (a careful forger): the re-check, the Java and the re-run tell. */
    @Test
    void modelEditedAfterArchivingIsNamed() throws IOException {
        Path t = rebuilt(dir -> {
            Path m = dir.resolve("data/model/reference/flat_halo.crdl");
            String text = Files.readString(m);
            assertTrue(text.contains("param delta = 0.48"), "the reference model's delta");
            Files.writeString(m, text.replace("param delta = 0.48", "param delta = 0.50"));
            rebag(dir);
        });
        Cli.Result v = Cli.run("verify", t.toString());
        assertEquals(1, v.exitCode(), v.stdout());
        assertTrue(v.stdout().contains("MISMATCH data/generated/org/crdl/generated/reference/FlatHaloModel.java: differs"),
                v.stdout());
        assertTrue(v.stdout().contains("MISMATCH data/results/ratio_B_C.csv: differs from the re-run"), v.stdout());
        assertFalse(v.stdout().contains("SHA-256"), "the checksums were forged consistently: " + v.stdout());
    }

    /** A forged crdl-run.json that points outside the archive is not followed (nothing outside is read or quoted). */
    @Test
    void runSpecPathsOutsideTheArchiveAreRefused() throws IOException {
        Path t = rebuilt(dir -> {
            Path spec = dir.resolve("data/crdl-run.json");
            Files.writeString(spec, Files.readString(spec).replace("\"results/ratio_B_C.csv\"", "\"../../../../../../etc/passwd\""));
            rebag(dir);
        });
        Cli.Result v = Cli.run("verify", t.toString());
        assertEquals(1, v.exitCode(), v.stdout());
        assertTrue(v.stdout().contains("MISMATCH data/crdl-run.json: names the path \"../../../../../../etc/passwd\""),
                v.stdout());
        assertFalse(v.stdout().contains("root:"), v.stdout());
        assertEquals(1, Cli.run("run", t.toString(), "--out", tmp.resolve("o").toString()).exitCode());
    }

    @Test
    void truncatedAndNonZipFilesAreUnreadable() throws IOException {
        for (int keep : new int[] {bytes.length / 2, bytes.length - 30, 100, 0}) {
            Path t = tmp.resolve("cut" + keep + ".crdla");
            Files.write(t, java.util.Arrays.copyOf(bytes, keep));
            Cli.Result v = Cli.run("verify", t.toString());
            assertEquals(2, v.exitCode(), keep + ": " + v.stdout() + v.stderr());
            assertTrue(v.stderr().startsWith("error: "), v.stderr());
        }
        Path text = tmp.resolve("text.crdla");
        Files.writeString(text, "this is not a zip file, just some text that is long enough to look for an end record\n");
        assertEquals(2, Cli.run("verify", text.toString()).exitCode());
        assertEquals(2, Cli.run("run", text.toString()).exitCode());
        assertEquals(2, Cli.run("verify", tmp.resolve("missing.crdla").toString()).exitCode());
    }

    @Test
    void zipSlipIsRefusedAndNothingIsWrittenOutside() throws IOException {
        String marker = "crdl-slip-" + UUID.randomUUID() + ".txt";
        Path outside = Path.of(System.getProperty("java.io.tmpdir")).resolve(marker);
        for (String name : new String[] {"../" + marker, "data/../../" + marker, outside.toString(), "C:/" + marker,
                "data\\..\\..\\" + marker}) {
            Path z = tmp.resolve("slip.crdla");
            try (ZipOutputStream o = new ZipOutputStream(Files.newOutputStream(z))) {
                put(o, "bagit.txt", "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n");
                put(o, name, "owned\n");
            }
            Cli.Result v = Cli.run("verify", z.toString());
            assertEquals(2, v.exitCode(), name + ": " + v.stdout());
            assertTrue(v.stderr().contains("refused"), v.stderr());
            assertEquals(2, Cli.run("run", z.toString()).exitCode());
            assertFalse(Files.exists(outside), name + " escaped");
            assertFalse(Files.exists(Path.of(marker)), name + " escaped into the working directory");
        }
    }

    @Test
    void symbolicLinksAreRefused() throws IOException {
        Path z = tmp.resolve("link.crdla");
        try (ZipOutputStream o = new ZipOutputStream(Files.newOutputStream(z))) {
            put(o, "bagit.txt", "BagIt-Version: 1.0\n");
            put(o, "data/model/passwd", "/etc/passwd");
        }
        byte[] b = Files.readAllBytes(z);
        // make the second central-directory record a Unix symlink: version made by 3.0 on Unix, mode 0120777
        int cd = lastIndexOf(b, ZipIndex.CENTRAL);
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        bb.putShort(cd + 4, (short) 0x031E);
        bb.putInt(cd + 38, 0120777 << 16);
        Files.write(z, b);
        Cli.Result v = Cli.run("verify", z.toString());
        assertEquals(2, v.exitCode(), v.stdout());
        assertTrue(v.stderr().contains("data/model/passwd is a symbolic link"), v.stderr());
    }

    /** An entry that declares 10 GB (ZIP64 sizes): refused from the header, before anything is extracted. */
    @Test
    void tenGigabyteDeclaredSizeIsRefused() throws IOException {
        Path z = tmp.resolve("huge.crdla");
        Files.write(z, zip64Declaring(10L << 30));
        Cli.Result v = Cli.run("verify", z.toString());
        assertEquals(2, v.exitCode(), v.stdout() + v.stderr());
        assertTrue(v.stderr().contains("declares 10.0 GiB"), v.stderr());
    }

    /** A deflate bomb whose header lies (declares 1 kB): stopped while streaming, not trusted from the header. */
    @Test
    void deflateBombIsStoppedWhileStreaming() throws IOException {
        Path z = tmp.resolve("bomb.crdla");
        try (ZipOutputStream o = new ZipOutputStream(Files.newOutputStream(z))) {
            o.putNextEntry(new ZipEntry("data/bomb.bin"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                o.write(zeros);                             // 64 MiB of zeros, ~64 kB compressed
            }
            o.closeEntry();
        }
        byte[] b = Files.readAllBytes(z);
        assertTrue(b.length < 1 << 20);
        int cd = lastIndexOf(b, ZipIndex.CENTRAL);
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(cd + 24, 1000);    // declared uncompressed size
        Files.write(z, b);
        Cli.Result v = Cli.run("verify", z.toString());
        assertEquals(2, v.exitCode(), v.stdout() + v.stderr());
        assertTrue(v.stderr().contains("produces more than its declared 1000 bytes"), v.stderr());
        // with an honest header, the caps refuse it before extracting (here 32 MiB in all)
        Path honest = tmp.resolve("honest.zip");
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(cd + 24, 64 << 20);
        Files.write(honest, b);
        Path dest = Files.createDirectory(tmp.resolve("x"));
        ArchiveException e = assertThrows(ArchiveException.class,
                () -> SafeUnzip.extract(honest, dest, new ZipLimits(10, 128L << 20, 32L << 20)));
        assertTrue(e.getMessage().contains("declares more than 32.0 MiB"), e.getMessage());
        assertEquals(0, Bags.files(dest).size(), "nothing extracted");
        ArchiveException count = assertThrows(ArchiveException.class,
                () -> SafeUnzip.extract(archive, Files.createDirectory(tmp.resolve("y")), new ZipLimits(5, 1L << 30, 1L << 30)));
        assertTrue(count.getMessage().contains("entries"), count.getMessage());
    }

    /** Inside a sandbox, imports and data files outside the root are not read. */
    @Test
    void sandboxKeepsReadsInsideTheRoot() throws IOException {
        Path root = Files.createDirectories(tmp.resolve("models").resolve("root"));
        Files.writeString(root.resolveSibling("outside.crdl"), "let x = 1\n");
        Path model = root.resolve("m.crdl");
        Files.writeString(model, "model m\nuse \"../outside.crdl\"\n");
        // the enclosing models/ folder is one of a model's roots (SourceRoots), but not of the sandbox
        assertTrue(Pipeline.check(model).ok(), "outside a sandbox the import is read");
        try (Sandbox.Scope s = Sandbox.confine(root)) {
            Pipeline.Checked c = Pipeline.check(model);
            assertFalse(c.ok());
            assertTrue(c.diagnostics().all().get(0).message().contains("outside the folder this run may read"),
                    c.diagnostics().all().get(0).message());
            Files.writeString(tmp.resolve("data.txt"), "1 2\n");
            assertThrows(ModelException.class, () -> DataFiles.resolve(tmp.resolve("data.txt").toString(), model,
                    "observations"));
            assertThrows(ModelException.class, () -> DataFiles.resolve("../data.txt", model, "observations"));
            // inside, data files are found next to the model and in <root>/observations/ (SourceRoots.only)
            Path obs = Files.createDirectories(root.resolve("observations")).resolve("o.txt");
            Files.writeString(obs, "1 2\n");
            Files.writeString(root.resolve("near.txt"), "1 2\n");
            assertEquals(obs.toRealPath(), DataFiles.resolve("o.txt", model, "observations").toRealPath());
            assertEquals(root.resolve("near.txt").toRealPath(),
                    DataFiles.resolve("near.txt", model, "observations").toRealPath());
        }
        assertTrue(Pipeline.check(model).ok(), "the sandbox ends with its scope");
    }

    // --- helpers ---

    interface Edit {
        void apply(Path bagDir) throws IOException;
    }

    /** Extract the archive, edit it, zip it again in the canonical layout (so only the edit differs). */
    private Path rebuilt(Edit edit) throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("bag" + UUID.randomUUID()));
        SafeUnzip.extract(archive, dir, ZipLimits.DEFAULT);
        edit.apply(dir);
        List<CanonicalZip.Item> items = new ArrayList<>();
        for (String f : Bags.files(dir)) {
            items.add(new CanonicalZip.Item(f, dir.resolve(f)));
        }
        Path out = tmp.resolve("edited" + UUID.randomUUID() + ".crdla");
        try (OutputStream o = Files.newOutputStream(out)) {
            CanonicalZip.write(items, o);
        }
        return out;
    }

    /** Recompute the payload and tag manifests (what a forger would do). */
    private static void rebag(Path dir) throws IOException {
        StringBuilder manifest = new StringBuilder();
        for (String f : Bags.files(dir)) {
            if (f.startsWith("data/")) {
                manifest.append(org.crdl.run.Provenance.sha256(dir.resolve(f))).append("  ").append(f).append('\n');
            }
        }
        Files.writeString(dir.resolve("manifest-sha256.txt"), manifest.toString());
        StringBuilder tags = new StringBuilder();
        for (String f : List.of("bag-info.txt", "bagit.txt", "manifest-sha256.txt")) {
            tags.append(org.crdl.run.Provenance.sha256(dir.resolve(f))).append("  ").append(f).append('\n');
        }
        Files.writeString(dir.resolve("tagmanifest-sha256.txt"), tags.toString());
    }

    private Path flipped(int position) throws IOException {
        byte[] b = bytes.clone();
        b[position] ^= 0x01;
        Path t = tmp.resolve("flip" + position + ".crdla");
        Files.write(t, b);
        return t;
    }

    private static int offsetOfData(String name) {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        outer:
        for (int i = 0; i + 30 + n.length <= bytes.length; i++) {
            if (ByteBuffer.wrap(bytes, i, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() != ZipIndex.LOCAL) {
                continue;
            }
            for (int k = 0; k < n.length; k++) {
                if (bytes[i + 30 + k] != n[k]) {
                    continue outer;
                }
            }
            return i + 30 + n.length;
        }
        throw new AssertionError(name + " not found");
    }

    private static int lastIndexOf(byte[] b, int signature) {
        for (int i = b.length - 4; i >= 0; i--) {
            if (ByteBuffer.wrap(b, i, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() == signature) {
                return i;
            }
        }
        throw new AssertionError("no signature");
    }

    private static void put(ZipOutputStream o, String name, String text) throws IOException {
        o.putNextEntry(new ZipEntry(name));
        o.write(text.getBytes(StandardCharsets.UTF_8));
        o.closeEntry();
    }

    /** A one-entry stored zip whose local header and central directory declare {@code size} bytes (ZIP64 extra). */
    private static byte[] zip64Declaring(long size) {
        byte[] name = "data/huge.bin".getBytes(StandardCharsets.UTF_8);
        byte[] data = "tiny".getBytes(StandardCharsets.UTF_8);
        CRC32 crc = new CRC32();
        crc.update(data);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer loc = ByteBuffer.allocate(30 + name.length + 20).order(ByteOrder.LITTLE_ENDIAN);
        loc.putInt(ZipIndex.LOCAL).putShort((short) 45).putShort((short) 0).putShort((short) 0).putInt(0)
                .putInt((int) crc.getValue()).putInt(-1).putInt(-1).putShort((short) name.length).putShort((short) 20)
                .put(name).putShort((short) 1).putShort((short) 16).putLong(size).putLong(size);
        out.writeBytes(loc.array());
        out.writeBytes(data);
        int cdStart = out.size();
        ByteBuffer cd = ByteBuffer.allocate(46 + name.length + 20).order(ByteOrder.LITTLE_ENDIAN);
        cd.putInt(ZipIndex.CENTRAL).putShort((short) 45).putShort((short) 45).putShort((short) 0).putShort((short) 0)
                .putInt(0).putInt((int) crc.getValue()).putInt(-1).putInt(-1).putShort((short) name.length)
                .putShort((short) 20).putShort((short) 0).putShort((short) 0).putShort((short) 0).putInt(0).putInt(0)
                .put(name).putShort((short) 1).putShort((short) 16).putLong(size).putLong(size);
        out.writeBytes(cd.array());
        ByteBuffer end = ByteBuffer.allocate(22).order(ByteOrder.LITTLE_ENDIAN);
        end.putInt(ZipIndex.END).putShort((short) 0).putShort((short) 0).putShort((short) 1).putShort((short) 1)
                .putInt(cd.capacity()).putInt(cdStart).putShort((short) 0);
        out.writeBytes(end.array());
        return out.toByteArray();
    }
}
