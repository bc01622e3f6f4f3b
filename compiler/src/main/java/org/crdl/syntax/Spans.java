package org.crdl.syntax;

import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.crdl.diag.SourceFile;
import org.crdl.diag.SourceSpan;

/** The one place that turns ANTLR positions (code-point indices) into {@link SourceSpan}s. */
final class Spans {
    private final SourceFile file;

    Spans(SourceFile file) {
        this.file = file;
    }

    SourceFile file() {
        return file;
    }

    SourceSpan of(Token t) {
        if (t.getType() == Token.EOF) {
            int end = file.text().length();
            return file.span(end, end);
        }
        return file.span(file.charIndex(t.getStartIndex()), file.charIndex(t.getStopIndex() + 1));
    }

    SourceSpan of(ParserRuleContext ctx) {
        Token stop = ctx.getStop() == null || ctx.getStop().getTokenIndex() < ctx.getStart().getTokenIndex()
                ? ctx.getStart() : ctx.getStop();
        return of(ctx.getStart()).to(of(stop));
    }

    SourceSpan between(Token a, Token b) {
        return of(a).to(of(b));
    }
}
