package org.crdl.sema;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import org.crdl.load.SourceRoots;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
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
        return read(path, displayPath, from, diagnostics, null);
    }

    /**
     * As {@link #read(Path, String, SourceSpan, Diagnostics)}, for a file that must lie below
     * {@code roots} (null: a file named on the command line, checked only for being a regular
     * file within the size cap).
     */
    public static Optional<SourceFile> read(Path path, String displayPath, SourceSpan from, Diagnostics diagnostics,
                                            SourceRoots roots) {
        byte[] bytes;
        try {
            bytes = roots == null ? SourceRoots.readFile(path, SourceRoots.MAX_MODEL_BYTES)
                    : roots.read(path, SourceRoots.MAX_MODEL_BYTES);
        } catch (SourceRoots.Refused e) {
            reportUnreadable(displayPath, e.getMessage(), from, diagnostics);
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

    /** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
    static int firstBadByte(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult r = decoder.decode(in, out, true);
        return r.isError() ? Math.min(in.position(), bytes.length - 1) : Math.max(0, bytes.length - 1);
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
