package org.crdl.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.WritableToken;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import org.crdl.diag.Code;
import org.crdl.diag.Diagnostics;
import org.crdl.diag.SourceFile;
import org.crdl.grammar.CrdlLexer;
import org.crdl.grammar.CrdlParser;

/**
 * Text to AST. Lexical problems (bad characters, unterminated strings and comments, names
 * that are too long, nesting that is too deep) are reported first; then the parser runs
 * and reports every syntax error of the file, at most one per top-level declaration so a
 * single mistake does not cascade. Returns an AST only when the file has no errors.
 */
public final class SourceParser {
    /** Deepest bracket nesting accepted; deeper input is rejected before parsing. */
    public static final int MAX_NESTING = 200;
    /** Longest identifier accepted. */
    public static final int MAX_NAME_LENGTH = 128;
    /** Errors reported per file before giving up on it. */
    public static final int MAX_ERRORS = 50;

    private SourceParser() {
    }

    public static Optional<CompilationUnit> parse(SourceFile file, Diagnostics diagnostics) {
        Spans spans = new Spans(file);
        CrdlLexer lexer = new CrdlLexer(CharStreams.fromString(file.text(), file.displayPath()));
        lexer.removeErrorListeners();
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        tokens.fill();

        LexicalCheck lexical = new LexicalCheck(spans, diagnostics);
        if (!lexical.check(tokens.getTokens())) {
            return Optional.empty();
        }
        if (!withinOperatorLimit(tokens.getTokens(), spans, diagnostics)) {
            return Optional.empty();
        }
        if (tokens.getTokens().stream().noneMatch(t -> t.getChannel() == Token.DEFAULT_CHANNEL
                && t.getType() != Token.EOF)) {
            if (!lexical.hadErrors()) {
                diagnostics.report(Code.EMPTY_FILE, file.span(0, 0));
            }
            return Optional.empty();
        }

        CrdlParser.FileContext tree = parseTree(tokens, spans, diagnostics, lexical);
        if (tree == null || lexical.hadErrors()) {
            return Optional.empty();
        }
        Diagnostics buildDiagnostics = new Diagnostics();
        ExprBuilder exprs = new ExprBuilder(spans, buildDiagnostics);
        CompilationUnit unit = new DeclBuilder(spans, exprs).unit(tree);
        diagnostics.addAll(buildDiagnostics);
        return buildDiagnostics.hasErrors() ? Optional.empty() : Optional.of(unit);
    }

    /**
     * Most binary operators in one expression (between two '=', ',', braces or declarations).
     * The parser's prediction is quadratic in the length of a chain of '+'/'-' (directive
     * arguments make a following sign ambiguous), so longer chains are refused up front: split
     * them into lets.
     */
    public static final int MAX_OPERATORS = 2000;

    private static final java.util.Set<String> OPERATORS = java.util.Set.of("+", "-", "*", "/", "^");
    private static final java.util.Set<String> RESETS = java.util.Set.of("=", ",", "{", "}", "model", "use", "param",
            "let", "phase", "damping", "source", "scattering", "galaxy", "environment", "observe", "where");

    private static boolean withinOperatorLimit(List<Token> tokens, Spans spans, Diagnostics diagnostics) {
        int count = 0;
        for (Token t : tokens) {
            if (t.getChannel() != Token.DEFAULT_CHANNEL) {
                continue;
            }
            String text = t.getText();
            if (RESETS.contains(text)) {
                count = 0;
            } else if (OPERATORS.contains(text) && ++count > MAX_OPERATORS) {
                diagnostics.report(Code.TOO_LONG, spans.of(t), MAX_OPERATORS);
                return false;
            }
        }
        return true;
    }

    /** Parse a single expression (the EXPR of `crdl eval`); empty with diagnostics on error. */
    public static Optional<Expr> parseExpression(SourceFile file, Diagnostics diagnostics) {
        Spans spans = new Spans(file);
        CrdlLexer lexer = new CrdlLexer(CharStreams.fromString(file.text(), file.displayPath()));
        lexer.removeErrorListeners();
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        tokens.fill();
        LexicalCheck lexical = new LexicalCheck(spans, diagnostics);
        if (!lexical.check(tokens.getTokens()) || lexical.hadErrors()) {
            return Optional.empty();
        }
        CrdlParser parser = new CrdlParser(tokens);
        parser.removeErrorListeners();
        SyntaxErrorListener listener = new SyntaxErrorListener(spans, diagnostics, tokens, lexical.errorLines());
        parser.addErrorListener(listener);
        CrdlParser.ExprOnlyContext tree = parser.exprOnly();
        if (listener.count() > 0) {
            return Optional.empty();
        }
        Diagnostics buildDiagnostics = new Diagnostics();
        Expr e = new ExprBuilder(spans, buildDiagnostics).build(tree.expr());
        diagnostics.addAll(buildDiagnostics);
        return buildDiagnostics.hasErrors() ? Optional.empty() : Optional.of(e);
    }

