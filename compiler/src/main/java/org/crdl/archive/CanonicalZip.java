package org.crdl.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * The one zip layout {@code crdl archive} writes: entries stored (not compressed) in the given
 * order, UTF-8 names, a fixed timestamp (1980-01-01 00:00), no extra fields, comments or data
 * descriptors, MS-DOS host with no attributes. Its bytes are a function of the entry names and
 * contents only, so {@code crdl verify} can rebuild them and name the record of the first byte
 * that differs — a changed byte in a header or in the central directory is found as surely as
 * one in a file (whose SHA-256 is in the BagIt manifests). {@code java.util.zip.ZipOutputStream}
 * makes no such promise across Java versions, hence this small writer.
 */
final class CanonicalZip {
    private static final int VERSION = 10;      // 1.0: stored entries
    private static final int UTF8 = 0x0800;
    private static final int DOS_DATE_1980_01_01 = (1 << 5) | 1;

    private CanonicalZip() {
    }

    /** An entry: its name in the zip and the file holding its bytes. */
    record Item(String name, Path file) {
    }

    /** Write the canonical zip of {@code items}. */
    static void write(List<Item> items, OutputStream out) throws IOException {
        emit(items, new Sink(out));
    }

    /**
     * Compare {@code zip} with the canonical zip of {@code items}; empty when identical, else the
     * record (and entry) holding the first byte that differs.
     */
    static Optional<Finding> compare(List<Item> items, Path zip) throws IOException {
        try (InputStream actual = new java.io.BufferedInputStream(Files.newInputStream(zip))) {
            Comparing c = new Comparing(actual);
            emit(items, c);
            if (c.difference == null && actual.read() >= 0) {
                return Optional.of(new Finding("(end of archive)", "extra bytes after the end of the zip"));
            }
            return Optional.ofNullable(c.difference);
        }
    }

    private static void emit(List<Item> items, Sink out) throws IOException {
        long[] offsets = new long[items.size()];
        long[] crcs = new long[items.size()];
        long[] sizes = new long[items.size()];
        byte[][] names = new byte[items.size()][];
        for (int i = 0; i < items.size(); i++) {
            Item it = items.get(i);
            names[i] = it.name().getBytes(StandardCharsets.UTF_8);
            byte[] data = Files.readAllBytes(it.file());
            CRC32 crc = new CRC32();
            crc.update(data);
            crcs[i] = crc.getValue();
            sizes[i] = data.length;
            offsets[i] = out.position;
            if (out.position > 0xFFFFFFFFL || data.length > 0xFFFFFFFFL) {
                throw new IOException("archive too large for a plain zip (4 GiB)");
            }
            ByteBuffer h = buffer(30 + names[i].length);
            h.putInt(ZipIndex.LOCAL).putShort((short) VERSION).putShort((short) UTF8).putShort((short) 0)
                    .putShort((short) 0).putShort((short) DOS_DATE_1980_01_01).putInt((int) crcs[i])
                    .putInt((int) sizes[i]).putInt((int) sizes[i]).putShort((short) names[i].length).putShort((short) 0)
                    .put(names[i]);
            out.write(h.array(), "local header of " + it.name());
            out.write(data, "data of " + it.name());
        }
        long cdStart = out.position;
        for (int i = 0; i < items.size(); i++) {
            ByteBuffer h = buffer(46 + names[i].length);
            h.putInt(ZipIndex.CENTRAL).putShort((short) 20).putShort((short) VERSION).putShort((short) UTF8)
                    .putShort((short) 0).putShort((short) 0).putShort((short) DOS_DATE_1980_01_01).putInt((int) crcs[i])
                    .putInt((int) sizes[i]).putInt((int) sizes[i]).putShort((short) names[i].length).putShort((short) 0)
                    .putShort((short) 0).putShort((short) 0).putShort((short) 0).putInt(0).putInt((int) offsets[i])
                    .put(names[i]);
            out.write(h.array(), "central directory record of " + items.get(i).name());
        }
        long cdSize = out.position - cdStart;
        ByteBuffer end = buffer(22);
        end.putInt(ZipIndex.END).putShort((short) 0).putShort((short) 0).putShort((short) items.size())
                .putShort((short) items.size()).putInt((int) cdSize).putInt((int) cdStart).putShort((short) 0);
        out.write(end.array(), "end of central directory record");
    }

    private static ByteBuffer buffer(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Where the bytes go, and which record they belong to. */
    private static class Sink {
        private final OutputStream out;
        long position;

        Sink(OutputStream out) {
            this.out = out;
        }

        void write(byte[] bytes, String record) throws IOException {
            out.write(bytes);
            position += bytes.length;
        }
    }

    /** Compares instead of writing; remembers the first difference. */
    private static final class Comparing extends Sink {
        private final InputStream actual;
        Finding difference;

        Comparing(InputStream actual) {
            super(OutputStream.nullOutputStream());
            this.actual = actual;
        }

        @Override
        void write(byte[] bytes, String record) throws IOException {
            if (difference == null) {
                byte[] got = actual.readNBytes(bytes.length);
                for (int i = 0; i < bytes.length && difference == null; i++) {
                    if (i >= got.length) {
                        difference = finding(record, "the archive ends at byte " + (position + i));
                    } else if (got[i] != bytes[i]) {
                        difference = finding(record, String.format("byte %d is 0x%02x, the canonical archive has 0x%02x",
                                position + i, got[i] & 0xFF, bytes[i] & 0xFF));
                    }
                }
            }
            position += bytes.length;
        }

        private static Finding finding(String record, String how) {
            int of = record.indexOf(" of ");
            return of < 0 || record.startsWith("end of") ? new Finding("(" + record + ")", how)
                    : new Finding(record.substring(of + 4), "its " + record.substring(0, of) + " differs from the canonical archive: "
                    + how);
        }
    }
}
