package org.crdl.load;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks the classes Janino produced: every class their constant pools refer to must be a
 * CRDL runtime class, one of the generated classes themselves, or a harmless java.lang type
 * (Math, boxed numbers, String, the exceptions). Janino needs java.lang.System and Class to
 * be resolvable while compiling, so the class loader alone cannot forbid System.exit; this
 * check does: files, reflection, threads, processes and System never reach the JVM.
 */
final class BytecodeVerifier {
    private static final Set<String> JAVA_LANG = Set.of("Object", "String", "Math", "StrictMath", "Double", "Float",
            "Integer", "Long", "Short", "Byte", "Boolean", "Character", "Number", "StringBuilder", "Throwable",
            "Exception", "RuntimeException", "Error", "IllegalArgumentException", "IllegalStateException",
            "ArithmeticException", "NullPointerException", "AssertionError", "Override", "CharSequence",
            "Comparable", "Iterable", "Cloneable", "Void", "Enum");

    private BytecodeVerifier() {
    }

    /** Class names (binary form) referenced by these classes that generated code may not use; empty when all is well. */
    static Set<String> forbiddenReferences(Map<String, byte[]> classes) {
        Set<String> own = new TreeSet<>();
        classes.keySet().forEach(n -> own.add(n.replace('.', '/')));
        Set<String> bad = new TreeSet<>();
        for (byte[] code : classes.values()) {
            for (String ref : classReferences(code)) {
                String type = elementType(ref);
                if (type != null && !own.contains(type) && !allowed(type)) {
                    bad.add(type.replace('/', '.'));
                }
            }
        }
        return bad;
    }

    static boolean allowed(String internalName) {
        if (internalName.startsWith("org/crdl/runtime/")) {
            return true;
        }
        if (internalName.startsWith("java/lang/") && internalName.indexOf('/', "java/lang/".length()) < 0) {
            return JAVA_LANG.contains(internalName.substring("java/lang/".length()));
        }
        return false;
    }

    /** "[[Ljava/lang/String;" → "java/lang/String"; "[D" → null (primitive); plain names unchanged. */
    private static String elementType(String ref) {
        String r = ref;
        while (r.startsWith("[")) {
            r = r.substring(1);
        }
        if (r.startsWith("L") && r.endsWith(";")) {
            return r.substring(1, r.length() - 1);
        }
        return r.length() == 1 && ref.startsWith("[") ? null : r;
    }

    /** The CONSTANT_Class entries of a class file (JVMS §4.4). */
    static List<String> classReferences(byte[] classFile) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile))) {
            if (in.readInt() != 0xCAFEBABE) {
                throw new IllegalArgumentException("not a class file");
            }
            in.readUnsignedShort();
            in.readUnsignedShort();
            int count = in.readUnsignedShort();
            String[] utf8 = new String[count];
            List<Integer> classNameIndices = new ArrayList<>();
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> utf8[i] = in.readUTF();
                    case 7 -> classNameIndices.add(in.readUnsignedShort());
                    case 8, 16, 19, 20 -> in.skipBytes(2);
                    case 15 -> in.skipBytes(3);
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
                    case 5, 6 -> {
                        in.skipBytes(8);
                        i++;
                    }
                    default -> throw new IllegalArgumentException("unknown constant-pool tag " + tag);
                }
            }
            List<String> names = new ArrayList<>();
            classNameIndices.forEach(idx -> names.add(utf8[idx]));
            return names;
        } catch (IOException e) {
            throw new IllegalArgumentException("truncated class file", e);
        }
    }
}