    /** Fast SLL parse first; on failure, a full LL parse that reports friendly errors. */
    private static CrdlParser.FileContext parseTree(CommonTokenStream tokens, Spans spans, Diagnostics diagnostics,
                                                   LexicalCheck lexical) {
        CrdlParser parser = new CrdlParser(tokens);
        parser.removeErrorListeners();
        parser.setErrorHandler(new BailErrorStrategy());
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        try {
            return parser.file();
        } catch (ParseCancellationException sllFailed) {
            tokens.seek(0);
            parser.reset();
            parser.setErrorHandler(new DefaultErrorStrategy());
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            SyntaxErrorListener listener = new SyntaxErrorListener(spans, diagnostics, tokens, lexical.errorLines());
            parser.addErrorListener(listener);
            CrdlParser.FileContext tree = parser.file();
            return listener.count() == 0 ? tree : null;
        }
    }

    /** Reports lexical problems and hides bad tokens so the parser does not trip over them again. */
    private static final class LexicalCheck {
        private final Spans spans;
        private final Diagnostics diagnostics;
        private final List<Integer> errorLines = new ArrayList<>();
        private int errors;

        LexicalCheck(Spans spans, Diagnostics diagnostics) {
            this.spans = spans;
            this.diagnostics = diagnostics;
        }

        boolean hadErrors() {
            return errors > 0;
        }

        List<Integer> errorLines() {
            return errorLines;
        }

        /** False when the file cannot be parsed at all (too deep, too many errors). */
        boolean check(List<Token> tokens) {
            int depth = 0;
            Token previous = null;
            for (Token t : tokens) {
                if (t.getType() == CrdlLexer.STAR && previous != null && previous.getType() == CrdlLexer.STAR
                        && previous.getStopIndex() + 1 == t.getStartIndex()) {
                    error(t, Code.POWER_OPERATOR);
                }
                previous = t;
                switch (t.getType()) {
                    case CrdlLexer.BAD_CHAR -> error(t, Code.BAD_CHARACTER, describeChar(t.getText()));
                    case CrdlLexer.UNTERMINATED_STRING -> error(t, Code.UNTERMINATED_STRING);
                    case CrdlLexer.UNTERMINATED_COMMENT -> error(t, Code.UNTERMINATED_COMMENT);
                    case CrdlLexer.BAD_ESCAPE_STRING -> error(t, Code.BAD_ESCAPE, badEscape(t.getText()));
                    case CrdlLexer.NAME -> {
                        if (t.getText().length() > MAX_NAME_LENGTH) {
                            error(t, Code.NAME_TOO_LONG, t.getText().length(), MAX_NAME_LENGTH);
                        }
                    }
                    case CrdlLexer.LPAREN, CrdlLexer.LBRACK, CrdlLexer.LBRACE -> {
                        if (++depth > MAX_NESTING) {
                            diagnostics.report(Code.TOO_DEEP, spans.of(t), depth, MAX_NESTING);
                            errors++;
                            return false;
                        }
                    }
                    case CrdlLexer.RPAREN, CrdlLexer.RBRACK, CrdlLexer.RBRACE -> depth = Math.max(0, depth - 1);
                    default -> {
                    }
                }
                if (errors >= MAX_ERRORS) {
                    diagnostics.report(Code.TOO_MANY_ERRORS, spans.of(t), errors);
                    return false;
                }
            }
            return true;
        }

        private void error(Token t, Code code, Object... args) {
            diagnostics.report(code, spans.of(t), args);
            errorLines.add(t.getLine());
            errors++;
            ((WritableToken) t).setChannel(Token.HIDDEN_CHANNEL);
        }

        private static String describeChar(String text) {
            int cp = text.codePointAt(0);
            String code = String.format("U+%04X", cp);
            if (cp < 0x20 || cp == 0x7f) {
                return code + " (a control character)";
            }
            if (cp == 0xFEFF) {
                return code + " (a byte-order mark in the middle of the file)";
            }
            if (cp == '$') {
                return "'$' (names may contain only letters, digits and '_')";
            }
            if (cp == 0x3bc || cp == 0xb5) {
                return "'" + text + "' (write micro as u, as in [uG])";
            }
            return "'" + text + "' (" + code + ")";
        }

        private static String badEscape(String text) {
            for (int i = 1; i < text.length() - 1; i++) {
                if (text.charAt(i) == '\\') {
                    char n = text.charAt(i + 1);
                    if ("\"\\nt".indexOf(n) < 0) {
                        return "'\\" + n + "'";
                    }
                    i++;
                }
            }
            return "'\\'";
        }
    }
}
