package org.crdl.archive;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Extracts a zip into an (empty, private) folder and never writes outside it: entry names that
 * are absolute, contain {@code ..}, backslashes, drive letters or control characters are refused,
 * as are symbolic links, encrypted entries and methods other than stored/deflated. The
 * {@link ZipLimits} are checked on the declared sizes first and then on the bytes actually
 * produced while streaming. Problems that leave the archive readable (a CRC that does not match,
 * a local header that disagrees with the central directory, a damaged central directory) are
 * returned as findings, each naming its entry; everything else is an {@link ArchiveException}
 * with exit code 2.
 */
final class SafeUnzip {
    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");

    private SafeUnzip() {
    }

    /** What was extracted: the entries in file order, and the integrity findings. */
    record Extraction(List<ZipIndex.Entry> entries, List<Finding> findings) {
    }

    static Extraction extract(Path zip, Path dest, ZipLimits limits) {
        if (!Files.isRegularFile(zip)) {
            throw ArchiveException.unreadable(zip + " is not a regular file");
        }
        try (FileChannel ch = FileChannel.open(zip, StandardOpenOption.READ)) {
            ZipIndex index = ZipIndex.read(ch, limits);
            try {
                return extract(ch, index, dest, limits);
            } catch (ArchiveException e) {
                // a central-directory record that declares a wrong method, flag, size or offset while the local
                // headers are intact: read from those (with every check again) and report the record
                if (!e.fromDeclaredHeader() || index.damage() != null) {
                    throw e;
                }
                ZipIndex walked = ZipIndex.fromLocalHeaders(ch, limits, e.getMessage());
                if (walked == null) {
                    throw e;
                }
                clear(dest);
                return extract(ch, walked, dest, limits);
            }
        } catch (EOFException e) {
            throw ArchiveException.unreadable(e.getMessage());
        } catch (IOException e) {
            throw new ArchiveException(ArchiveException.UNREADABLE, "cannot read " + zip + ": " + e.getMessage(), e);
        }
    }

    private static Extraction extract(FileChannel ch, ZipIndex index, Path dest, ZipLimits limits) throws IOException {
        List<Finding> findings = new ArrayList<>();
        if (index.damage() != null) {
            findings.add(new Finding("(central directory)", index.damage()));
        }
        List<ZipIndex.Entry> entries = new ArrayList<>(index.entries());
        checkDeclared(entries, limits);
        entries.sort(Comparator.comparingLong(ZipIndex.Entry::localOffset));
        long[] total = {0};
        List<ZipIndex.Entry> written = new ArrayList<>();
        for (ZipIndex.Entry e : entries) {
            if (extractOne(ch, e, dest, limits, total, findings)) {
                written.add(e);
            }
        }
        return new Extraction(written, findings);
    }

    private static void clear(Path dest) throws IOException {
        try (var s = Files.list(dest)) {
            for (Path p : s.toList()) {
                ArchiveBuilder.deleteTree(p);
            }
        }
    }

    private static void checkDeclared(List<ZipIndex.Entry> entries, ZipLimits limits) {
        if (entries.size() > limits.maxEntries()) {
            throw ArchiveException.unreadable("the archive has " + entries.size() + " entries; at most "
                    + limits.maxEntries() + " are read");
        }
        Set<String> seen = new HashSet<>();
        long total = 0;
        for (ZipIndex.Entry e : entries) {
            checkName(e.name());
            if (!seen.add(e.name())) {
                throw ArchiveException.unreadable("entry " + e.name() + " appears twice");
            }
            if (e.symlink()) {
                throw ArchiveException.unreadable("entry " + e.name() + " is a symbolic link; archives hold regular files only");
            }
            if ((e.flags() & 1) != 0) {
                throw ArchiveException.declared("entry " + e.name() + " is encrypted");
            }
            if (e.method() != 0 && e.method() != 8) {
                throw ArchiveException.declared("entry " + e.name() + " uses compression method " + e.method()
                        + " (stored and deflated are read)");
            }
            if (e.size() < 0 || e.size() > limits.maxEntryBytes()) {
                throw ArchiveException.declared("entry " + e.name() + " declares " + sizeText(e.size())
                        + " uncompressed; at most " + sizeText(limits.maxEntryBytes()) + " per entry are extracted");
            }
            total += e.size();
            if (total > limits.maxTotalBytes()) {
                throw ArchiveException.declared("the archive declares more than " + sizeText(limits.maxTotalBytes())
                        + " uncompressed in all (at entry " + e.name() + ")");
            }
        }
    }

