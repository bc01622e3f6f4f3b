package org.crdl.run;

import java.util.List;
import org.crdl.Pipeline;
import org.crdl.diag.Code;
import org.crdl.diag.Diagnostics;
import org.crdl.diag.SourceSpan;
import org.crdl.ir.Program;
import org.crdl.ir.Structures;
import org.crdl.runtime.model.CompiledModel;
import org.crdl.runtime.params.ParameterSet;
import org.crdl.runtime.particles.Species;
import org.crdl.runtime.plasma.ModelException;
import org.crdl.runtime.structures.PatchyScattering;
import org.crdl.runtime.structures.StructureRates;
import org.crdl.runtime.structures.Validation;
import org.crdl.runtime.waves.Rates;

/**
 * The validation rules V1–V10 of structure blocks as diagnostics (W0511–W0520): each finding of
 * {@link Validation} becomes a warning at the structure's (or the block's) name.
 */
public final class StructureChecks {
    /** The grid `crdl check` evaluates the rules on: the default of `crdl rates`, 0.01–10⁴ GV, 61 points. */
    public static final double[] CHECK_GRID = Rates.logGrid(0.01, 1e4, 61);

    private StructureChecks() {
    }

    /** Report the findings of one block's table. */
    public static void report(Program program, String block, List<Validation.Finding> findings, Diagnostics into) {
        Structures.Block b = program.structures().blocks().get(block);
        for (Validation.Finding f : findings) {
            SourceSpan at = f.structure().isEmpty() ? b.nameSpan()
                    : program.structures().structures().get(f.structure()).nameSpan();
            String subject = f.structure().isEmpty() ? "scattering " + block : "structure " + f.structure();
            into.report(code(f), at, subject + ": " + f.message());
        }
    }

    /** Every structure block of a checked program on {@link #CHECK_GRID} (protons, interpreted). */
    public static void checkAll(Program program, Diagnostics into) {
        if (program.structures().blocks().isEmpty()) {
            return;
        }
        CompiledModel model = Pipeline.build(program, program.root().displayPath(), Pipeline.Engine.INTERPRETED);
        ParameterSet params = model.defaultParameters();
        for (String block : program.structures().blocks().keySet()) {
            PatchyScattering p = (PatchyScattering) model.scattering(block, params);
            try {
                report(program, block, StructureRates.compute(p, Species.proton(), CHECK_GRID).findings(), into);
            } catch (ModelException e) {
                into.report(Code.STRUCTURE_BAD_VALUE, program.structures().blocks().get(block).nameSpan(),
                        "scattering " + block + " cannot be evaluated: " + e.getMessage());
            }
        }
    }

    private static Code code(Validation.Finding f) {
        return Code.valueOf("STRUCTURE_" + f.rule().name());
    }
}
