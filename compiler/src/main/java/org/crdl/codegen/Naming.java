package org.crdl.codegen;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import javax.lang.model.SourceVersion;

/**
 * Every Java identifier in generated code comes from here. CRDL names are ASCII letters,
 * digits and '_' (the lexer enforces it), at most 128 characters; Java keywords and names
 * that would collide get a suffix, and any text that ends up in a comment is made inert
 * (no unicode escapes, no comment terminators, printable ASCII only).
 */
public final class Naming {
    private final Set<String> used = new HashSet<>();

    /** UpperCamelCase class name from a CRDL name plus a kind suffix: two_phase + Model = TwoPhaseModel. */
    public String className(String crdlName, String suffix) {
        StringBuilder sb = new StringBuilder();
        boolean upper = true;
        for (char c : crdlName.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else if (isAsciiLetterOrDigit(c)) {
                sb.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        if (sb.length() == 0 || !Character.isLetter(sb.charAt(0))) {
            sb.insert(0, 'M');
        }
        return unique(sb + suffix);
    }

    /** A Java package segment from a folder name: lower case letters and digits only. */
    public static String packageSegment(String folder) {
        StringBuilder sb = new StringBuilder();
        for (char c : folder.toLowerCase(Locale.ROOT).toCharArray()) {
            if (isAsciiLetterOrDigit(c)) {
                sb.append(c);
            }
        }
        if (sb.length() == 0 || !Character.isLetter(sb.charAt(0)) || SourceVersion.isKeyword(sb.toString())) {
            sb.insert(0, 'm');
        }
        return sb.toString();
    }

    /** A local variable for a phase field: n → f_n; never a Java keyword. */
    public String fieldVariable(String crdlName) {
        return unique("f_" + crdlName);
    }

    private String unique(String candidate) {
        String name = SourceVersion.isKeyword(candidate) ? candidate + "_" : candidate;
        String result = name;
        for (int i = 2; !used.add(result); i++) {
            result = name + i;
        }
        return result;
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }

    /** Text safe inside a Java comment: printable ASCII, no backslash (unicode escapes), no comment end. */
    public static String commentSafe(String text) {
        StringBuilder sb = new StringBuilder();
        for (char c : text.toCharArray()) {
            sb.append(c >= 0x20 && c < 0x7f && c != '\\' ? c : '?');
        }
        return sb.toString().replace("*/", "*?").replace("/*", "?*");
    }

    /** "file.crdl:LINE" for a comment. */
    public static String location(org.crdl.diag.SourceSpan span) {
        Path p = Path.of(span.file().displayPath()).getFileName();
        return commentSafe((p == null ? span.file().displayPath() : p.toString()) + ":" + span.line());
    }
}
