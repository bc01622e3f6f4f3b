package org.crdl.diag;

/**
 * Renders diagnostics in the one CRDL format (DESIGN §5):
 * <pre>
 * path/file.crdl:LINE:COL: error[CODE]: message
 *   source line
 *   ^^^^^ carets under the whole span (to the end of the line for multi-line spans)
 * </pre>
 * Notes follow as {@code path:LINE:COL: note: message} with their own source line.
 */
public final class DiagnosticRenderer {

    private DiagnosticRenderer() {
    }

    public static String render(Diagnostic d) {
        StringBuilder sb = new StringBuilder();
        sb.append(d.span().location()).append(": ").append(d.severity().label());
        if (d.severity() != Severity.NOTE) {
            sb.append('[').append(d.code().id()).append(']');
        }
        sb.append(": ").append(d.message()).append('\n');
        if (d.code() != Code.NOT_UTF8) {   // a file that is not UTF-8 text is not CRDL source: never quote it
            excerpt(sb, d.span());
        }
        for (Diagnostic.Note n : d.notes()) {
            sb.append(n.span().location()).append(": note: ").append(n.message()).append('\n');
            excerpt(sb, n.span());
        }
        return sb.toString();
    }

    /** Longest source excerpt shown; longer lines are cut to a window around the span. */
    static final int MAX_EXCERPT = 160;

    private static void excerpt(StringBuilder sb, SourceSpan span) {
        SourceFile f = span.file();
        if (f.text().isEmpty()) {
            return;   // an unreadable or empty file: there is no line to show
        }
        int line = span.line();
        String text = f.line(line);
        int col = span.column();
        int lineEndOffset = span.start() - (col - 1) + text.length();
        int end = Math.min(span.end(), lineEndOffset);
        int width = Math.max(1, end - span.start());
        int from = 0;
        String prefix = "";
        String suffix = "";
        if (text.length() > MAX_EXCERPT) {
            from = Math.max(0, Math.min(col - 1 - 40, text.length() - MAX_EXCERPT));
            int to = Math.min(text.length(), from + MAX_EXCERPT);
            prefix = from > 0 ? "..." : "";
            suffix = to < text.length() ? "..." : "";
            text = text.substring(from, to);
            width = Math.min(width, text.length() - (col - 1 - from));
        }
        sb.append("  ").append(prefix).append(printable(text)).append(suffix).append('\n');
        sb.append("  ").append(" ".repeat(prefix.length()));
        for (int i = 0; i < col - 1 - from && i < text.length(); i++) {
            sb.append(text.charAt(i) == '\t' ? '\t' : ' ');
        }
        sb.append("^".repeat(Math.max(1, width))).append('\n');
    }

    /** Control characters (NUL, …) are shown as '?' so a diagnostic never corrupts a terminal. */
    private static String printable(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            out.append(c == '\t' || c >= ' ' && c != 0x7f ? c : '?');
        }
        return out.toString();
    }
}
