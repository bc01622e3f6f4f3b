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
        List<String> phaseNames = phases.isEmpty()
                ? (model.phaseNames().length == 0 ? List.of() : List.of(pick(null, model.phaseNames(), "phase",
                "--phase", model.name())))
                : phases.stream().map(p -> pick(p, model.phaseNames(), "phase", "--phase", model.name())).toList();
        Species sp = Species.byName(species).orElseThrow(() -> new UsageException("unknown species '" + species
                + "'; known: " + String.join(", ", Species.names())));
        ScatteringModel scatteringModel = model.scattering(block, params);
        ScatteringInfo info = scatteringModel.info();
        boolean split = "split".equals(info.waveMode()) && !info.phenomenological();

        StringBuilder header = new StringBuilder(HEADER);
        if (!info.phenomenological()) {
            info.termNames().forEach(t -> header.append(',').append(t));
        }
        header.append(",regime,phase");
        if (split) {
            header.append(",v_A_bar_over_v_A_eff");
        }
        // the whole table is printed only once every row is solved: an error leaves no truncated CSV on stdout
        StringBuilder table = new StringBuilder(header).append(System.lineSeparator());
        Map<String, List<Rates.Row>> all = new LinkedHashMap<>();
        for (String p : phaseNames.isEmpty() ? List.of("none") : phaseNames) {
            PhaseModel phaseModel = phaseNames.isEmpty() ? PhaseModel.none() : model.phase(p, params);
            List<Rates.Row> rows = Rates.compute(scatteringModel, phaseModel, sp, grid);
            all.put(p, rows);
            for (Rates.Row r : rows) {
                table.append(line(r, info, p, split)).append(System.lineSeparator());
            }
        }
        System.out.print(table);
        System.out.flush();
        if (plot != null) {
            plot(all, block, model.name(), sp);
        }
        return Main.OK;
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

    private static String line(Rates.Row r, ScatteringInfo info, String phase, boolean split) {
        WaveBalance.Solution s = r.solution();
        StringBuilder sb = new StringBuilder();
        String where = "model " + info.model() + ", phase " + phase + ", R = " + r.rigidityGV() + " GV";
        sb.append(num(r.rigidityGV())).append(',').append(num(s.resonance().beta())).append(',')
                .append(finite(s.eOverEB(), "e_A_over_e_B", where)).append(',').append(finite(s.nu(), "nu", where))
                .append(',').append(num(s.kappaPar())).append(',').append(num(s.dxx())).append(',')
                .append(finite(r.deltaS(), "delta_s", where));
        if (!info.phenomenological()) {
            for (int i = 0; i < s.terms().length; i++) {
                sb.append(',').append(finite(s.terms()[i], info.termNames().get(i), where));
            }
        }
        sb.append(',').append(s.regime().label).append(',').append(phase);
        if (split) {
            sb.append(',').append(num(s.streaming()));
        }
        return sb.toString();
    }

    /**
     * A column that may be empty (undefined) but never infinite: only κ_∥ and D_xx may be "inf"
     * (free streaming, README "NaN and infinity"); anything else infinite is an error saying where.
     */
    private static String finite(double v, String column, String where) {
        if (Double.isInfinite(v)) {
            throw new ModelException(where + ": " + column + " is infinite (an overflow in the model's laws or "
                    + "an extreme field or rigidity)");
        }
        return num(v);
    }

    /** A CSV number; NaN (undefined) is an empty cell and infinity is "inf" — NaN is never printed. */
    /** A CSV cell: "" for an undefined value (e.g. δ_s where ν vanishes), else as {@link CsvTable#format}. */
    static String num(double v) {
        return Double.isNaN(v) ? "" : CsvTable.format(v);
    }

    private void plot(Map<String, List<Rates.Row>> all, String block, String model, Species sp) {
        LogLogChart nu = new LogLogChart("ν_s: " + model + " / " + block + " (" + sp.name() + ")", "R [GV]",
                "ν_s [s^-1]");
        LogLogChart kappa = new LogLogChart("κ_∥: " + model + " / " + block + " (" + sp.name() + ")", "R [GV]",
                "κ_∥ [cm^2 s^-1]");
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
