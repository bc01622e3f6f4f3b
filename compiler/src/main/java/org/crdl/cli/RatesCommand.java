package org.crdl.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.crdl.Pipeline;
import org.crdl.runtime.model.CompiledModel;
import org.crdl.runtime.params.ParameterSet;
import org.crdl.runtime.particles.Species;
import org.crdl.runtime.plasma.ModelException;
import org.crdl.runtime.plasma.PhaseModel;
import org.crdl.runtime.output.CsvTable;
import org.crdl.runtime.output.LineStyle;
import org.crdl.runtime.output.LogLogChart;
import org.crdl.runtime.waves.Rates;
import org.crdl.runtime.waves.ScatteringInfo;
import org.crdl.runtime.waves.ScatteringModel;
import org.crdl.runtime.waves.WaveBalance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code crdl rates FILE --scattering S --phase P [--phase P2…] [--rigidity LO:HI:N] [--species p] [--plot F.png]}:
 * the local wave balance per rigidity as CSV (DESIGN §5): the fixed columns, one column per
 * law at the solution, then {@code regime}, {@code phase} (and the signed streaming speed for
 * split-wave blocks). Empty cells mean "undefined here" (δ_s where ν = 0), "inf" an infinite κ.
 */
@Command(name = "rates", description = "Local wave balance per rigidity: ν, κ, D_xx, δ_s and every law, as CSV.")
final class RatesCommand implements Callable<Integer> {
    static final String HEADER = "R_GV,beta,e_A_over_e_B,nu_s_per_s,kappa_par_cm2_per_s,D_xx_cm2_per_s,delta_s";

    @Parameters(paramLabel = "FILE")
    Path file;

    @Option(names = "--scattering", paramLabel = "S", description = "scattering block (default: the only one)")
    String scattering;

    @Option(names = "--phase", paramLabel = "P", description = "phase (repeatable; default: the only one)")
    List<String> phases = new ArrayList<>();

    @Option(names = "--rigidity", paramLabel = "LO:HI:N", description = "log grid in GV (default 0.01:1e4:61)")
    String rigidity = "0.01:1e4:61";

    @Option(names = "--species", paramLabel = "NAME", description = "species (default p)")
    String species = "p";

    @Option(names = "--plot", paramLabel = "FILE.png", description = "plot ν(R) and κ(R) per phase")
    Path plot;

    @Mixin
    ModelOptions options;

    @Override
    public Integer call() {
        if (org.crdl.archive.ArchiveLayout.isArchive(file)) {
            return ArchiveSession.within(file, options, (model, archived) -> {
                file = model;
                options = archived;
                return call();
            });
        }
        Pipeline.Checked checked = Pipeline.check(file);
        Reporter.print(checked.diagnostics(), System.err);
        if (!checked.ok()) {
            return Main.MODEL_ERROR;
        }
        CompiledModel model = Pipeline.build(checked.program().get(), Pipeline.sourcePath(file), options.engine());
        ParameterSet params = options.parameters(model);
        String block = pick(scattering, model.scatteringNames(), "scattering block", "--scattering", model.name());
        ScatteringModel scatteringModel = model.scattering(block, params);
        if (scatteringModel instanceof org.crdl.runtime.structures.PatchyScattering patchy) {
            // each structure is evaluated in its own phase: --phase is not needed
            return StructureRatesOutput.print(checked.program().get(), block, patchy, species(), grid(rigidity), plot,
                    model.name());
        }
        List<String> phaseNames = phases.isEmpty()
                ? (model.phaseNames().length == 0 ? List.of() : List.of(pick(null, model.phaseNames(), "phase",
                "--phase", model.name())))
                : phases;
        Species sp = species();
        double[] grid = grid(rigidity);
        ScatteringInfo info = scatteringModel.info();
        boolean split = "split".equals(info.waveMode()) && !info.phenomenological();

        List<String> columns = new ArrayList<>(List.of(HEADER.split(",")));
        if (!info.phenomenological()) {
            columns.addAll(info.termNames());
        }
        columns.addAll(List.of("regime", "phase"));
        if (split) {
            columns.add("v_A_bar_over_v_A_eff");
        }
        CsvTable table = describe(new CsvTable(columns).text("regime", "phase").allowMissing().allowInfinity(), sp)
                .meta("model", model.name()).meta("scattering", block).meta("species", sp.name())
                .meta("source_sha256", model.sourceHash()).meta("generator", "crdl 0.1.0");
        // the whole table is printed only once every row is solved: an error leaves no truncated CSV on stdout
        Map<String, List<Rates.Row>> all = new LinkedHashMap<>();
        for (String p : phaseNames.isEmpty() ? List.of("none") : phaseNames) {
            PhaseModel phaseModel = phaseNames.isEmpty() ? PhaseModel.none() : model.phase(p, params);
            List<Rates.Row> rows = Rates.compute(scatteringModel, phaseModel, sp, grid);
            all.put(p, rows);
            for (Rates.Row r : rows) {
                table.addCells(cells(r, info, p, split));
            }
        }
        System.out.print(table);
        System.out.flush();
        if (plot != null) {
            plot(all, block, model.name(), sp);
        }
        return Main.OK;
    }

    private Species species() {
        return Species.byName(species).orElseThrow(() -> new ModelException("unknown species '" + species
                + "'; known: " + String.join(", ", Species.names())));
    }

