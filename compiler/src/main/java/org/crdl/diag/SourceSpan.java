package org.crdl.diag;

import java.util.Objects;

/** A range [start, end) of characters in a source file; every AST and IR node carries one. */
public record SourceSpan(SourceFile file, int start, int end) {

    public SourceSpan {
        Objects.requireNonNull(file, "file");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span " + start + ".." + end);
        }
    }

    public int line() {
        return file.lineOf(start);
    }

    public int column() {
        return file.columnOf(start);
    }

    /** The smallest span covering both (same file). */
    public SourceSpan to(SourceSpan other) {
        return new SourceSpan(file, Math.min(start, other.start), Math.max(end, other.end));
    }

    /** The source text the span covers. */
    public String text() {
        return file.text().substring(start, Math.min(end, file.text().length()));
    }

    /** "path:line:col" */
    public String location() {
        return file.displayPath() + ":" + line() + ":" + column();
    }

    @Override
    public String toString() {
        return location();
    }
}
