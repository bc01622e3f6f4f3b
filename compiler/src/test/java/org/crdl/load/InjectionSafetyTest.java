package org.crdl.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.crdl.Pipeline;
import org.crdl.codegen.ModelEmitter;
import org.crdl.diag.SourceFile;
import org.crdl.runtime.model.CompiledModel;
import org.crdl.runtime.particles.Resonance;
import org.crdl.runtime.particles.Species;
import org.crdl.runtime.plasma.PhaseState;
import org.crdl.runtime.units.Constants;
import org.crdl.runtime.waves.CrState;
import org.crdl.runtime.waves.ScatteringModel;
import org.junit.jupiter.api.Test;

/**
 * Hostile model text is either rejected with a diagnostic or emitted inertly: it cannot
 * change what the generated program computes. Behind that, the loader refuses generated
 * code that reaches for files, reflection, processes, threads or System.exit.
 */
class InjectionSafetyTest {

    /** The same physics twice: once with benign names, once with hostile names and strings. */
    private static final String BENIGN = """
            model benign "plain"
            phase warm { n = 0.1 [cm^-3]  T = 8000 [K]  B = 3 [uG]  ell_A = 10 [pc] }
            damping turb = v_A_ideal / ell_A * (k_par * ell_A)^0.5
            damping nll = sqrt(pi) / 8 * c_s * k_par * (e / e_B)
            source ext = 0.01 * v_A_ideal / ell_A * e_B
            scattering balance { sources ext  damping turb, nll }
            """;
    private static final String HOSTILE = """
            model class "*/ \\\\u000a System.exit(1); /* \\" ); Runtime.getRuntime().halt(0); // \\\\u0022"
            phase System { n = 0.1 [cm^-3]  T = 8000 [K]  B = 3 [uG]  ell_A = 10 [pc] }
            damping new = v_A_ideal / ell_A * (k_par * ell_A)^0.5
            damping return = sqrt(pi) / 8 * c_s * k_par * (e / e_B)
            source void = 0.01 * v_A_ideal / ell_A * e_B
            scattering exit { sources void  damping new, return }
            """;

    private static CompiledModel compile(String text) {
        Pipeline.Checked c = Pipeline.check(SourceFile.inMemory("m.crdl", text));
        assertTrue(c.ok(), c.diagnostics().all().toString());
        return Pipeline.build(c.program().get(), "m.crdl", Pipeline.Engine.COMPILED);
    }

    private static double[] run(CompiledModel m, String phase, String scattering) {
        PhaseState p = m.phase(phase, m.defaultParameters()).at(Species.proton(), Constants.GV);
        Resonance r = Resonance.of(Species.proton(), Constants.GV, p.field("B"));
        ScatteringModel s = m.scattering(scattering, m.defaultParameters());
        s.bind(p, r, CrState.none("test"));
        return s.terms(1e-20);
    }

    @Test
    void javaKeywordsAndHostileStringsAreEmittedInertly() {
        double[] benign = run(compile(BENIGN), "warm", "balance");
        CompiledModel hostile = compile(HOSTILE);
        double[] same = run(hostile, "System", "exit");
        assertEquals(List.of(benign[0], benign[1], benign[2]), List.of(same[0], same[1], same[2]));
        assertEquals("class", hostile.name());
        Pipeline.Checked c = Pipeline.check(SourceFile.inMemory("m.crdl", HOSTILE));
        String source = Pipeline.emit(c.program().get(), "m.crdl").source();
        for (String line : source.split("\n")) {
            String code = line.strip();
            if (code.startsWith("//") || code.startsWith("*") || code.startsWith("/**")) {
                assertFalse(code.contains("\\"), "no backslash in a comment (unicode escapes): " + line);
                assertFalse(code.substring(2).contains("*/") && !code.equals("*/"), "no early comment end: " + line);
            }
        }
        assertTrue(source.contains("\"*/ \\\\u000a System.exit(1);"), "the title is an escaped string literal");
    }

    @Test
    void dollarNamesUnicodeEscapesAndOverlongNamesAreRejectedWithDiagnostics() {
        for (String bad : List.of("let $x = 1", "model m \"\\u000a\"", "let " + "a".repeat(129) + " = 1",
                "let x = \"\\u0022\"")) {
            Pipeline.Checked c = Pipeline.check(SourceFile.inMemory("bad.crdl", bad));
            assertFalse(c.ok(), bad);
            assertTrue(c.diagnostics().all().stream().allMatch(d -> d.code().id().startsWith("E00")),
                    bad + ": " + c.diagnostics().all().stream().map(d -> d.message()).collect(Collectors.joining("; ")));
        }
    }

    @Test
    void aLongNameIsFine() {
        String name = "a".repeat(128);
        compile("phase " + name + " { n = 1 [cm^-3] B = 1 [uG] }\ndamping " + name + " = 1e-9 [1/s]\n"
                + "scattering " + name + " { damping " + name + " }\n");
    }

    private static void refused(String body, String what) {
        String source = "package org.crdl.generated;\npublic final class Hostile {\n" + body + "\n}\n";
        InternalCompilerError e = assertThrows(InternalCompilerError.class,
                () -> ModelLoader.compileSource("org.crdl.generated.Hostile", "Hostile", source, null), what);
        assertTrue(e.getMessage().contains("may not use") || e.getMessage().contains("not available")
                || e.getMessage().contains("Cannot"), what + ": " + e.getMessage());
    }

    @Test
    void theLoaderRefusesFilesReflectionProcessesThreadsAndExit() {
        refused("public static Object f() throws Exception { return new java.io.File(\"/etc/passwd\"); }", "java.io");
        refused("public static Object f() throws Exception { return java.nio.file.Files.readAllBytes(null); }",
                "java.nio");
        refused("public static Object f() throws Exception { return String.class.getMethods(); }", "reflection");
        refused("public static Object f() throws Exception { return java.lang.reflect.Array.newInstance(int.class, 1); }",
                "java.lang.reflect");
        refused("public static Object f() throws Exception { return Runtime.getRuntime(); }", "Runtime");
        refused("public static Object f() throws Exception { return new ProcessBuilder(\"ls\").start(); }",
                "ProcessBuilder");
        refused("public static void f() { System.exit(3); }", "System.exit");
        refused("public static void f() { new Thread().start(); }", "Thread");
        refused("public static Object f() { return new org.apache.commons.math3.util.FastMath(); }",
                "classes outside the runtime");
    }

    @Test
    void theLoaderAcceptsMathAndTheRuntime() {
        ModelLoader.compileSource("org.crdl.generated.Fine", "Fine", "package org.crdl.generated;\n"
                + "public final class Fine { public static double f(double x) { return Math.sqrt(x) + "
                + "org.crdl.runtime.units.Constants.C; } }\n", null);
    }

    @Test
    void compiledClassesAreCachedBySource() {
        Pipeline.Checked c = Pipeline.check(SourceFile.inMemory("m.crdl", BENIGN));
        ModelEmitter.Emitted e = Pipeline.emit(c.program().get(), "m.crdl");
        ModelLoader.load(e);
        int before = ModelLoader.cachedClasses();
        CompiledModel again = ModelLoader.load(e);
        assertEquals(before, ModelLoader.cachedClasses());
        assertEquals("benign", again.name());
    }
}
