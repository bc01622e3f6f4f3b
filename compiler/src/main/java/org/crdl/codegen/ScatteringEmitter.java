package org.crdl.codegen;

import com.squareup.javapoet.ArrayTypeName;
import com.squareup.javapoet.CodeBlock;
import com.squareup.javapoet.FieldSpec;
import com.squareup.javapoet.MethodSpec;
import com.squareup.javapoet.TypeName;
import com.squareup.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;
import org.crdl.ir.Dependencies;
import org.crdl.ir.Lowered;
import org.crdl.ir.Node;
import org.crdl.ir.Program;
import org.crdl.ir.Symbol;
import org.crdl.runtime.params.ParameterSet;
import org.crdl.runtime.particles.Resonance;
import org.crdl.runtime.particles.ResonanceQuantity;
import org.crdl.runtime.plasma.ModelException;
import org.crdl.runtime.plasma.PhaseState;
import org.crdl.runtime.plasma.PlasmaQuantity;
import org.crdl.runtime.waves.CrState;
import org.crdl.runtime.waves.ScatteringInfo;
import org.crdl.runtime.waves.ScatteringModel;

/**
 * Emits one scattering block as a static nested class implementing {@link ScatteringModel}:
 * parameter-only temporaries are final fields set in the constructor, the other
 * e-independent ones are set in bind(), and sourceRate/dampingRate/terms are the short
 * per-call expressions left by {@link org.crdl.passes.Lowering}.
 */
final class ScatteringEmitter {
    private ScatteringEmitter() {
    }