    /** Refuse names that could point outside the destination or mean different files on different systems. */
    static void checkName(String name) {
        String why = null;
        if (name.isEmpty() || name.length() > 1024) {
            why = "an empty or overlong name";
        } else if (name.startsWith("/") || DRIVE.matcher(name).matches()) {
            why = "an absolute path";
        } else if (name.indexOf('\\') >= 0) {
            why = "a backslash";
        } else if (name.chars().anyMatch(c -> c < 0x20 || c == 0x7F)) {
            why = "a control character";
        } else {
            for (String part : name.split("/", -1)) {
                if (part.equals("..") || part.equals(".")) {
                    why = "a '" + part + "' path segment";
                }
            }
        }
        if (why != null) {
            throw ArchiveException.unreadable("entry \"" + name.replaceAll("\\p{Cntrl}", "?") + "\" has " + why
                    + "; refused (nothing was written outside the extraction folder)");
        }
    }

    private static boolean extractOne(FileChannel ch, ZipIndex.Entry e, Path dest, ZipLimits limits, long[] total,
                                      List<Finding> findings) throws IOException {
        Path target = dest.resolve(e.name()).normalize();
        if (!target.startsWith(dest)) {
            throw ArchiveException.unreadable("entry " + e.name() + " points outside the extraction folder");
        }
        if (e.directory()) {
            Files.createDirectories(target);
            return false;
        }
        if (e.localOffset() + 30 > ch.size()) {
            throw ArchiveException.declared("truncated zip archive (entry " + e.name() + ")");
        }
        ByteBuffer h = ZipIndex.readAt(ch, e.localOffset(), 30);
        if (h.getInt(0) != ZipIndex.LOCAL) {
            findings.add(new Finding(e.name(), "its local header is damaged (no signature at offset " + e.localOffset() + ")"));
            return false;
        }
        int nameLen = ZipIndex.u16(h, 26);
        int extraLen = ZipIndex.u16(h, 28);
        byte[] localName = new byte[nameLen];
        ZipIndex.readAt(ch, e.localOffset() + 30, nameLen).get(localName);
        String local = new String(localName, java.nio.charset.StandardCharsets.UTF_8);
        if (!local.equals(e.name())) {
            findings.add(new Finding(e.name(), "the central directory and the local header disagree on the name (local: \""
                    + local.replaceAll("\\p{Cntrl}", "?") + "\")"));
            return false;
        }
        long dataStart = e.localOffset() + 30 + nameLen + extraLen;
        if (dataStart + e.compressedSize() > ch.size()) {
            throw ArchiveException.declared("truncated zip archive (entry " + e.name() + " ends after the end of the file)");
        }
        Files.createDirectories(target.getParent());
        InputStream raw = new BoundedChannelStream(ch, dataStart, e.compressedSize());
        Inflater inflater = new Inflater(true);
        InputStream in = e.method() == 8 ? new InflaterInputStream(raw, inflater, 8192) : raw;
        CRC32 crc = new CRC32();
        long count = 0;
        try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) > 0) {
                count += n;
                total[0] += n;
                if (count > e.size()) {
                    throw ArchiveException.declared("entry " + e.name() + " produces more than its declared "
                            + sizeText(e.size()) + " (a zip bomb or a lying header); extraction stopped");
                }
                if (count > limits.maxEntryBytes() || total[0] > limits.maxTotalBytes()) {
                    throw ArchiveException.unreadable("entry " + e.name() + " goes over the extraction limit of "
                            + sizeText(Math.min(limits.maxEntryBytes(), limits.maxTotalBytes())) + "; extraction stopped");
                }
                crc.update(buf, 0, n);
                out.write(buf, 0, n);
            }
        } catch (java.util.zip.ZipException ex) {
            findings.add(new Finding(e.name(), "its compressed data is damaged (" + ex.getMessage() + ")"));
            return true;
        } finally {
            inflater.end();
        }
        if (count != e.size()) {
            findings.add(new Finding(e.name(), "holds " + count + " bytes, its header declares " + e.size()));
        } else if (crc.getValue() != e.crc()) {
            findings.add(new Finding(e.name(), String.format("its bytes do not match the zip's CRC-32 (%08x, header %08x)",
                    crc.getValue(), e.crc())));
        }
        return true;
    }

    static String sizeText(long bytes) {
        if (bytes >= 1L << 30) {
            return String.format(java.util.Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
        }
        if (bytes >= 1L << 20) {
            return String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / (double) (1L << 20));
        }
        return bytes + " bytes";
    }

    /** {@code length} bytes of a channel from {@code start}, as a stream. */
    private static final class BoundedChannelStream extends InputStream {
        private final InputStream in;
        private long left;

        BoundedChannelStream(FileChannel ch, long start, long length) throws IOException {
            this.in = Channels.newInputStream(ch.position(start));
            this.left = length;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n < 0) {
                throw new EOFException("truncated zip archive");
            }
            left -= n;
            return n;
        }
    }
}
