package org.crdl.codegen;

import com.squareup.javapoet.CodeBlock;
import com.squareup.javapoet.FieldSpec;
import com.squareup.javapoet.JavaFile;
import com.squareup.javapoet.MethodSpec;
import com.squareup.javapoet.TypeSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.lang.model.element.Modifier;
import org.crdl.diag.SourceFile;
import org.crdl.ir.Program;
import org.crdl.passes.Lowering;
import org.crdl.runtime.model.CompiledModel;
import org.crdl.runtime.model.Lookup;
import org.crdl.runtime.params.Parameter;
import org.crdl.runtime.params.ParameterSet;
import org.crdl.runtime.plasma.PhaseModel;
import org.crdl.runtime.units.Dimension;
import org.crdl.runtime.units.Rational;
import org.crdl.runtime.waves.ScatteringModel;

/**
 * Emits the Java source of one model file: a public class implementing {@link CompiledModel}
 * with a static nested class per phase and per scattering block. The output is
 * deterministic: a fixed header (source path, model name, SHA-256 of the model text), no
 * timestamps, {@code // file.crdl:LINE} comments, and Java that both Janino and javac accept.
 */
public final class ModelEmitter {
    /** Package of all generated classes; a model's folder adds one segment (models/kempski2022 → …kempski2022). */
    public static final String BASE_PACKAGE = "org.crdl.generated";

    private ModelEmitter() {
    }

    /** One generated compilation unit. */
    public record Emitted(String packageName, String className, String source, String sourceHash) {
        public String qualifiedName() {
            return packageName + "." + className;
        }

        /** Path of the .java file below a source root. */
        public Path relativePath() {
            return Path.of(packageName.replace('.', '/'), className + ".java");
        }
    }

