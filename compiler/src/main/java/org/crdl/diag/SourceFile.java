package org.crdl.diag;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The text of one model file with its path as the user wrote it (used in diagnostics) and
 * the canonical path (used to detect import cycles and repeated imports). Line and column
 * numbers are 1-based; columns count characters (a tab is one column).
 */
public final class SourceFile {
    private final String displayPath;
    private final Path canonicalPath;
    private final String text;
    private final int[] lineStarts;
    /** char offset of each code point, or null when the text has no surrogate pairs (the usual case) */
    private final int[] codePointToChar;

    public SourceFile(String displayPath, Path canonicalPath, String text) {
        this.displayPath = displayPath;
        this.canonicalPath = canonicalPath;
        this.text = text;
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        this.lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
        this.codePointToChar = text.codePoints().count() == text.length() ? null
                : buildCodePointMap(text);
    }

    private static int[] buildCodePointMap(String text) {
        int n = text.codePointCount(0, text.length());
        int[] map = new int[n + 1];
        int offset = 0;
        for (int i = 0; i < n; i++) {
            map[i] = offset;
            offset += Character.charCount(text.codePointAt(offset));
        }
        map[n] = text.length();
        return map;
    }

    /** The char offset of a code-point index (ANTLR counts code points, Java strings count chars). */
    public int charIndex(int codePointIndex) {
        if (codePointToChar == null) {
            return Math.min(codePointIndex, text.length());
        }
        return codePointToChar[Math.min(codePointIndex, codePointToChar.length - 1)];
    }

    /** A file that exists only in memory (tests, `crdl eval` expressions). */
    public static SourceFile inMemory(String displayPath, String text) {
        return new SourceFile(displayPath, Path.of(displayPath).toAbsolutePath().normalize(), text);
    }

    public String displayPath() {
        return displayPath;
    }

    public Path canonicalPath() {
        return canonicalPath;
    }

    public String text() {
        return text;
    }

    public int lineCount() {
        return lineStarts.length;
    }

    /** 1-based line of a character offset. */
    public int lineOf(int offset) {
        int lo = 0;
        int hi = lineStarts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lineStarts[mid] <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo + 1;
    }

    /** 1-based column of a character offset. */
    public int columnOf(int offset) {
        return offset - lineStarts[lineOf(offset) - 1] + 1;
    }

    /** The text of a 1-based line without its line terminator. */
    public String line(int line) {
        if (line < 1 || line > lineStarts.length) {
            return "";
        }
        int start = lineStarts[line - 1];
        int end = line < lineStarts.length ? lineStarts[line] - 1 : text.length();
        if (end > start && text.charAt(end - 1) == '\r') {
            end--;
        }
        return text.substring(start, Math.max(start, end));
    }

    /** The span of characters [start, end) in this file. */
    public SourceSpan span(int start, int end) {
        return new SourceSpan(this, start, Math.max(start, end));
    }

    @Override
    public String toString() {
        return displayPath;
    }
}
