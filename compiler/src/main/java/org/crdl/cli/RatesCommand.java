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
import org.crdl.runtime.output.OutputFolder;
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
@Command(name = "rates", description = {"Local wave balance per rigidity: ν, κ, D_xx, δ_s and every law, as CSV.",
    "'inf' κ and D_xx: free streaming (no waves); an empty cell: undefined there (δ_s where ν = 0)."})
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

    @Mixin
    RootsOption roots;

    @Override
    public Integer call() {
        if (org.crdl.archive.ArchiveLayout.isArchive(file)) {
            return ArchiveSession.within(file, options, (model, archived, spec) -> {
                file = model;
                options = archived;
                return call();
            });
        }
        double[] grid = grid(rigidity);   // bad options are usage errors before any work
        if (plot != null && java.nio.file.Files.isDirectory(plot)) {
            throw new UsageException("--plot " + plot + " is a folder; give a .png file name");
        }
        Pipeline.Checked checked = Pipeline.check(file, roots.roots(file));
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
                : phases.stream().map(p -> pick(p, model.phaseNames(), "phase", "--phase", model.name())).toList();
        Species sp = species();
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
        return Species.byName(species).orElseThrow(() -> new UsageException("unknown species '" + species
                + "'; known: " + String.join(", ", Species.names())));
    }

    static String pick(String given, String[] names, String kind, String option, String model) {
        if (given != null) {
            if (!java.util.Arrays.asList(names).contains(given)) {
                throw new UsageException("model " + model + " has no " + kind + " '" + given + "'; " + kind + "s: "
                        + (names.length == 0 ? "none" : String.join(", ", names)));
            }
            return given;
        }
        if (names.length == 1) {
            return names[0];
        }
        throw new UsageException("model " + model + " has " + (names.length == 0 ? "no " + kind + "s"
                : names.length + " " + kind + "s (" + String.join(", ", names) + "); choose one with " + option));
    }

    /** The most rigidities one command solves (a 10⁵-point curve is far beyond any plot or fit). */
    static final int MAX_RIGIDITIES = 100_000;

    /** A --rigidity grid: LO:HI:N (log-spaced, 0 &lt; LO &le; HI finite, 1 &le; N &le; {@value #MAX_RIGIDITIES}) or one value. */
    static double[] grid(String spec) {
        String[] p = spec.split(":", -1);
        try {
            if (p.length == 3) {
                double lo = Double.parseDouble(p[0].strip());
                double hi = Double.parseDouble(p[1].strip());
                long n = Long.parseLong(p[2].strip());
                if (n < 1 || n > MAX_RIGIDITIES) {
                    throw new UsageException("--rigidity " + spec + ": N must be from 1 to " + MAX_RIGIDITIES + ", got " + n);
                }
                if (!(lo > 0) || !(hi >= lo) || Double.isInfinite(hi)) {
                    throw new UsageException("--rigidity " + spec + ": need 0 < LO <= HI, both finite, in GV");
                }
                return Rates.logGrid(lo, hi, (int) n);
            }
            if (p.length == 1) {
                double r = Double.parseDouble(p[0].strip());
                if (!(r > 0) || Double.isInfinite(r)) {
                    throw new UsageException("--rigidity " + spec + ": the rigidity must be positive and finite, in GV");
                }
                return new double[] {r};
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--rigidity expects LO:HI:N in GV (e.g. 0.01:1e4:61) or one rigidity; got '"
                + spec + "'");
    }

    private static Object[] cells(Rates.Row r, ScatteringInfo info, String phase, boolean split) {
        WaveBalance.Solution s = r.solution();
        String where = "model " + info.model() + ", phase " + phase + ", R = " + r.rigidityGV() + " GV";
        List<Object> c = new ArrayList<>(List.of(r.rigidityGV(), s.resonance().beta(),
                finite(s.eOverEB(), "e_A_over_e_B", where), finite(s.nu(), "nu", where), s.kappaPar(), s.dxx(),
                finite(r.deltaS(), "delta_s", where)));
        if (!info.phenomenological()) {
            for (int i = 0; i < s.terms().length; i++) {
                c.add(finite(s.terms()[i], info.termNames().get(i), where));
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

    /**
     * A column that may be empty (undefined) but never infinite: only κ_∥ and D_xx may be "inf"
     * (free streaming, README "NaN and infinity"); anything else infinite is an error saying where.
     */
    private static double finite(double v, String column, String where) {
        if (Double.isInfinite(v)) {
            throw new ModelException(where + ": " + column + " is infinite (an overflow in the model's laws or "
                    + "an extreme field or rigidity)");
        }
        return v;
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
        List<String> notes = new ArrayList<>();
        OutputFolder.writeFile(plot, p -> notes.addAll(LogLogChart.writePanels(p, 760, 560, nu, kappa).messages()));
        notes.forEach(m -> System.err.println("note: " + m));
    }
}