    /** Emit {@code program}, whose root file is shown in the header as {@code sourcePath}. */
    public static Emitted emit(Program program, String sourcePath) {
        Path p = Path.of(sourcePath);
        String stem = p.getFileName().toString().replaceAll("\\.crdl(\\.bad)?$", "");
        String folder = p.getParent() == null ? "" : p.getParent().getFileName().toString();
        String pkg = folder.isEmpty() || folder.equals(".") ? BASE_PACKAGE : BASE_PACKAGE + "." + Naming.packageSegment(folder);
        Naming naming = new Naming();
        String className = naming.className(stem, "Model");
        String hash = sha256(program);

        TypeSpec.Builder model = TypeSpec.classBuilder(className)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(CompiledModel.class)
                .addJavadoc("Model $L, compiled from $L.\n", Naming.commentSafe(program.modelName()),
                        Naming.commentSafe(sourcePath));
        model.addField(constant(String.class, "MODEL", CodeBlock.of("$S", program.modelName())));
        model.addField(constant(String.class, "TITLE", CodeBlock.of("$S", program.title().orElse(""))));
        model.addField(constant(String.class, "SOURCE", CodeBlock.of("$S", sourcePath)));
        model.addField(constant(String.class, "SOURCE_SHA256", CodeBlock.of("$S", hash)));

        Map<String, String> phaseClasses = new LinkedHashMap<>();
        program.phases().keySet().forEach(n -> phaseClasses.put(n, naming.className(n, "Phase")));
        Map<String, String> scatteringClasses = new LinkedHashMap<>();
        program.scatterings().keySet().forEach(n -> scatteringClasses.put(n, naming.className(n, "Scattering")));
        program.structures().blocks().keySet().forEach(n -> scatteringClasses.put(n, naming.className(n, "Scattering")));
        Map<String, String> structureClasses = new LinkedHashMap<>();
        program.structures().structures().keySet().forEach(n -> structureClasses.put(n, naming.className(n, "Structure")));
        Map<String, String> dampingClasses = new LinkedHashMap<>();
        program.laws().values().stream().filter(l -> org.crdl.ir.Dependencies.dependsOnWaveVector(l.body()))
                .forEach(l -> dampingClasses.put(l.name(), naming.className(l.name(), "DampingLaw")));

        model.addField(FieldSpec.builder(String[].class, "PHASES", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer(stringArray(phaseClasses.keySet())).build());
        model.addField(FieldSpec.builder(String[].class, "SCATTERINGS", Modifier.PRIVATE, Modifier.STATIC,
                Modifier.FINAL).initializer(stringArray(scatteringClasses.keySet())).build());
        model.addField(FieldSpec.builder(String[].class, "DAMPING_LAWS", Modifier.PRIVATE, Modifier.STATIC,
                Modifier.FINAL).initializer(stringArray(dampingClasses.keySet())).build());

        model.addMethod(getter("name", String.class, CodeBlock.of("return MODEL")));
        model.addMethod(getter("sourceHash", String.class, CodeBlock.of("return SOURCE_SHA256")));
        model.addMethod(getter("defaultParameters", ParameterSet.class, parameters(program)));
        // a fresh literal each time (Janino types array.clone() as Object)
        model.addMethod(getter("phaseNames", String[].class,
                CodeBlock.of("return new String[] $L", stringArray(phaseClasses.keySet()))));
        model.addMethod(getter("scatteringNames", String[].class,
                CodeBlock.of("return new String[] $L", stringArray(scatteringClasses.keySet()))));
        model.addMethod(factory("phase", PhaseModel.class, "phase", "PHASES", phaseClasses));
        model.addMethod(factory("scattering", ScatteringModel.class, "scattering", "SCATTERINGS", scatteringClasses));
        model.addMethod(getter("dampingLawNames", String[].class,
                CodeBlock.of("return new String[] $L", stringArray(dampingClasses.keySet()))));
        model.addMethod(factory("dampingLaw", org.crdl.runtime.turbulence.DampingLaw.class, "fast-mode damping law",
                "DAMPING_LAWS", dampingClasses));
        model.addMethod(MethodSpec.methodBuilder("sq").addModifiers(Modifier.STATIC).returns(double.class)
                .addParameter(double.class, "x").addStatement("return x * x").build());

        program.phases().forEach((n, def) -> model.addType(PhaseEmitter.emit(Lowering.lower(def), phaseClasses.get(n))));
        program.scatterings().forEach((n, def) -> model.addType(
                ScatteringEmitter.emit(Lowering.lower(def), scatteringClasses.get(n))));
        dampingClasses.forEach((n, c) -> model.addType(DampingLawEmitter.emit(program.laws().get(n), c)));
        program.structures().structures().forEach((n, def) -> model.addType(StructureEmitter.emit(def,
                structureClasses.get(n))));
        program.structures().blocks().forEach((n, b) -> model.addType(StructureEmitter.emitBlock(b,
                program.structures().structures(), structureClasses, phaseClasses, scatteringClasses,
                scatteringClasses.get(n))));

        JavaFile file = JavaFile.builder(pkg, model.build())
                .addFileComment("Generated by crdl from $L. Do not edit: change the model and run `crdl emit`.\n",
                        Naming.commentSafe(sourcePath))
                .addFileComment("model: $L\n", Naming.commentSafe(program.modelName()))
                .addFileComment("sha256: $L", hash)
                .skipJavaLangImports(true)
                .indent("    ")
                .build();
        return new Emitted(pkg, className, file.toString(), hash);
    }

    private static FieldSpec constant(Class<?> type, String name, CodeBlock value) {
        return FieldSpec.builder(type, name, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL).initializer(value).build();
    }

    private static CodeBlock stringArray(Iterable<String> values) {
        CodeBlock.Builder b = CodeBlock.builder().add("{");
        boolean first = true;
        for (String v : values) {
            b.add(first ? "$S" : ", $S", v);
            first = false;
        }
        return b.add("}").build();
    }

    private static MethodSpec getter(String name, java.lang.reflect.Type returns, CodeBlock body) {
        return MethodSpec.methodBuilder(name).addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                .returns(returns).addStatement(body).build();
    }

    private static MethodSpec factory(String method, Class<?> returns, String kind, String names,
                                      Map<String, String> classes) {
        MethodSpec.Builder m = MethodSpec.methodBuilder(method).addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC).returns(returns)
                .addParameter(String.class, "name").addParameter(ParameterSet.class, "parameters");
        classes.forEach((crdl, java) -> m.beginControlFlow("if ($S.equals(name))", crdl)
                .addStatement("return new $L(parameters)", java).endControlFlow());
        m.addStatement("throw $T.unknown(MODEL, $S, name, $L)", Lookup.class, kind, names);
        return m.build();
    }

    private static CodeBlock parameters(Program program) {
        CodeBlock.Builder b = CodeBlock.builder().add("return $T.of(", ParameterSet.class);
        for (int i = 0; i < program.params().size(); i++) {
            Program.ParamDef p = program.params().get(i);
            b.add(i == 0 ? "\n$>$>" : ",\n").add("new $T($S, $L, $L, $L, $L, $S)", Parameter.class, p.name(),
                    ExprEmitter.literal(p.value()), dimension(p.dim()), bound(p.lo()), bound(p.hi()),
                    Naming.location(p.span()));
        }
        if (!program.params().isEmpty()) {
            b.add("$<$<");
        }
        return b.add(")").build();
    }

    private static String bound(double v) {
        return Double.isNaN(v) ? "Double.NaN" : ExprEmitter.literal(v);
    }

    private static CodeBlock dimension(Dimension d) {
        if (d.isNone()) {
            return CodeBlock.of("$T.NONE", Dimension.class);
        }
        return CodeBlock.of("new $T($L, $L, $L, $L)", Dimension.class, rational(d.mass()), rational(d.length()),
                rational(d.time()), rational(d.temperature()));
    }

    private static CodeBlock rational(Rational r) {
        return CodeBlock.of("$T.of($LL, $LL)", Rational.class, r.num(), r.den());
    }

    /** SHA-256 over the model text: every file of the program, in load order, with its file name. */
    public static String sha256(Program program) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (SourceFile f : program.files()) {
                Path name = Path.of(f.displayPath()).getFileName();
                md.update((name == null ? "" : name.toString()).getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                md.update(f.text().getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
