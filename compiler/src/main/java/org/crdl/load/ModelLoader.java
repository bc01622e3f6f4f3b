package org.crdl.load;

import java.io.IOException;
import java.io.StringReader;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.codehaus.commons.compiler.CompileException;
import org.codehaus.commons.compiler.Location;
import org.codehaus.janino.SimpleCompiler;
import org.crdl.codegen.ModelEmitter;
import org.crdl.runtime.model.CompiledModel;

/**
 * Compiles generated model source in memory with Janino and instantiates it. Compiled
 * classes are cached by the SHA-256 of the comment-free source, so the same model text
 * compiles once per JVM. The parent class loader is {@link RuntimeOnlyClassLoader}.
 */
public final class ModelLoader {
    private static final Map<String, Class<?>> CACHE = new ConcurrentHashMap<>();
    private static final Pattern CRDL_LOCATION = Pattern.compile("// (\\S+\\.crdl(?:\\.bad)?:\\d+)");

    private ModelLoader() {
    }

    /** The compiled model, from the cache when the same source was compiled before. */
    public static CompiledModel load(ModelEmitter.Emitted emitted) {
        Class<?> type = CACHE.computeIfAbsent(cacheKey(emitted.source()), k -> compile(emitted));
        try {
            return (CompiledModel) type.getDeclaredConstructor().newInstance();
        } catch (InstantiationException | IllegalAccessException | NoSuchMethodException e) {
            throw new InternalCompilerError("cannot instantiate generated class " + emitted.qualifiedName(), e);
        } catch (InvocationTargetException e) {
            throw new InternalCompilerError("generated class " + emitted.qualifiedName() + " failed to initialize",
                    e.getCause());
        }
    }

    /** Number of distinct compiled sources held (for tests and `crdl bench`). */
    public static int cachedClasses() {
        return CACHE.size();
    }

    /** Compile without the cache (latency measurements). */
    public static Class<?> compile(ModelEmitter.Emitted emitted) {
        return compileSource(emitted.qualifiedName(), emitted.className(), emitted.source(), emitted);
    }

    /**
     * Compile one compilation unit behind the class-loader and bytecode walls and return the
     * named class. Package-visible for the sandbox tests, which feed hand-written hostile Java.
     */
    static Class<?> compileSource(String qualifiedName, String fileStem, String source, ModelEmitter.Emitted emitted) {
        SimpleCompiler compiler = new SimpleCompiler();
        compiler.setParentClassLoader(new RuntimeOnlyClassLoader(ModelLoader.class.getClassLoader()));
        try {
            compiler.cook(fileStem + ".java", new StringReader(source));
        } catch (CompileException e) {
            throw new InternalCompilerError(emitted == null ? e.getMessage() : report(emitted, e), e);
        } catch (IOException e) {
            throw new InternalCompilerError("cannot read generated source: " + e, e);
        }
        java.util.Set<String> forbidden = BytecodeVerifier.forbiddenReferences(compiler.getBytecodes());
        if (!forbidden.isEmpty()) {
            throw new InternalCompilerError("generated code for " + qualifiedName + " refers to " + forbidden
                    + ", which generated code may not use", null);
        }
        try {
            return compiler.getClassLoader().loadClass(qualifiedName);
        } catch (ClassNotFoundException e) {
            throw new InternalCompilerError("cannot load " + qualifiedName + ": " + e, e);
        }
    }

    /** The cache key: SHA-256 of the source without comments (so only code changes recompile). */
    static String cacheKey(String source) {
        StringBuilder code = new StringBuilder();
        for (String line : source.split("\n")) {
            String t = line.strip();
            if (!t.startsWith("//") && !t.startsWith("*") && !t.startsWith("/**")) {
                code.append(t).append('\n');
            }
        }
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(code.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Janino's message, the .crdl location of the nearest preceding comment, and the numbered source. */
    static String report(ModelEmitter.Emitted emitted, CompileException e) {
        String[] lines = emitted.source().split("\n", -1);
        Location loc = e.getLocation();
        int line = loc == null ? -1 : loc.getLineNumber();
        String crdl = "unknown";
        for (int i = Math.min(line, lines.length) - 1; i >= 0; i--) {
            Matcher m = CRDL_LOCATION.matcher(lines[i]);
            if (m.find()) {
                crdl = m.group(1);
                break;
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append("generated Java for ").append(emitted.qualifiedName()).append(" was rejected by Janino: ")
                .append(e.getMessage()).append("\nnearest model location: ").append(crdl)
                .append("\n--- generated source ---\n");
        for (int i = 0; i < lines.length; i++) {
            sb.append(String.format("%4d%s %s%n", i + 1, i + 1 == line ? ">" : " ", lines[i]));
        }
        return sb.toString();
    }
}
