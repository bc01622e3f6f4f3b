package org.crdl.syntax;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.Vocabulary;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.crdl.diag.Code;
import org.crdl.diag.Diagnostic;
import org.crdl.diag.Diagnostics;
import org.crdl.grammar.CrdlLexer;

/**
 * Turns ANTLR's syntax errors into CRDL diagnostics with friendly expectations
 * ("expected a quantity or name after '*'"). Reports at most one error per top-level
 * declaration and none on lines that already have a lexical error, so one slip gives one
 * message.
 */
final class SyntaxErrorListener extends BaseErrorListener {
    /** Keywords that can only start a top-level declaration. */
    private static final Set<Integer> TOP_LEVEL_ONLY = Set.of(CrdlLexer.MODEL, CrdlLexer.USE, CrdlLexer.PARAM,
            CrdlLexer.LET, CrdlLexer.GALAXY, CrdlLexer.ENVIRONMENT, CrdlLexer.OBSERVE, CrdlLexer.EXPECT,
            CrdlLexer.STRUCTURE);
    /** Keywords that start a declaration at top level but may also appear inside blocks. */
    private static final Set<Integer> ALSO_IN_BLOCKS = Set.of(CrdlLexer.PHASE, CrdlLexer.DAMPING, CrdlLexer.SOURCE,
            CrdlLexer.SCATTERING);

    private final Spans spans;
    private final Diagnostics diagnostics;
    private final CommonTokenStream tokens;
    private final Set<Integer> lexicalErrorLines;
    private final Set<Integer> declsWithErrors = new HashSet<>();
    private final int[] declOfToken;
    private int count;

    SyntaxErrorListener(Spans spans, Diagnostics diagnostics, CommonTokenStream tokens, List<Integer> lexicalErrorLines) {
        this.spans = spans;
        this.diagnostics = diagnostics;
        this.tokens = tokens;
        this.lexicalErrorLines = new HashSet<>(lexicalErrorLines);
        this.declOfToken = declarationNumbers(tokens.getTokens());
    }

    int count() {
        return count;
    }

    /**
     * Number each token by the top-level declaration it belongs to. A keyword that can only
     * start a declaration always starts one (so an unclosed brace does not swallow the rest of
     * the file); the others start one outside braces.
     */
    private static int[] declarationNumbers(List<Token> all) {
        int[] out = new int[all.size()];
        int decl = 0;
        int braces = 0;
        for (int i = 0; i < all.size(); i++) {
            Token t = all.get(i);
            if (t.getChannel() == Token.DEFAULT_CHANNEL) {
                int type = t.getType();
                if (TOP_LEVEL_ONLY.contains(type) || braces == 0 && ALSO_IN_BLOCKS.contains(type)) {
                    decl++;
                    braces = 0;
                }
                if (type == CrdlLexer.LBRACE) {
                    braces++;
                } else if (type == CrdlLexer.RBRACE) {
                    braces = Math.max(0, braces - 1);
                }
            }
            out[i] = decl;
        }
        return out;
    }

    @Override
    public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int charPositionInLine,
                            String msg, RecognitionException e) {
        count++;
        Token offending = (Token) offendingSymbol;
        int index = Math.max(0, Math.min(offending.getTokenIndex(), declOfToken.length - 1));
        if (lexicalErrorLines.contains(offending.getLine()) || !declsWithErrors.add(declOfToken[index])) {
            return;
        }
        if (count > SourceParser.MAX_ERRORS) {
            return;
        }
        Parser parser = (Parser) recognizer;
        IntervalSet expected = e != null && e.getExpectedTokens() != null ? e.getExpectedTokens()
                : parser.getExpectedTokens();
        Diagnostic d = Diagnostic.of(Code.SYNTAX, spans.of(offending), message(offending, expected, parser.getVocabulary()));
        Token opener = unclosedOpener(offending, expected);
        if (opener != null) {
            d = d.withNote(spans.of(opener), "'" + opener.getText() + "' opened here is never closed");
        }
        diagnostics.report(d);
    }

    /** When a closing bracket is expected, the opening bracket it would close (scanning back). */
    private Token unclosedOpener(Token offending, IntervalSet expected) {
        int open;
        int close;
        if (expected.contains(CrdlLexer.RPAREN)) {
            open = CrdlLexer.LPAREN;
            close = CrdlLexer.RPAREN;
        } else if (expected.contains(CrdlLexer.RBRACE)) {
            open = CrdlLexer.LBRACE;
            close = CrdlLexer.RBRACE;
        } else if (expected.contains(CrdlLexer.RBRACK)) {
            open = CrdlLexer.LBRACK;
            close = CrdlLexer.RBRACK;
        } else {
            return null;
        }
        int depth = 0;
        for (int i = offending.getTokenIndex() - 1; i >= 0; i--) {
            int type = tokens.get(i).getType();
            if (type == close) {
                depth++;
            } else if (type == open) {
                if (depth == 0) {
                    return tokens.get(i).getLine() == offending.getLine() ? null : tokens.get(i);
                }
                depth--;
            }
        }
        return null;
    }

    private String message(Token offending, IntervalSet expected, Vocabulary vocabulary) {
        Token previous = previousToken(offending);
        String found = describe(offending);
        if (expected.contains(CrdlLexer.NUMBER) && expected.contains(CrdlLexer.NAME)
                && expected.contains(CrdlLexer.LPAREN) && previous != null) {
            return "expected a quantity or name after '" + previous.getText() + "'";
        }
        if (offending.getType() == CrdlLexer.NAME && expected.contains(CrdlLexer.PHASE)
                && expected.contains(CrdlLexer.SCATTERING)) {
            return "expected a declaration (model, use, param, let, phase, damping, source, scattering, galaxy,"
                    + " environment or observe), found " + found;
        }
        if (offending.getType() == CrdlLexer.MODEL) {
            return "'model' must be the first declaration of a file, and appear at most once";
        }
        List<String> names = new ArrayList<>();
        for (int type : expected.toList()) {
            names.add(readable(type, vocabulary));
        }
        if (names.isEmpty()) {
            return "unexpected " + found;
        }
        if (names.size() > 6) {
            return "unexpected " + found + (previous == null ? "" : " after '" + previous.getText() + "'");
        }
        return "expected " + join(names) + ", found " + found;
    }

    private Token previousToken(Token t) {
        for (int i = t.getTokenIndex() - 1; i >= 0; i--) {
            Token p = tokens.get(i);
            if (p.getChannel() == Token.DEFAULT_CHANNEL) {
                return p;
            }
        }
        return null;
    }

    private static String describe(Token t) {
        if (t.getType() == Token.EOF) {
            return "end of file";
        }
        String text = t.getText();
        if (text.length() > 40) {
            text = text.substring(0, 37) + "...";
        }
        return "'" + text + "'";
    }

    private static String readable(int type, Vocabulary vocabulary) {
        return switch (type) {
            case CrdlLexer.NUMBER -> "a number";
            case CrdlLexer.NAME -> "a name";
            case CrdlLexer.STRING -> "a string";
            case Token.EOF -> "end of file";
            default -> {
                String literal = vocabulary.getLiteralName(type);
                yield literal != null ? literal : vocabulary.getDisplayName(type);
            }
        };
    }

    private static String join(List<String> names) {
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }
}
