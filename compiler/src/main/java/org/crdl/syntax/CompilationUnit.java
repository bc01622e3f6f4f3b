package org.crdl.syntax;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.crdl.diag.SourceFile;

/** One parsed model file: its optional {@code model} header and its declarations. */
public record CompilationUnit(SourceFile file, Optional<ModelHeader> header, List<Decl> decls) {

    /** {@code model name "title"} */
    public record ModelHeader(org.crdl.diag.SourceSpan span, Ident name, Optional<String> title) {
        public ModelHeader {
            Objects.requireNonNull(span, "span");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(title, "title");
        }
    }

    public CompilationUnit {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(header, "header");
        decls = List.copyOf(decls);
    }
}
