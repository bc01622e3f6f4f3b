package org.crdl.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.crdl.Pipeline;
import org.crdl.ir.Environment;
import org.crdl.ir.Program;
import org.crdl.run.TurbulenceRunner;
import org.crdl.runtime.model.CompiledModel;
import org.crdl.runtime.output.CsvTable;
import org.crdl.runtime.output.LineStyle;
import org.crdl.runtime.output.LogLogChart;
import org.crdl.runtime.output.OutputFolder;
import org.crdl.runtime.params.ParameterSet;
import org.crdl.runtime.plasma.ModelException;
import org.crdl.runtime.turbulence.QuadratureSettings;
import org.crdl.runtime.turbulence.SpatialDiffusion;
import org.crdl.runtime.turbulence.TurbulenceEnvironment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code crdl turbulence FILE --environment E [--rigidity LO:HI:N] [--plot F.png]}: quasi-linear
 * D_xx(R) of protons from the environment's Alfvén and fast modes, as CSV
 * {@code R_GV,D_xx_cm2_per_s,D_xx_alfven_cm2_per_s,D_xx_fast_cm2_per_s,rel_error}; "inf" marks a
 * mode family that is absent or leaves pitch angles unscattered.
 */
@Command(name = "turbulence", description = {"Quasi-linear D_xx(R) from the MHD turbulence of an environment block.",
    "'inf' in a D_xx column: that mode family is absent or leaves pitch angles unscattered."})
final class TurbulenceCommand implements Callable<Integer> {
    static final String HEADER = "R_GV,D_xx_cm2_per_s,D_xx_alfven_cm2_per_s,D_xx_fast_cm2_per_s,rel_error";

    @Parameters(paramLabel = "FILE")
    Path file;

    @Option(names = "--environment", paramLabel = "E", description = "environment block (default: the first)")
    String environment;

    @Option(names = "--rigidity", paramLabel = "LO:HI:N", description = "log grid in GV (default 1:1e5:60)")
    String rigidity = "1:1e5:60";

    @Option(names = "--quadrature", paramLabel = "standard|coarse", description = "quadrature settings (default standard)")
    String quadrature = "standard";

    @Option(names = "--plot", paramLabel = "FILE.png", description = "plot D(R) per mode family")
    Path plot;

    @Mixin
    ModelOptions options;

    @Mixin
    RootsOption roots;

    @Override
    public Integer call() {
        double[] grid = RatesCommand.grid(rigidity);   // bad options are usage errors before any work
        Pipeline.Checked checked = Pipeline.check(file, roots.roots(file));
        Reporter.print(checked.diagnostics(), System.err);
        if (!checked.ok()) {
            return Main.MODEL_ERROR;
        }
        Program program = checked.program().get();
        CompiledModel model = Pipeline.build(program, Pipeline.sourcePath(file), options.engine());
        ParameterSet params = options.parameters(model);
        Environment e;
        try {
            e = TurbulenceRunner.pick(program, environment);
        } catch (ModelException x) {
            if (environment != null) {
                throw new UsageException(x.getMessage());   // --environment names no environment of the model
            }
            throw x;
        }
        TurbulenceEnvironment env = TurbulenceRunner.environment(model, params, e);
        QuadratureSettings q = switch (quadrature) {
            case "standard" -> QuadratureSettings.standard();
            case "coarse" -> QuadratureSettings.coarse();
            default -> throw new UsageException("--quadrature is standard or coarse, not '" + quadrature + "'");
        };
        List<SpatialDiffusion> curve = TurbulenceRunner.curve(env, grid, q);
        CsvTable out = CsvTable.of(HEADER.split(",")).allowInfinity()    // "inf": a family that does not scatter
                .describe("R_GV", "GV", "proton rigidity").gridColumn("R_GV", 12)
                .describe("D_xx_cm2_per_s", "cm2 / s", "quasi-linear D_xx, Alfven and fast modes together")
                .describe("D_xx_alfven_cm2_per_s", "cm2 / s", "D_xx from Alfven modes only (inf: no scattering)")
                .describe("D_xx_fast_cm2_per_s", "cm2 / s", "D_xx from fast modes only (inf: no scattering)")
                .describe("rel_error", null, "estimated relative quadrature error of D_xx")
                .meta("model", model.name()).meta("environment", e.name())
                .meta("source_sha256", model.sourceHash()).meta("generator", "crdl 0.1.0");
        for (SpatialDiffusion d : curve) {
            out.addRow(d.rigidityGV(), d.dxx(), d.dxxAlfven(), d.dxxFast(), d.relError());
        }
        System.out.print(out);
        System.out.flush();
        if (plot != null) {
            double[] r = curve.stream().mapToDouble(SpatialDiffusion::rigidityGV).toArray();
            LogLogChart chart = new LogLogChart("D_xx: " + model.name() + " / environment " + e.name(), "R [GV]",
                    "D_xx [cm^2 s^-1]")
                    // total thick and grey underneath, so the mode family that dominates it stays visible on top
                    .addSeries("total (Alfvén + fast)", r, curve.stream().mapToDouble(SpatialDiffusion::dxx).toArray(),
                            LineStyle.SOLID, new java.awt.Color(0x999999), 6f)
                    .addSeries("Alfvén modes only", r, curve.stream().mapToDouble(SpatialDiffusion::dxxAlfven).toArray(),
                            LineStyle.DASHED, new java.awt.Color(0x1f77b4), 2f)
                    .addSeries("fast modes only", r, curve.stream().mapToDouble(SpatialDiffusion::dxxFast).toArray(),
                            LineStyle.DOTTED, new java.awt.Color(0xd62728), 2.5f);
            List<String> notes = new java.util.ArrayList<>();
            OutputFolder.writeFile(plot, p -> notes.addAll(chart.writePng(p, 900, 650).messages()));
            notes.forEach(m -> System.err.println("note: " + m));
        }
        return Main.OK;
    }
}
