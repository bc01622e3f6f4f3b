package org.crdl.cli;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.crdl.diag.Diagnostics;
import org.crdl.ir.Program;
import org.crdl.run.StructureChecks;
import org.crdl.runtime.output.LineStyle;
import org.crdl.runtime.output.LogLogChart;
import org.crdl.runtime.particles.Species;
import org.crdl.runtime.structures.PatchyScattering;
import org.crdl.runtime.structures.StructureRates;
import org.crdl.runtime.units.Constants;

/**
 * `crdl rates` for a scattering block of structures: the fixed columns (ν_s is the transport rate
 * ⟨ν⟩_eff (1 + τ_s f_V) with the trapping delay on; e_A/e_B is empty), then
 * {@code nu_patch_per_s, nu_bg_per_s, ell_mfp_pc, f_V, f_M} (f_M only when a structure gives ρ_s),
 * {@code tau_s_min, tau_s_f_V, N_scat} (with the block's residence_time, 1 Myr by default, L230),
 * {@code regime, phase}; the V1–V10 findings on this grid are printed as warnings first.
 */
final class StructureRatesOutput {
    static final String COLUMNS = "nu_patch_per_s,nu_bg_per_s,ell_mfp_pc,f_V,f_M,tau_s_min,tau_s_f_V,N_scat";

    private StructureRatesOutput() {
    }

    static int print(Program program, String block, PatchyScattering patchy, Species species, double[] grid, Path plot,
                     String model) {
        StructureRates.Table table = StructureRates.compute(patchy, species, grid);
        Diagnostics warnings = new Diagnostics();
        StructureChecks.report(program, block, table.findings(), warnings);
        Reporter.print(warnings, System.err);
        boolean mass = false;
        Set<String> phases = new LinkedHashSet<>();
        for (int i = 0; i < patchy.size(); i++) {
            mass |= patchy.structure(i).hasDensity();
            phases.add(patchy.structure(i).phase());
        }
        String phase = String.join("+", phases);
        StringBuilder out = new StringBuilder(RatesCommand.HEADER).append(',')
                .append(mass ? COLUMNS : COLUMNS.replace(",f_M", "")).append(",regime,phase").append(System.lineSeparator());
        List<PatchyScattering.Breakdown> rows = table.rows();
        for (int i = 0; i < rows.size(); i++) {
            PatchyScattering.Breakdown b = rows.get(i);
            double nu = b.nuEffective() * (patchy.trappingDelay() ? 1 + b.trapped() : 1);
            double v = b.speed();
            double kappa = nu > 0 ? v * v / (3 * nu) : Double.POSITIVE_INFINITY;
            StringBuilder line = new StringBuilder();
            line.append(n(b.rigidityGV())).append(',').append(n(v / Constants.C)).append(",,").append(n(nu)).append(',')
                    .append(n(kappa)).append(',').append(n(kappa / 3)).append(',').append(n(table.deltaS()[i]))
                    .append(',').append(n(b.nuPatch())).append(',').append(n(b.nuBackground())).append(',')
                    .append(n(b.meanFreePath() / Constants.PC)).append(',').append(n(b.filling()));
            if (mass) {
                line.append(',').append(n(b.massFraction()));
            }
            line.append(',').append(n(b.tauMin())).append(',').append(n(b.trapped())).append(',')
                    .append(n(b.scatterings())).append(',').append(nu > 0 ? "patchy" : "free_streaming").append(',')
                    .append(phase);
            out.append(line).append(System.lineSeparator());
        }
        System.out.print(out);
        System.out.flush();
        if (plot != null) {
            plot(table, plot, model, block, species);
        }
        return Main.OK;
    }

    private static String n(double v) {
        return RatesCommand.num(v);
    }

    /** ⟨ν⟩_eff, ν_patch, ν_bg and f_V of the scattering structures versus R (two panels). */
    private static void plot(StructureRates.Table table, Path file, String model, String block, Species sp) {
        double[] r = table.rows().stream().mapToDouble(PatchyScattering.Breakdown::rigidityGV).toArray();
        LogLogChart nu = new LogLogChart("⟨ν⟩_eff: " + model + " / " + block + " (" + sp.name() + ")", "R [GV]",
                "ν [s^-1]");
        nu.addSeries("⟨ν⟩_eff", r, table.rows().stream().mapToDouble(PatchyScattering.Breakdown::nuEffective).toArray(),
                LineStyle.SOLID);
        double[] bg = table.rows().stream().mapToDouble(PatchyScattering.Breakdown::nuBackground).toArray();
        if (java.util.Arrays.stream(bg).anyMatch(x -> x > 0)) {
            nu.addSeries("ν_patch", r, table.rows().stream().mapToDouble(PatchyScattering.Breakdown::nuPatch).toArray(),
                    LineStyle.DASHED);
            nu.addSeries("ν_bg", r, bg, LineStyle.DOTTED);
        }
        LogLogChart fv = new LogLogChart("f_V of the scattering structures: " + block, "R [GV]", "f_V");
        fv.addSeries("f_V", r, table.rows().stream().mapToDouble(PatchyScattering.Breakdown::filling).toArray(),
                LineStyle.SOLID);
        var report = LogLogChart.writePanels(file, 760, 560, nu, fv);
        report.messages().forEach(m -> System.err.println("note: " + m));
    }
}