    static TypeSpec emit(Lowered.Scattering lowered, String className) {
        Program.ScatteringDef def = lowered.def();
        ExprEmitter expr = new ExprEmitter(ScatteringEmitter::name);
        TypeSpec.Builder type = TypeSpec.classBuilder(className)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addSuperinterface(ScatteringModel.class)
                .addJavadoc("scattering $L ($L)\n", def.name(), Naming.location(def.span()));
        type.addField(FieldSpec.builder(ScatteringInfo.class, "INFO", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer(info(def)).build());
        type.addField(ParameterSet.class, "params", Modifier.PRIVATE, Modifier.FINAL);
        MethodSpec.Builder ctor = MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
                .addParameter(ParameterSet.class, "params")
                .addStatement("this.params = params");
        for (Lowered.TempDef t : lowered.constructorTemps()) {
            type.addField(tempType(t), t.temp().name(), Modifier.PRIVATE, Modifier.FINAL);
            ctor.addCode("// $L\n", Naming.location(t.origin()))
                    .addStatement("$L = $L", t.temp().name(), expr.emit(t.value()));
        }
        type.addMethod(ctor.build());
        MethodSpec.Builder bind = MethodSpec.methodBuilder("bind").addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .addParameter(PhaseState.class, "phase").addParameter(Resonance.class, "res")
                .addParameter(CrState.class, "cr");
        if (readsBoundState(lowered)) {
            // per-call code reads the bound state (inside an e-dependent if, which is evaluated lazily)
            type.addField(PhaseState.class, "phase", Modifier.PRIVATE);
            type.addField(Resonance.class, "res", Modifier.PRIVATE);
            type.addField(CrState.class, "cr", Modifier.PRIVATE);
            bind.addStatement("this.phase = phase").addStatement("this.res = res").addStatement("this.cr = cr");
        }
        for (Lowered.TempDef t : lowered.bindTemps()) {
            type.addField(tempType(t), t.temp().name(), Modifier.PRIVATE);
            bind.addCode("// $L\n", Naming.location(t.origin()))
                    .addStatement("$L = $L", t.temp().name(), expr.emit(t.value()));
        }
        type.addMethod(simple("name", String.class, CodeBlock.of("return $S", def.name())));
        type.addMethod(simple("info", ScatteringInfo.class, CodeBlock.of("return INFO")));
        type.addMethod(bind.build());
        type.addMethod(rate("sourceRate", expr.emit(lowered.sourceRate())));
        type.addMethod(rate("dampingRate", expr.emit(lowered.dampingRate())));
        CodeBlock.Builder terms = CodeBlock.builder().add("return new double[] {");
        for (int i = 0; i < lowered.terms().size(); i++) {
            Program.LawDef law = def.laws().get(i);
            terms.add(i == 0 ? "\n" : ",\n").add("$>$>// $L $L ($L)\n$L$<$<", law.kind().keyword, law.name(),
                    Naming.location(law.span()), expr.emit(lowered.terms().get(i)));
        }
        terms.add("}");
        type.addMethod(MethodSpec.methodBuilder("terms").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                .returns(ArrayTypeName.of(TypeName.DOUBLE)).addParameter(double.class, "e")
                .addStatement(terms.build()).build());
        CodeBlock nu = lowered.nu().isPresent() ? CodeBlock.of("return $L", expr.emit(lowered.nu().get()))
                : CodeBlock.of("throw new $T($S)", ModelException.class,
                "scattering " + def.name() + " has no phenomenological nu; it is solved from its wave balance");
        type.addMethod(simple("nu", double.class, nu));
        return type.build();
    }

    /** A hoisted temporary is a double, or a boolean when it holds a condition (a phase-level test). */
    static Class<?> tempType(Lowered.TempDef t) {
        return t.value().isCondition() ? boolean.class : double.class;
    }

    /** True when a per-call expression reads the phase, resonance or CR state directly (not through a temp). */
    private static boolean readsBoundState(Lowered.Scattering l) {
        List<Node> perCall = new ArrayList<>(l.terms());
        perCall.add(l.sourceRate());
        perCall.add(l.dampingRate());
        l.nu().ifPresent(perCall::add);
        for (Node n : perCall) {
            for (Symbol s : Dependencies.of(n)) {
                if (s instanceof Symbol.Field || s instanceof Symbol.Plasma || s instanceof Symbol.Resonance
                        || s instanceof Symbol.Cr) {
                    return true;
                }
            }
        }
        return false;
    }

    private static CodeBlock info(Program.ScatteringDef def) {
        CodeBlock.Builder sources = CodeBlock.builder();
        def.sources().forEach(l -> sources.add(sources.isEmpty() ? "$S" : ", $S", l.name()));
        CodeBlock.Builder dampings = CodeBlock.builder();
        def.dampings().forEach(l -> dampings.add(dampings.isEmpty() ? "$S" : ", $S", l.name()));
        return CodeBlock.of("$T.of(MODEL, $S, new String[] {$L}, new String[] {$L}, $L, $L, $S)", ScatteringInfo.class,
                def.name(), sources.build(), dampings.build(), ExprEmitter.literal(def.nuHat()),
                def.phenomenological(), def.waveMode().keyword);
    }

    private static MethodSpec simple(String name, java.lang.reflect.Type returns, CodeBlock body) {
        return MethodSpec.methodBuilder(name).addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                .returns(returns).addStatement(body).build();
    }

    private static MethodSpec rate(String name, CodeBlock body) {
        return MethodSpec.methodBuilder(name).addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                .returns(double.class).addParameter(double.class, "e").addStatement("return $L", body).build();
    }

    /** How lowered names read inside a scattering class (and a damping-law class, which adds k and cosTheta). */
    static CodeBlock name(Symbol s) {
        if (s instanceof Symbol.Temp t) {
            return CodeBlock.of("$L", t.name());
        } else if (s instanceof Symbol.Param p) {
            return CodeBlock.of("params.value($L)", p.index());
        } else if (s instanceof Symbol.Field f) {
            return CodeBlock.of("phase.field($S)", f.name());
        } else if (s instanceof Symbol.Plasma p) {
            return CodeBlock.of("$T.$L.of(phase, res)", PlasmaQuantity.class, p.quantity().name());
        } else if (s instanceof Symbol.Resonance r) {
            return CodeBlock.of("$T.$L.of(res)", ResonanceQuantity.class, r.quantity().name());
        } else if (s instanceof Symbol.Cr c) {
            return CodeBlock.of("cr.$L()", switch (c.quantity()) {
                case E_CR -> "eCr";
                case P_CR -> "pCr";
                case ELL_GRAD -> "ellGrad";
            });
        } else if (s instanceof Symbol.Wave) {
            return CodeBlock.of("e");
        } else if (s instanceof Symbol.Constant c) {
            return CodeBlock.of("$L", ExprEmitter.literal(c.constant().value()));
        } else if (s instanceof Symbol.WaveVector w) {
            return CodeBlock.of(w.quantity() == Symbol.WaveVectorQuantity.K ? "k" : "cosTheta");
        } else if (s instanceof Symbol.Size) {
            return CodeBlock.of("ellS");
        }
        throw new IllegalStateException("unlowered name " + s);
    }
}
