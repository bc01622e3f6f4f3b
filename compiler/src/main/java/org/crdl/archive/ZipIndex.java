package org.crdl.archive;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The entries of a zip file, read from its central directory — or, when that is damaged, by
 * walking the local headers from the start (then {@link #damage()} says what was wrong).
 * {@code java.util.zip} hides what a safe reader must see (an entry's Unix mode, so symbolic
 * links; CRC mismatches as recoverable findings), so the few fixed-size records are parsed here
 * (PKWARE APPNOTE 4.3.7, 4.3.12, 4.3.16). ZIP64 end records and encrypted entries are refused;
 * ZIP64 size fields of an entry are read (so a declared 10 GB entry is seen as such).
 */
final class ZipIndex {
    static final int LOCAL = 0x04034b50;
    static final int CENTRAL = 0x02014b50;
    static final int END = 0x06054b50;

    /** One entry as the zip declares it. */
    record Entry(String name, int method, int flags, long crc, long compressedSize, long size, long localOffset,
                 boolean symlink) {
        boolean directory() {
            return name.endsWith("/");
        }
    }

    private final List<Entry> entries;
    private final String damage;

    private ZipIndex(List<Entry> entries, String damage) {
        this.entries = List.copyOf(entries);
        this.damage = damage;
    }

    List<Entry> entries() {
        return entries;
    }

    /** Null when the central directory was read; else what was damaged (the entries come from the local headers). */
    String damage() {
        return damage;
    }

    static ZipIndex read(FileChannel ch, ZipLimits limits) throws IOException {
        long length = ch.size();
        if (length < 22) {
            throw ArchiveException.unreadable("not a zip archive (" + length + " bytes)");
        }
        try {
            return new ZipIndex(centralDirectory(ch, length, limits), null);
        } catch (ArchiveException cdProblem) {
            List<Entry> walked = new ArrayList<>();
            long end = walk(ch, length, limits, walked);
            if (walked.isEmpty()) {
                throw cdProblem;
            }
            long cdEnd = skipCentralRecords(ch, length, end);
            if (!hasEndSignature(ch, length) && length - cdEnd != 22) {
                throw ArchiveException.unreadable("truncated zip archive: it ends inside its central directory ("
                        + length + " bytes)");
            }
            return new ZipIndex(walked, "damaged; the entries were read from their local headers ("
                    + cdProblem.getMessage() + ")");
        }
    }

    /** The entries as the local headers give them (null when they cannot be walked), with {@code why} as the damage. */
    static ZipIndex fromLocalHeaders(FileChannel ch, ZipLimits limits, String why) throws IOException {
        List<Entry> walked = new ArrayList<>();
        try {
            walk(ch, ch.size(), limits, walked);
        } catch (ArchiveException e) {
            return null;
        }
        return walked.isEmpty() ? null : new ZipIndex(walked, "a record declares what its local header does not ("
                + why + "); the entries were read from their local headers");
    }

    private static List<Entry> centralDirectory(FileChannel ch, long length, ZipLimits limits) throws IOException {
        int tailLength = (int) Math.min(length, 22 + 65535);
        ByteBuffer tail = readAt(ch, length - tailLength, tailLength);
        int at = -1;
        for (int i = tailLength - 22; i >= 0; i--) {
            if (tail.getInt(i) == END && i + 22 + u16(tail, i + 20) == tailLength) {
                at = i;
                break;
            }
        }
        if (at < 0) {
            throw ArchiveException.unreadable("not a zip archive, or a truncated one (no end-of-central-directory record)");
        }
        int count = u16(tail, at + 10);
        long cdSize = u32(tail, at + 12);
        long cdOffset = u32(tail, at + 16);
        if (count == 0xFFFF || cdSize == 0xFFFFFFFFL || cdOffset == 0xFFFFFFFFL) {
            throw ArchiveException.unreadable("ZIP64 archives are not supported");
        }
        if (u16(tail, at + 4) != 0 || u16(tail, at + 6) != 0 || u16(tail, at + 8) != count) {
            throw ArchiveException.unreadable("multi-part zip archives are not supported");
        }
        if (count > limits.maxEntries()) {
            throw ArchiveException.unreadable("the archive has " + count + " entries; at most " + limits.maxEntries()
                    + " are read");
        }
        long endRecord = length - tailLength + at;
        if (cdOffset + cdSize != endRecord) {
            throw ArchiveException.unreadable("central directory at " + cdOffset + "+" + cdSize
                    + " does not end where the end record starts (" + endRecord + ")");
        }
        ByteBuffer cd = readAt(ch, cdOffset, (int) cdSize);
        List<Entry> out = new ArrayList<>();
        int p = 0;
        for (int i = 0; i < count; i++) {
            if (p + 46 > cd.limit() || cd.getInt(p) != CENTRAL) {
                throw ArchiveException.unreadable("central directory record " + (i + 1) + " is damaged");
            }
            int madeBy = u16(cd, p + 4);
            int flags = u16(cd, p + 8);
            int method = u16(cd, p + 10);
            long crc = u32(cd, p + 16);
            long csize = u32(cd, p + 20);
            long size = u32(cd, p + 24);
            int nameLen = u16(cd, p + 28);
            int extraLen = u16(cd, p + 30);
            int commentLen = u16(cd, p + 32);
            long external = u32(cd, p + 38);
            long local = u32(cd, p + 42);
            if (p + 46 + nameLen + extraLen + commentLen > cd.limit()) {
                throw ArchiveException.unreadable("central directory record " + (i + 1) + " is damaged");
            }
            String name = name(cd, p + 46, nameLen);
            // ZIP64 extended information (APPNOTE 4.5.3): the 32-bit fields that are all ones, in order
            int e = p + 46 + nameLen;
            int eEnd = e + extraLen;
            while (e + 4 <= eEnd) {
                int id = u16(cd, e);
                int len = u16(cd, e + 2);
                int q = e + 4;
                if (id == 0x0001) {
                    if (size == 0xFFFFFFFFL && q + 8 <= e + 4 + len) {
                        size = cd.getLong(q);
                        q += 8;
                    }
                    if (csize == 0xFFFFFFFFL && q + 8 <= e + 4 + len) {
                        csize = cd.getLong(q);
                        q += 8;
                    }
                    if (local == 0xFFFFFFFFL && q + 8 <= e + 4 + len) {
                        local = cd.getLong(q);
                    }
                }
                e += 4 + len;
            }
            boolean symlink = (madeBy >>> 8) == 3 && ((external >>> 16) & 0xF000) == 0xA000;
            out.add(new Entry(name, method, flags, crc, csize, size, local, symlink));
            p += 46 + nameLen + extraLen + commentLen;
        }
        return out;
    }

    /** Walk local headers from offset 0; returns where the walk stopped. */
    private static long walk(FileChannel ch, long length, ZipLimits limits, List<Entry> out) throws IOException {
        long p = 0;
        while (p + 30 <= length) {
            ByteBuffer h = readAt(ch, p, 30);
            if (h.getInt(0) != LOCAL) {
                break;
            }
            int flags = u16(h, 6);
            int method = u16(h, 8);
            long crc = u32(h, 14);
            long csize = u32(h, 18);
            long size = u32(h, 22);
            int nameLen = u16(h, 26);
            int extraLen = u16(h, 28);
            if ((flags & 0x08) != 0 || csize == 0xFFFFFFFFL) {
                break;      // sizes only after the data: the walk cannot continue without the central directory
            }
            if (p + 30 + nameLen > length) {
                throw ArchiveException.unreadable("truncated zip archive (inside the local header at " + p + ")");
            }
            String name = name(readAt(ch, p + 30, nameLen), 0, nameLen);
            if (out.size() >= limits.maxEntries()) {
                throw ArchiveException.unreadable("the archive has more than " + limits.maxEntries() + " entries");
            }
            out.add(new Entry(name, method, flags, crc, csize, size, p, false));
            p += 30 + nameLen + extraLen + csize;
            if (p > length) {
                throw ArchiveException.unreadable("truncated zip archive (entry " + name + " ends after the end of the file)");
            }
        }
        return p;
    }

    /** Whether an end-of-central-directory signature is anywhere in the file's tail (else it was cut off). */
    private static boolean hasEndSignature(FileChannel ch, long length) throws IOException {
        int n = (int) Math.min(length, 22 + 65535);
        ByteBuffer tail = readAt(ch, length - n, n);
        for (int i = n - 4; i >= 0; i--) {
            if (tail.getInt(i) == END) {
                return true;
            }
        }
        return false;
    }

    private static long skipCentralRecords(FileChannel ch, long length, long p) throws IOException {
        while (p + 46 <= length) {
            ByteBuffer h = readAt(ch, p, 46);
            if (h.getInt(0) != CENTRAL) {
                break;
            }
            p += 46 + u16(h, 28) + u16(h, 30) + u16(h, 32);
        }
        return Math.min(p, length);
    }

    static ByteBuffer readAt(FileChannel ch, long position, int n) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining()) {
            if (ch.read(b, position + b.position()) < 0) {
                throw new EOFException("truncated zip archive (reading " + n + " bytes at " + position + ")");
            }
        }
        return b.flip();
    }

    private static String name(ByteBuffer b, int at, int n) {
        byte[] bytes = new byte[n];
        b.get(at, bytes);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw ArchiveException.unreadable("an entry name is not UTF-8");
        }
    }

    static int u16(ByteBuffer b, int at) {
        return b.getShort(at) & 0xFFFF;
    }

    static long u32(ByteBuffer b, int at) {
        return b.getInt(at) & 0xFFFFFFFFL;
    }
}
