package org.crdl.codegen;

import com.squareup.javapoet.MethodSpec;
import com.squareup.javapoet.TypeSpec;
import javax.lang.model.element.Modifier;
import org.crdl.ir.Lowered;
import org.crdl.ir.Program;
import org.crdl.passes.Lowering;
import org.crdl.runtime.params.ParameterSet;
import org.crdl.runtime.particles.Resonance;
import org.crdl.runtime.plasma.PhaseState;
import org.crdl.runtime.turbulence.DampingLaw;

/**
 * Emits a fast-mode damping law Γ(k, cos θ) as a static nested class implementing
 * {@link DampingLaw}: everything that depends only on the phase and parameters is hoisted into
 * bind()/the constructor ({@link Lowering#lowerDampingLaw}, speculatively, out of both branches
 * of an {@code if}), and rate(k, cosTheta) is what the truncation search calls.
 */
final class DampingLawEmitter {
    private DampingLawEmitter() {
    }

    static TypeSpec emit(Program.LawDef law, String className) {
        Lowered.Law lowered = Lowering.lowerDampingLaw(law);
        ExprEmitter expr = new ExprEmitter(ScatteringEmitter::name);
        TypeSpec.Builder type = TypeSpec.classBuilder(className)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addSuperinterface(DampingLaw.class)
                .addJavadoc("fast-mode damping $L ($L)\n", law.name(), Naming.location(law.span()));
        type.addField(ParameterSet.class, "params", Modifier.PRIVATE, Modifier.FINAL);
        MethodSpec.Builder ctor = MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
                .addParameter(ParameterSet.class, "params").addStatement("this.params = params");
        for (Lowered.TempDef t : lowered.constructorTemps()) {
            type.addField(ScatteringEmitter.tempType(t), t.temp().name(), Modifier.PRIVATE, Modifier.FINAL);
            ctor.addCode("// $L\n", Naming.location(t.origin()))
                    .addStatement("$L = $L", t.temp().name(), expr.emit(t.value()));
        }
        type.addMethod(ctor.build());
        type.addMethod(MethodSpec.methodBuilder("name").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                .returns(String.class).addStatement("return $S", law.name()).build());
        MethodSpec.Builder bind = MethodSpec.methodBuilder("bind").addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC).addParameter(PhaseState.class, "phase")
                .addStatement("$T res = null", Resonance.class);   // plasma quantities of a phase need no resonance
        for (Lowered.TempDef t : lowered.bindTemps()) {
            type.addField(ScatteringEmitter.tempType(t), t.temp().name(), Modifier.PRIVATE);
            bind.addCode("// $L\n", Naming.location(t.origin()))
                    .addStatement("$L = $L", t.temp().name(), expr.emit(t.value()));
        }
        type.addMethod(bind.build());
        type.addMethod(MethodSpec.methodBuilder("rate").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                .returns(double.class).addParameter(double.class, "k").addParameter(double.class, "cosTheta")
                .addStatement("return $L", expr.emit(lowered.body())).build());
        return type.build();
    }
}
