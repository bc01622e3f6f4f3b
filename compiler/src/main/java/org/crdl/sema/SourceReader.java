package org.crdl.sema;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import org.crdl.diag.Code;
import org.crdl.diag.Diagnostics;
import org.crdl.diag.SourceFile;
import org.crdl.diag.SourceSpan;

/**
 * Reads a model file: strict UTF-8 (a bad byte is one clear error, not thousands of bad
 * characters), a leading byte-order mark is dropped.
 */
public final class SourceReader {
    private SourceReader() {
    }

    /**
     * The file's text, or empty with a diagnostic. {@code from} is where the file was
     * requested (a `use` declaration), or null for files named on the command line.
     */
    public static Optional<SourceFile> read(Path path, String displayPath, SourceSpan from, Diagnostics diagnostics) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            reportUnreadable(displayPath, "no such file", from, diagnostics);
            return Optional.empty();
        } catch (IOException | SecurityException e) {
            reportUnreadable(displayPath, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()),
                    from, diagnostics);
            return Optional.empty();
        }
        return decode(bytes, displayPath, canonical(path), diagnostics);
    }

    static Path canonical(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }

    /** Decode bytes as strict UTF-8, dropping a leading BOM. */
    public static Optional<SourceFile> decode(byte[] bytes, String displayPath, Path canonical, Diagnostics diagnostics) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        String text;
        try {
            text = decoder.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (MalformedInputException e) {
            int offset = firstBadByte(bytes);
            String prefix = new String(bytes, 0, offset, StandardCharsets.UTF_8);
            SourceFile file = new SourceFile(displayPath, canonical, prefix);
            diagnostics.report(Code.NOT_UTF8, file.span(prefix.length(), prefix.length()),
                    String.format("%02X", bytes[offset] & 0xff), offset);
            return Optional.empty();
        } catch (CharacterCodingException e) {
            SourceFile file = new SourceFile(displayPath, canonical, "");
            diagnostics.report(Code.NOT_UTF8, file.span(0, 0), "??", 0);
            return Optional.empty();
        }
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        return Optional.of(new SourceFile(displayPath, canonical, text));
    }

    private static int firstBadByte(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT);
        int lo = 0;
        int hi = bytes.length;
        // binary search for the longest valid prefix
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            try {
                decoder.reset();
                decoder.decode(ByteBuffer.wrap(bytes, 0, mid));
                lo = mid;
            } catch (CharacterCodingException e) {
                hi = mid - 1;
            }
        }
        // the prefix may end inside a valid multi-byte sequence; step back to a character start
        while (lo > 0 && (bytes[lo] & 0xC0) == 0x80) {
            lo--;
        }
        return Math.min(lo, bytes.length - 1);
    }

    private static void reportUnreadable(String displayPath, String why, SourceSpan from, Diagnostics diagnostics) {
        if (from != null) {
            diagnostics.report(Code.IMPORT_NOT_FOUND, from, displayPath, why);
        } else {
            SourceFile missing = SourceFile.inMemory(displayPath, "");
            diagnostics.report(Code.UNREADABLE, missing.span(0, 0), displayPath, why);
        }
    }
}
