package org.crdl.codegen;

import com.squareup.javapoet.CodeBlock;
import com.squareup.javapoet.MethodSpec;
import com.squareup.javapoet.TypeSpec;
import java.util.HashMap;
import java.util.Map;
import javax.lang.model.element.Modifier;
import org.crdl.ir.Lowered;
import org.crdl.ir.Symbol;
import org.crdl.runtime.params.ParameterSet;
import org.crdl.runtime.particles.Resonance;
import org.crdl.runtime.particles.ResonanceQuantity;
import org.crdl.runtime.particles.Species;
import org.crdl.runtime.plasma.PhaseModel;
import org.crdl.runtime.plasma.PhaseState;
import org.crdl.runtime.plasma.PlasmaQuantity;

/**
 * Emits one phase as a static nested class implementing {@link PhaseModel}: fields that do
 * not depend on the rigidity are final cgs fields set in the constructor; the others are
 * computed in at(species, R) after the resonance is built from the phase's B.
 */
final class PhaseEmitter {
    private PhaseEmitter() {
    }

    static TypeSpec emit(Lowered.Phase lowered, String className) {
        String phase = lowered.def().name();
        Naming naming = new Naming();
        Map<String, String> vars = new HashMap<>();
        boolean[] dynamicContext = {false};
        ExprEmitter expr = new ExprEmitter(s -> name(s, vars, dynamicContext[0]));
        TypeSpec.Builder type = TypeSpec.classBuilder(className)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addSuperinterface(PhaseModel.class)
                .addJavadoc("phase $L ($L)\n", phase, Naming.location(lowered.def().span()));
        type.addField(ParameterSet.class, "params", Modifier.PRIVATE, Modifier.FINAL);
        boolean anyDynamic = lowered.fields().stream().anyMatch(Lowered.Field::rigidityDependent);
        if (!anyDynamic) {
            type.addField(PhaseState.class, "state", Modifier.PRIVATE, Modifier.FINAL);
        }
        MethodSpec.Builder ctor = MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
                .addParameter(ParameterSet.class, "params")
                .addStatement("this.params = params")
                .addStatement("$T.Builder b = $T.builder($S)", PhaseState.class, PhaseState.class, phase);
        for (Lowered.Field f : lowered.fields()) {
            if (f.rigidityDependent()) {
                continue;
            }
            String v = naming.fieldVariable(f.name());
            type.addField(double.class, v, Modifier.PRIVATE, Modifier.FINAL);
            ctor.addCode("// $L\n", Naming.location(f.span()))
                    .addStatement("$L = $L", v, expr.emit(f.value()))
                    .addStatement("b.put($S, $L)", f.name(), v);
            vars.put(f.name(), v);
        }
        if (!anyDynamic) {
            ctor.addStatement("state = b.build()");
        }
        type.addMethod(ctor.build());
        type.addMethod(MethodSpec.methodBuilder("name").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                .returns(String.class).addStatement("return $S", phase).build());
        MethodSpec.Builder at = MethodSpec.methodBuilder("at").addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC).returns(PhaseState.class)
                .addParameter(Species.class, "species").addParameter(double.class, "rigidity");
        if (!anyDynamic) {
            at.addStatement("return state");
        } else {
            at.addStatement("$T.Builder b = $T.builder($S)", PhaseState.class, PhaseState.class, phase);
            for (Lowered.Field f : lowered.fields()) {
                if (!f.rigidityDependent()) {
                    at.addStatement("b.put($S, $L)", f.name(), vars.get(f.name()));
                }
            }
            String field = vars.containsKey("B") ? vars.get("B") : "Double.NaN";
            at.addStatement("$T res = $T.of(species, rigidity, $L)", Resonance.class, Resonance.class, field);
            dynamicContext[0] = true;
            for (Lowered.Field f : lowered.fields()) {
                if (!f.rigidityDependent()) {
                    continue;
                }
                String v = naming.fieldVariable(f.name());
                at.addCode("// $L\n", Naming.location(f.span()))
                        .addStatement("double $L = $L", v, expr.emit(f.value()))
                        .addStatement("b.put($S, $L)", f.name(), v);
                vars.put(f.name(), v);
            }
            at.addStatement("return b.build()");
        }
        type.addMethod(at.build());
        return type.build();
    }

    /** How names read inside a phase: its fields are variables; derived quantities read the fields so far. */
    private static CodeBlock name(Symbol s, Map<String, String> vars, boolean dynamic) {
        if (s instanceof Symbol.Field f) {
            String v = vars.get(f.name());
            if (v == null) {
                throw new IllegalStateException("phase field " + f.name() + " used before it is computed");
            }
            return CodeBlock.of("$L", v);
        } else if (s instanceof Symbol.Param p) {
            return CodeBlock.of("params.value($L)", p.index());
        } else if (s instanceof Symbol.Plasma p) {
            return CodeBlock.of("$T.$L.of(b.snapshot(), $L)", PlasmaQuantity.class, p.quantity().name(),
                    dynamic ? "res" : "null");
        } else if (s instanceof Symbol.Resonance r) {
            return CodeBlock.of("$T.$L.of(res)", ResonanceQuantity.class, r.quantity().name());
        } else if (s instanceof Symbol.Constant c) {
            return CodeBlock.of("$L", ExprEmitter.literal(c.constant().value()));
        }
        throw new IllegalStateException("name " + s + " cannot appear in a phase field");
    }
}
