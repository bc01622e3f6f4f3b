package org.crdl.diag;

import java.util.List;
import java.util.Objects;

/**
 * One message about the model text: a code, the span it is about, the filled-in message
 * and optional notes pointing at related places (the first definition of a duplicate, …).
 */
public record Diagnostic(Code code, SourceSpan span, String message, List<Note> notes) {

    /** A secondary location attached to a diagnostic. */
    public record Note(SourceSpan span, String message) {
        public Note {
            Objects.requireNonNull(span, "span");
            Objects.requireNonNull(message, "message");
        }
    }

    public Diagnostic {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(span, "span");
        Objects.requireNonNull(message, "message");
        notes = List.copyOf(notes);
    }

    public static Diagnostic of(Code code, SourceSpan span, Object... args) {
        return new Diagnostic(code, span, code.format(args), List.of());
    }

    public Diagnostic withNote(SourceSpan at, String message) {
        List<Note> n = new java.util.ArrayList<>(notes);
        n.add(new Note(at, message));
        return new Diagnostic(code, span, this.message, n);
    }

    public Severity severity() {
        return code.severity();
    }

    public boolean isError() {
        return severity() == Severity.ERROR;
    }
}
