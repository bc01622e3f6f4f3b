package org.crdl.run;

import java.nio.file.Path;
import java.util.Optional;
import org.crdl.ir.Galaxy;
import org.crdl.runtime.model.CompiledModel;
import org.crdl.runtime.output.CsvTable;
import org.crdl.runtime.params.ParameterSet;
import org.crdl.runtime.particles.Species;
import org.crdl.runtime.structures.PatchyScattering;
import org.crdl.runtime.units.Constants;
import org.crdl.runtime.waves.ScatteringModel;

/**
 * What `crdl run` reports for a galaxy whose scattering block is made of structures:
 * {@code structures_<block>.csv} with, per proton rigidity of the run, ⟨ν⟩_eff and its parts,
 * ℓ_mfp, f_V, f_M, τ_s,min, the trapping factor 1 + τ_s f_V (applied to the residence time
 * when {@code trapping_delay = on}), the patch grammage fraction f_M τ_s (reported only), the
 * run's residence time and N_scat = t_res ⟨ν⟩_eff (L230).
 */
public final class StructureOutputs {
    private StructureOutputs() {
    }

    /** The file written, or empty when the galaxy's block is not a structure block. */
    public static Optional<Path> write(Path dir, CompiledModel model, ParameterSet params, GalaxyRunner.Result result) {
        Galaxy.Def g = result.galaxy();
        if (g.scattering().isEmpty() || result.regions().isEmpty()) {
            return Optional.empty();
        }
        ScatteringModel s = model.scattering(g.scattering().get(), params);
        if (!(s instanceof PatchyScattering patchy)) {
            return Optional.empty();
        }
        GalaxyRunner.Region region = result.regions().get(0);
        CsvTable t = new CsvTable(java.util.List.of("R_GV", "nu_eff_per_s", "nu_patch_per_s", "nu_bg_per_s",
                "ell_mfp_pc", "f_V", "f_M", "tau_s_min", "trapping_factor", "patch_grammage_fraction", "t_res_Myr",
                "N_scat")).allowInfinity().allowMissing();
        for (int k = 0; k < region.rigidityGV().length; k++) {
            PatchyScattering.Breakdown b = patchy.bindAt(Species.proton(), region.rigidityGV()[k] * Constants.GV);
            double tres = region.residenceMyr() == null ? Double.NaN : region.residenceMyr()[k];
            t.addRow(b.rigidityGV(), b.nuEffective(), b.nuPatch(), b.nuBackground(), b.meanFreePath() / Constants.PC,
                    b.filling(), b.massFraction(), b.tauMin(), 1 + b.trapped(), b.patchGrammage(), tres,
                    tres * Constants.MYR * b.nuEffective());
        }
        Path file = dir.resolve("structures_" + patchy.name() + ".csv");
        t.write(file);
        return Optional.of(file);
    }
}
