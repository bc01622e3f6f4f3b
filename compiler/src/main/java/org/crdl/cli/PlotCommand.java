package org.crdl.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.crdl.runtime.data.AxisConversion;
import org.crdl.runtime.data.Dataset;
import org.crdl.runtime.data.ObservationLoader;
import org.crdl.runtime.data.XAxisKind;
import org.crdl.runtime.observables.ChiSquare;
import org.crdl.runtime.observables.ModelCurve;
import org.crdl.runtime.output.CurveKind;
import org.crdl.runtime.output.EcsvFile;
import org.crdl.runtime.output.ObservablePlot;
import org.crdl.runtime.particles.Species;
import org.crdl.runtime.plasma.ModelException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code crdl plot OUT1 OUT2 … [--observable B/C] [--plot F.png]}: overlays one observable from
 * several {@code crdl run} output folders (model comparison). Each run's TOA curve gets a legend
 * entry with its model name, the parameters in which the runs differ and its χ²/N against the
 * data of the first run's observe lines, which are drawn once.
 */
@Command(name = "plot", description = "Overlay an observable from several run output folders (model comparison).")
final class PlotCommand implements Callable<Integer> {
    @Parameters(paramLabel = "OUT", arity = "1..*", description = "output folders of crdl run")
    List<Path> runs;

    @Option(names = "--observable", paramLabel = "NAME", description = "B/C, Be10/Be9, p, C, … (default B/C, else the first ratio)")
    String observable;

    @Option(names = "--plot", paramLabel = "FILE.png", description = "image to write (default compare_<observable>.png)")
    Path plot;

    @Option(names = "--power", paramLabel = "G", description = "fluxes are shown as E^G × flux (default 2.7; 2.6 also common)")
    double power = 2.7;

    @Override
    public Integer call() {
        String file = tableFile();
        List<EcsvFile> tables = new ArrayList<>();
        for (Path run : runs) {
            Path f = run.resolve(file);
            if (!Files.isRegularFile(f)) {
                throw new ModelException(run + " has no " + file + " (is it a crdl run output folder, and does the model "
                        + "observe " + observable + "?)");
            }
            tables.add(EcsvFile.read(f));
        }
        boolean ratio = file.startsWith("ratio_");
        String label = tables.get(0).meta().getOrDefault("observable", observable);
        String title = "model comparison: " + label;
        ObservablePlot p = ratio ? ObservablePlot.ratio(title, XAxisKind.EK_PER_NUCLEON, label)
                : ObservablePlot.flux(title, XAxisKind.EK_PER_NUCLEON, label + " flux").scaleByEnergyPower(power);
        List<Dataset> data = new ArrayList<>();
        List<double[]> ranges = new ArrayList<>();
        datasets(tables.get(0), data, ranges);
        Map<String, String> labels = legends(tables);
        for (EcsvFile t : tables) {
            double[] ek = t.column("Ek_GeV_per_n");
            double[] toa = t.column(ratio ? "ratio_TOA" : "flux_TOA");
            StringBuilder l = new StringBuilder(labels.get(t.file().toString()));
            for (int k = 0; k < data.size(); k++) {
                Dataset d = data.get(k);
                ModelCurve c = positive(l.toString(), ek, toa);
                double from = Math.max(ranges.get(k)[0], c.xMin());
                double to = Math.min(ranges.get(k)[1], c.xMax());
                if (!(from < to)) {
                    continue;
                }
                var fit = ChiSquare.compare(c::valueAt, from, to, d);
                if (fit.pointsUsed() > 0) {
                    l.append(String.format(java.util.Locale.ROOT, "; χ²/N = %.2f (N = %d) vs %s", fit.chi2PerPoint(),
                            fit.pointsUsed(), d.label()));
                }
            }
            p.addModel(positive(l.toString(), ek, toa), CurveKind.TOA);
        }
        data.forEach(p::addData);
        Path out = plot != null ? plot : Path.of("compare_" + file.replace(".csv", ".png"));
        p.writePng(out, 1000, 700).messages().forEach(m -> System.err.println("note: " + m));
        System.out.println("wrote " + out + " (" + tables.size() + " runs, " + data.size() + " datasets)");
        return Main.OK;
    }

