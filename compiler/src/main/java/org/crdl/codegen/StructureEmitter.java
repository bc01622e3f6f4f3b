package org.crdl.codegen;

import com.squareup.javapoet.CodeBlock;
import com.squareup.javapoet.FieldSpec;
import com.squareup.javapoet.MethodSpec;
import com.squareup.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;
import org.crdl.ir.Lowered;
import org.crdl.ir.Node;
import org.crdl.ir.Structures;
import org.crdl.passes.Lowering;
import org.crdl.runtime.params.ParameterSet;
import org.crdl.runtime.particles.Resonance;
import org.crdl.runtime.plasma.PhaseModel;
import org.crdl.runtime.plasma.PhaseState;
import org.crdl.runtime.structures.PatchyScattering;
import org.crdl.runtime.structures.Structure;
import org.crdl.runtime.structures.StructureInfo;
import org.crdl.runtime.waves.ScatteringModel;

/**
 * Emits a {@code structure} as a static nested class implementing {@link Structure}: its laws of
 * ℓ_S are lowered together ({@link Lowering#lowerRoots}), so what depends only on parameters is
 * computed in the constructor, what depends on the phase and rigidity in bind(), and
 * sizeMin()/…/opticalDepth(ellS) are the short per-size expressions the size integral calls.
 * A scattering block of structures is emitted as a subclass of the runtime's
 * {@link PatchyScattering} that only wires the populations, their phases and the background.
 */
final class StructureEmitter {
    private StructureEmitter() {
    }

    static TypeSpec emit(Structures.Def def, String className) {
        List<Node> roots = new ArrayList<>(List.of(def.sizeMin(), def.sizeMax(), def.longAxis(), def.abundance(),
                def.opticalDepth()));
        def.densityRatio().ifPresent(roots::add);
        def.scaleHeight().ifPresent(roots::add);
        Lowered.Roots lowered = Lowering.lowerRoots(roots);
        ExprEmitter expr = new ExprEmitter(ScatteringEmitter::name);
        TypeSpec.Builder type = TypeSpec.classBuilder(className)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addSuperinterface(Structure.class)
                .addJavadoc("structure $L ($L)\n", def.name(), Naming.location(def.span()));
        type.addField(FieldSpec.builder(StructureInfo.class, "INFO", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer("$T.of($S, $L, $L, $L, $L, $S)", StructureInfo.class, def.name(), def.dimensionality(),
                        def.range(), def.filling(), def.densityRatio().isPresent(), def.phase()).build());
        type.addField(ParameterSet.class, "params", Modifier.PRIVATE, Modifier.FINAL);
        MethodSpec.Builder ctor = MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
                .addParameter(ParameterSet.class, "params").addStatement("this.params = params");
        for (Lowered.TempDef t : lowered.constructorTemps()) {
            type.addField(ScatteringEmitter.tempType(t), t.temp().name(), Modifier.PRIVATE, Modifier.FINAL);
            ctor.addCode("// $L\n", Naming.location(t.origin()))
                    .addStatement("$L = $L", t.temp().name(), expr.emit(t.value()));
        }
        type.addMethod(ctor.build());
        type.addField(PhaseState.class, "phase", Modifier.PRIVATE);
        type.addField(Resonance.class, "res", Modifier.PRIVATE);
        MethodSpec.Builder bind = MethodSpec.methodBuilder("bind").addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC).addParameter(PhaseState.class, "phase")
                .addParameter(Resonance.class, "res")
                .addStatement("this.phase = phase").addStatement("this.res = res");
        for (Lowered.TempDef t : lowered.bindTemps()) {
            type.addField(ScatteringEmitter.tempType(t), t.temp().name(), Modifier.PRIVATE);
            bind.addCode("// $L\n", Naming.location(t.origin()))
                    .addStatement("$L = $L", t.temp().name(), expr.emit(t.value()));
        }
        type.addMethod(MethodSpec.methodBuilder("info").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                .returns(StructureInfo.class).addStatement("return INFO").build());
        type.addMethod(bind.build());
        List<Node> r = lowered.roots();
        type.addMethod(getter("sizeMin", expr.emit(r.get(0))));
        type.addMethod(getter("sizeMax", expr.emit(r.get(1))));
        type.addMethod(ofSize("longAxis", expr.emit(r.get(2))));
        type.addMethod(ofSize("abundance", expr.emit(r.get(3))));
        type.addMethod(ofSize("opticalDepth", expr.emit(r.get(4))));
        int next = 5;
        type.addMethod(ofSize("densityRatio", def.densityRatio().isPresent() ? expr.emit(r.get(next++))
                : CodeBlock.of("Double.NaN")));
        type.addMethod(getter("scaleHeight", def.scaleHeight().isPresent() ? expr.emit(r.get(next))
                : CodeBlock.of("Double.NaN")));
        return type.build();
    }

    /** The block: a PatchyScattering wired with generated structures, phases and background. */
    static TypeSpec emitBlock(Structures.Block block, Map<String, Structures.Def> defs, Map<String, String> structureClasses,
                              Map<String, String> phaseClasses, Map<String, String> scatteringClasses, String className) {
        CodeBlock.Builder structures = CodeBlock.builder();
        CodeBlock.Builder phases = CodeBlock.builder();
        for (int i = 0; i < block.structures().size(); i++) {
            String s = block.structures().get(i);
            structures.add(i == 0 ? "new $L(params)" : ", new $L(params)", structureClasses.get(s));
            phases.add(i == 0 ? "new $L(params)" : ", new $L(params)", phaseClasses.get(defs.get(s).phase()));
        }
        CodeBlock background = block.background().map(b -> CodeBlock.of("new $L(params)", scatteringClasses.get(b)))
                .orElse(CodeBlock.of("null"));
        MethodSpec ctor = MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
                .addParameter(ParameterSet.class, "params")
                .addStatement("super(MODEL, $S, new $T[] {$L}, new $T[] {$L}, $L, $S, $L, $L)", block.name(),
                        Structure.class, structures.build(), PhaseModel.class, phases.build(),
                        CodeBlock.of("($T) $L", ScatteringModel.class, background), block.weight().keyword,
                        block.trappingDelay(), ExprEmitter.literal(block.residenceTime()))
                .build();
        return TypeSpec.classBuilder(className).addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .superclass(PatchyScattering.class)
                .addJavadoc("scattering $L ($L): structures $L\n", block.name(), Naming.location(block.span()),
                        String.join(", ", block.structures()))
                .addMethod(ctor).build();
    }

    private static MethodSpec getter(String name, CodeBlock body) {
        return MethodSpec.methodBuilder(name).addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                .returns(double.class).addStatement("return $L", body).build();
    }

    private static MethodSpec ofSize(String name, CodeBlock body) {
        return MethodSpec.methodBuilder(name).addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                .returns(double.class).addParameter(double.class, "ellS").addStatement("return $L", body).build();
    }
}
