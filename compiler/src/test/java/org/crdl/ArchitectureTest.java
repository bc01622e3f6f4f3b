package org.crdl;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The dependency rule of DESIGN §2: runtime never depends on the compiler, ANTLR, JavaPoet
 * or Janino; generated classes depend only on the runtime and java.lang.
 */
class ArchitectureTest {
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(static\\s+)?([\\w.]+)", Pattern.MULTILINE);

    private static List<String> violations(Path dir, java.util.function.Predicate<String> allowed) throws IOException {
        List<String> bad = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return bad;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                Matcher m = IMPORT.matcher(Files.readString(f));
                while (m.find()) {
                    if (!allowed.test(m.group(2))) {
                        bad.add(f + ": " + m.group(2));
                    }
                }
            }
        }
        return bad;
    }

    @Test
    void runtimeDoesNotDependOnTheCompiler() throws IOException {
        List<String> bad = violations(Path.of("runtime/src/main/java"), imp -> imp.startsWith("java.")
                || imp.startsWith("javax.imageio.") || imp.startsWith("org.crdl.runtime.")
                || imp.startsWith("org.apache.commons.math3.") || imp.startsWith("org.knowm.xchart.")
                || imp.startsWith("nom.tam.fits."));
        assertTrue(bad.isEmpty(), "runtime imports outside runtime/Commons Math/XChart/nom-tam-fits/JDK:\n"
                + String.join("\n", bad));
    }

    @Test
    void generatedCodeDependsOnlyOnTheRuntimeAndJavaLang() throws IOException {
        List<String> bad = violations(Path.of("generated/src"), imp -> imp.startsWith("org.crdl.runtime.")
                || imp.startsWith("java.lang."));
        assertTrue(bad.isEmpty(), "generated code imports:\n" + String.join("\n", bad));
    }
}
