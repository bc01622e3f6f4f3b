package org.crdl.syntax;

import java.util.Objects;
import org.crdl.diag.SourceSpan;

/** A name as written, with its span. */
public record Ident(SourceSpan span, String name) {
    public Ident {
        Objects.requireNonNull(span, "span");
        Objects.requireNonNull(name, "name");
    }
}
