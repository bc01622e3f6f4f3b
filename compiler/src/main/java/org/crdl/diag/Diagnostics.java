package org.crdl.diag;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The diagnostic sink a pass reports into. Collects everything (passes never stop at the
 * first problem); identical diagnostics reported twice (a library imported by two files)
 * are kept once.
 */
public final class Diagnostics {
    private final Set<String> seen = new LinkedHashSet<>();
    private final List<Diagnostic> all = new ArrayList<>();

    public void report(Diagnostic d) {
        String key = d.code().id() + "|" + d.span().file().canonicalPath() + "|" + d.span().start() + "|"
                + d.span().end() + "|" + d.message();
        if (seen.add(key)) {
            all.add(d);
        }
    }

    public Diagnostic report(Code code, SourceSpan span, Object... args) {
        Diagnostic d = Diagnostic.of(code, span, args);
        report(d);
        return d;
    }

    public List<Diagnostic> all() {
        return Collections.unmodifiableList(all);
    }

    public boolean hasErrors() {
        return all.stream().anyMatch(Diagnostic::isError);
    }

    public long errorCount() {
        return all.stream().filter(Diagnostic::isError).count();
    }

    public void addAll(Diagnostics other) {
        other.all.forEach(this::report);
    }

    /** Errors, sorted by file and position; ties keep report order. */
    public List<Diagnostic> sorted() {
        List<Diagnostic> copy = new ArrayList<>(all);
        copy.sort((a, b) -> {
            int c = a.span().file().displayPath().compareTo(b.span().file().displayPath());
            return c != 0 ? c : Integer.compare(a.span().start(), b.span().start());
        });
        return copy;
    }
}