    private String tableFile() {
        if (observable != null) {
            String safe = observable.replace("/", "_");
            return observable.contains("/") ? "ratio_" + safe + ".csv" : "flux_" + safe + ".csv";
        }
        if (Files.exists(runs.get(0).resolve("ratio_B_C.csv"))) {
            observable = "B/C";
            return "ratio_B_C.csv";
        }
        try (var s = Files.list(runs.get(0))) {
            return s.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("ratio_") && n.endsWith(".csv")
                    && !n.endsWith("_by_layer.csv")).sorted().findFirst().orElseThrow(() -> new ModelException(
                    runs.get(0) + " has no ratio table; choose one with --observable"));
        } catch (java.io.IOException e) {
            throw new ModelException("cannot list " + runs.get(0) + ": " + e.getMessage(), e);
        }
    }

    /**
     * The datasets the first run compared with (listed in its ECSV meta), on the kinetic-energy
     * axis, and the observe min/max of each.
     */
    private static void datasets(EcsvFile t, List<Dataset> out, List<double[]> ranges) {
        for (int n = 1; t.meta().containsKey("dataset " + n); n++) {
            String name = t.meta().get("dataset " + n);       // as the model names it
            Path path;
            try {
                path = org.crdl.run.DataFiles.resolve(name, t.file(), "observations");
            } catch (org.crdl.runtime.plasma.ModelException e) {
                System.err.println("note: data file " + name + " of " + t.file() + " not found; not drawn");
                continue;
            }
            Dataset d = ObservationLoader.load(path);
            if (d.xAxis() != XAxisKind.EK_PER_NUCLEON) {
                d = AxisConversion.toXAxis(d, XAxisKind.EK_PER_NUCLEON,
                        Species.byName(t.meta().get("dataset " + n + " species")).orElseThrow());
            }
            out.add(d);
            ranges.add(new double[] {Double.parseDouble(t.meta().getOrDefault("dataset " + n + " min_GeV_per_n", "0")),
                    parseLimit(t.meta().getOrDefault("dataset " + n + " max_GeV_per_n", "inf"))});
        }
    }

    private static double parseLimit(String s) {
        return s.equals("inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(s);
    }

    /** Model name plus the parameters whose values differ between the runs (all of them when the names tie). */
    static Map<String, String> legends(List<EcsvFile> tables) {
        Map<String, String> out = new LinkedHashMap<>();
        for (EcsvFile t : tables) {
            String model = t.meta().getOrDefault("model", t.file().getParent().getFileName().toString());
            List<String> shown = new ArrayList<>();
            for (Map.Entry<String, String> e : t.meta().entrySet()) {
                if (!e.getKey().startsWith("param ")) {
                    continue;
                }
                boolean differs = tables.stream().anyMatch(o -> o != t && o.meta().containsKey(e.getKey())
                        && !Objects.equals(o.meta().get(e.getKey()), e.getValue()));
                if (differs) {
                    shown.add(e.getKey().substring(6) + " = " + e.getValue());
                }
            }
            boolean sameName = tables.stream().filter(o -> o != t).anyMatch(o -> model.equals(o.meta().get("model")));
            String galaxy = t.meta().getOrDefault("galaxy", "");
            String name = sameName && shown.isEmpty() ? model + " (" + t.file().getParent() + ")" : model;
            if (!galaxy.isEmpty() && tables.stream().anyMatch(o -> !galaxy.equals(o.meta().get("galaxy")))) {
                name += " / " + galaxy;
            }
            out.put(t.file().toString(), shown.isEmpty() ? name : name + " (" + String.join(", ", shown) + ")");
        }
        return out;
    }

    private static ModelCurve positive(String label, double[] x, double[] y) {
        List<double[]> kept = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            if (y[i] > 0 && Double.isFinite(y[i]) && x[i] > 0) {
                kept.add(new double[] {x[i], y[i]});
            }
        }
        if (kept.size() < 2) {
            throw new ModelException("the curve " + label + " has fewer than two positive points");
        }
        return new ModelCurve(label, XAxisKind.EK_PER_NUCLEON, kept.stream().mapToDouble(a -> a[0]).toArray(),
                kept.stream().mapToDouble(a -> a[1]).toArray());
    }
}
