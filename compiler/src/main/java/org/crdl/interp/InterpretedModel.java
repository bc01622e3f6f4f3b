package org.crdl.interp;

import org.crdl.ir.Program;
import org.crdl.runtime.model.CompiledModel;
import org.crdl.runtime.model.Lookup;
import org.crdl.runtime.params.ParameterSet;
import org.crdl.runtime.plasma.PhaseModel;
import org.crdl.runtime.waves.ScatteringModel;

/** A checked program run by the interpreter, behind the same interface as generated code. */
public final class InterpretedModel implements CompiledModel {
    private final Program program;
    private final String hash;

    public InterpretedModel(Program program, String sourceHash) {
        this.program = program;
        this.hash = sourceHash;
    }

    @Override
    public String name() {
        return program.modelName();
    }

    @Override
    public String sourceHash() {
        return hash;
    }

    @Override
    public ParameterSet defaultParameters() {
        return program.parameterSet();
    }

    @Override
    public String[] phaseNames() {
        return program.phases().keySet().toArray(new String[0]);
    }

    @Override
    public String[] scatteringNames() {
        java.util.List<String> names = new java.util.ArrayList<>(program.scatterings().keySet());
        names.addAll(program.structures().blocks().keySet());
        return names.toArray(new String[0]);
    }

    @Override
    public PhaseModel phase(String name, ParameterSet parameters) {
        Program.PhaseDef def = program.phases().get(name);
        if (def == null) {
            throw Lookup.unknown(name(), "phase", name, phaseNames());
        }
        return new InterpretedPhase(def, parameters);
    }

    @Override
    public String[] dampingLawNames() {
        return program.laws().values().stream()
                .filter(l -> org.crdl.ir.Dependencies.dependsOnWaveVector(l.body()))
                .map(Program.LawDef::name).toArray(String[]::new);
    }

    @Override
    public org.crdl.runtime.turbulence.DampingLaw dampingLaw(String name, ParameterSet parameters) {
        Program.LawDef law = program.laws().get(name);
        if (law == null || !org.crdl.ir.Dependencies.dependsOnWaveVector(law.body())) {
            throw Lookup.unknown(name(), "fast-mode damping law", name, dampingLawNames());
        }
        return new InterpretedDampingLaw(law, parameters);
    }

    @Override
    public ScatteringModel scattering(String name, ParameterSet parameters) {
        org.crdl.ir.Structures.Block block = program.structures().blocks().get(name);
        if (block != null) {
            return structureBlock(block, parameters);
        }
        Program.ScatteringDef def = program.scatterings().get(name);
        if (def == null) {
            throw Lookup.unknown(name(), "scattering", name, scatteringNames());
        }
        return new InterpretedScattering(program.modelName(), def, parameters);
    }

    private ScatteringModel structureBlock(org.crdl.ir.Structures.Block block, ParameterSet parameters) {
        int n = block.structures().size();
        org.crdl.runtime.structures.Structure[] structures = new org.crdl.runtime.structures.Structure[n];
        PhaseModel[] phases = new PhaseModel[n];
        for (int i = 0; i < n; i++) {
            org.crdl.ir.Structures.Def def = program.structures().structures().get(block.structures().get(i));
            structures[i] = new InterpretedStructure(def, parameters);
            phases[i] = phase(def.phase(), parameters);
        }
        ScatteringModel background = block.background().map(b -> scattering(b, parameters)).orElse(null);
        return new org.crdl.runtime.structures.PatchyScattering(program.modelName(), block.name(), structures, phases,
                background, block.weight().keyword, block.trappingDelay(), block.residenceTime());
    }
}
