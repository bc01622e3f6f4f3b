package org.crdl.runtime.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes {@link JsonObject}/{@link JsonArray} trees as indented JSON (two spaces, members in
 * insertion order, {@code \n} line ends, trailing newline). Strings are escaped per RFC 8259;
 * non-ASCII text is written as UTF-8. Doubles use the shortest form that reads back exactly,
 * integers (long) have no decimal point.
 */
public final class JsonWriter {
    private JsonWriter() {
    }

    /** JSON text of an object. */
    public static String toJson(JsonObject root) {
        StringBuilder sb = new StringBuilder();
        value(sb, root, 0);
        return sb.append('\n').toString();
    }

    /** JSON text of an array. */
    public static String toJson(JsonArray root) {
        StringBuilder sb = new StringBuilder();
        value(sb, root, 0);
        return sb.append('\n').toString();
    }

    /** Writes an object to a UTF-8 file, creating parent directories. */
    public static void write(JsonObject root, Path file) {
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            Files.writeString(file, toJson(root), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new OutputException("cannot write " + file + ": " + OutputFolder.describe(e), e);
        }
    }

    private static void value(StringBuilder sb, Object v, int depth) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof String) {
            string(sb, (String) v);
        } else if (v instanceof Double) {
            sb.append(Double.toString((Double) v));
        } else if (v instanceof Long || v instanceof Boolean) {
            sb.append(v);
        } else if (v instanceof JsonObject) {
            object(sb, ((JsonObject) v).members(), depth);
        } else if (v instanceof JsonArray) {
            array(sb, ((JsonArray) v).elements(), depth);
        } else {
            throw new IllegalStateException("not a JSON value: " + v.getClass());
        }
    }

    private static void object(StringBuilder sb, Map<String, Object> members, int depth) {
        if (members.isEmpty()) {
            sb.append("{}");
            return;
        }
        sb.append("{\n");
        Iterator<Map.Entry<String, Object>> it = members.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, Object> e = it.next();
            indent(sb, depth + 1);
            string(sb, e.getKey());
            sb.append(": ");
            value(sb, e.getValue(), depth + 1);
            sb.append(it.hasNext() ? ",\n" : "\n");
        }
        indent(sb, depth);
        sb.append('}');
    }

    private static void array(StringBuilder sb, List<Object> elements, int depth) {
        if (elements.isEmpty()) {
            sb.append("[]");
            return;
        }
        sb.append("[\n");
        for (int i = 0; i < elements.size(); i++) {
            indent(sb, depth + 1);
            value(sb, elements.get(i), depth + 1);
            sb.append(i + 1 < elements.size() ? ",\n" : "\n");
        }
        indent(sb, depth);
        sb.append(']');
    }

    private static void indent(StringBuilder sb, int depth) {
        for (int i = 0; i < depth; i++) {
            sb.append("  ");
        }
    }

    /** A quoted JSON string: escapes quote, backslash, control characters, U+2028/9, lone surrogates. */
    static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"':
                    sb.append("\\\"");
                    break;
                case '\\':
                    sb.append("\\\\");
                    break;
                case '\b':
                    sb.append("\\b");
                    break;
                case '\f':
                    sb.append("\\f");
                    break;
                case '\n':
                    sb.append("\\n");
                    break;
                case '\r':
                    sb.append("\\r");
                    break;
                case '\t':
                    sb.append("\\t");
                    break;
                default:
                    if (c < 0x20 || c == '\u2028' || c == '\u2029' || isLoneSurrogate(s, i)) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
            }
        }
        sb.append('"');
    }

    private static boolean isLoneSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
        }
        return false;
    }
}