    static String pick(String given, String[] names, String kind, String option, String model) {
        if (given != null) {
            return given;
        }
        if (names.length == 1) {
            return names[0];
        }
        throw new ModelException("model " + model + " has " + (names.length == 0 ? "no " + kind + "s"
                : names.length + " " + kind + "s (" + String.join(", ", names) + "); choose one with " + option));
    }

    static double[] grid(String spec) {
        String[] p = spec.split(":");
        try {
            if (p.length == 3) {
                return Rates.logGrid(Double.parseDouble(p[0]), Double.parseDouble(p[1]), Integer.parseInt(p[2]));
            }
            if (p.length == 1) {
                return new double[] {Double.parseDouble(p[0])};
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ModelException("--rigidity expects LO:HI:N in GV (e.g. 0.01:1e4:61) or one rigidity; got '"
                + spec + "'");
    }

    private static Object[] cells(Rates.Row r, ScatteringInfo info, String phase, boolean split) {
        WaveBalance.Solution s = r.solution();
        List<Object> c = new ArrayList<>(List.of(r.rigidityGV(), s.resonance().beta(), s.eOverEB(), s.nu(),
                s.kappaPar(), s.dxx(), r.deltaS()));
        if (!info.phenomenological()) {
            for (double t : s.terms()) {
                c.add(t);
            }
        }
        c.add(s.regime().label);
        c.add(phase);
        if (split) {
            c.add(s.streaming());
        }
        return c.toArray();
    }

    /** Units and descriptions of the rates columns (ECSV header). */
    private static CsvTable describe(CsvTable t, Species sp) {
        t.describe("R_GV", "GV", "rigidity of " + sp.name()).gridColumn("R_GV", 12)
                .describe("beta", null, "v/c")
                .describe("e_A_over_e_B", null, "Alfven-wave energy over magnetic energy, solved from the local balance")
                .describe("nu_s_per_s", "1 / s", "pitch-angle scattering rate nu_s")
                .describe("kappa_par_cm2_per_s", "cm2 / s", "parallel diffusivity kappa_par")
                .describe("D_xx_cm2_per_s", "cm2 / s", "isotropic spatial diffusion coefficient D_xx")
                .describe("delta_s", null, "local slope -d ln nu / d ln R (empty where nu vanishes)")
                .describe("regime", null, "balance regime").describe("phase", null, "ISM phase");
        for (String c : t.columns()) {
            if (c.startsWith("S.")) {
                t.describe(c, "erg / (cm3 s)", "source term " + c.substring(2));
            } else if (c.startsWith("Gamma.")) {
                t.describe(c, "1 / s", "damping rate " + c.substring(6));
            } else if (c.equals("v_A_bar_over_v_A_eff")) {
                t.describe(c, null, "net streaming speed of split waves over v_A_eff");
            }
        }
        return t;
    }

    /** A CSV cell: "" for an undefined value (e.g. δ_s where ν vanishes), else as {@link CsvTable#format}. */
    static String num(double v) {
        return Double.isNaN(v) ? "" : CsvTable.format(v);
    }

    private void plot(Map<String, List<Rates.Row>> all, String block, String model, Species sp) {
        LogLogChart nu = new LogLogChart("ν_s: " + model + " / " + block + " (" + sp.name() + ")", "R [GV]",
                "ν_s [s^-1]");
        LogLogChart kappa = new LogLogChart("κ_∥: " + model + " / " + block + " (" + sp.name() + ")", "R [GV]",
                "κ_∥ [cm^2 s^-1]");
        // the empirical band nu = 1e-9 s^-1 beta R_GV^-delta, delta 0.5-0.7 (hopkins2022 L249, L255), and its kappa
        double[] rb = Rates.logGrid(all.values().iterator().next().get(0).rigidityGV(),
                all.values().iterator().next().get(all.values().iterator().next().size() - 1).rigidityGV(), 60);
        if (rb.length > 1) {
            double[][] band = new double[4][rb.length];
            for (int i = 0; i < rb.length; i++) {
                double beta = org.crdl.runtime.particles.Kinematics.betaFromRigidity(sp, rb[i] * org.crdl.runtime.units.Constants.GV);
                double v = beta * org.crdl.runtime.units.Constants.C;
                band[0][i] = 1e-9 * beta * Math.pow(rb[i], -0.7);
                band[1][i] = 1e-9 * beta * Math.pow(rb[i], -0.5);
                band[2][i] = v * v / (3 * band[1][i]);
                band[3][i] = v * v / (3 * band[0][i]);
            }
            java.awt.Color green = new java.awt.Color(0x2ca02c);
            String label = "empirical: ν = 1e-9 s⁻¹ β R^-(0.5…0.7) (hopkins2022 L249)";
            nu.addBand(label, rb, band[0], band[1], green);
            kappa.addBand(label, rb, band[2], band[3], green);
        }
        for (Map.Entry<String, List<Rates.Row>> e : all.entrySet()) {
            double[] r = e.getValue().stream().mapToDouble(Rates.Row::rigidityGV).toArray();
            nu.addSeries(e.getKey(), r, e.getValue().stream().mapToDouble(x -> x.solution().nu()).toArray(), LineStyle.SOLID);
            kappa.addSeries(e.getKey(), r, e.getValue().stream().mapToDouble(x -> x.solution().kappaPar()).toArray(),
                    LineStyle.SOLID);
        }
        var report = LogLogChart.writePanels(plot, 760, 560, nu, kappa);
        report.messages().forEach(m -> System.err.println("note: " + m));
    }
}
