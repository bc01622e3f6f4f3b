package org.crdl.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crdl.Pipeline;
import org.crdl.diag.SourceFile;
import org.crdl.ir.Galaxy;
import org.crdl.ir.Program;
import org.crdl.runtime.data.DataPoint;
import org.crdl.runtime.data.Dataset;
import org.crdl.runtime.fit.FreeParameter;
import org.crdl.runtime.fit.Normalisation;
import org.crdl.runtime.fit.Objective;
import org.crdl.runtime.fit.PointResult;
import org.crdl.runtime.model.CompiledModel;
import org.crdl.runtime.network.Network;
import org.crdl.runtime.observables.ChiSquare;
import org.crdl.runtime.observables.ChiSquareResult;
import org.crdl.runtime.observables.ModelCurve;
import org.crdl.runtime.params.Parameter;
import org.crdl.runtime.params.ParameterSet;
import org.crdl.runtime.plasma.ModelException;

/**
 * A model compiled once and re-run in process with new parameter values: the run entry point of
 * {@code crdl fit} and {@code crdl scan} (and of their Spark executors). Everything that depends
 * on no parameter is prepared once — the checked program, the compiled (or interpreted) model, the
 * galaxy, its nuclear network (cross-section files) and the datasets of the selected observables —
 * and each evaluation applies the values to the base parameters, evaluates the galaxy settings,
 * solves the transport through {@link GalaxyRunner#run} (so every transport, present or future,
 * goes through the same path) and returns χ² per dataset.
 *
 * <p>Nuisance observables (flux observables named with {@code --nuisance}) get one scale per
 * observable, shared by its datasets and profiled analytically ({@link Normalisation}): a source
 * normalisation (an element's abundance, or the energy budget) enters a primary flux linearly.
 * Thread-safe: {@link #evaluate} may be called from many threads.
 */
public final class Evaluator implements Objective {

    private final Program program;
    private final CompiledModel model;
    private final Galaxy.Def galaxy;
    private final Path modelFile;
    private final Network network;
    private final ParameterSet base;
    private final List<String> varied;
    private final List<FreeParameter> free;
    private final List<Selected> selected;
    private final List<String> scaleLabels;

    /** One dataset of an observe line that counts in χ². */
    record Selected(Galaxy.Observation observation, int fileIndex, Dataset data, String label, int scale) {
    }

    /** One dataset compared with the model (for plots and reports of a best fit). */
    public record Compared(String label, Galaxy.Target target, Dataset data, boolean modulated, ModelCurve curve,
                           double from, double to, ChiSquareResult chi2, double scale) {
    }

    /** A full evaluation: the run, the comparisons, the point. */
    public record Evaluation(GalaxyRunner.Result run, List<Compared> compared, PointResult point) {
    }

    private Evaluator(Program program, CompiledModel model, Galaxy.Def galaxy, Path modelFile, ParameterSet base,
                      List<String> varied, List<String> against, List<String> nuisance) {
        this.program = program;
        this.model = model;
        this.galaxy = galaxy;
        this.modelFile = modelFile;
        this.base = base;
        this.varied = List.copyOf(varied);
        this.network = GalaxyRunner.network(galaxy, modelFile, org.crdl.load.SourceRoots.forModel(modelFile, List.of()),
                n -> org.crdl.interp.Interpreter.value(n, org.crdl.interp.Env.of(base)));
        List<FreeParameter> fp = new ArrayList<>();
        for (String name : varied) {
            int i = base.indexOf(name);
            if (i < 0) {
                throw new IllegalArgumentException("model " + model.name() + " has no param '" + name + "'; params: "
                        + String.join(", ", base.names()));
            }
            Parameter p = base.all().get(i);
            if (!p.bounded()) {
                throw new IllegalArgumentException("param " + name + " has no declared range; declare one with "
                        + "'param " + name + " = … in [lo, hi]' to fit or scan it");
            }
            fp.add(FreeParameter.of(name, p.dimension().toString(), p.lo(), p.hi()));
        }
        this.free = List.copyOf(fp);
        Map<String, Integer> scaleIndex = new LinkedHashMap<>();
        for (String n : nuisance) {
            scaleIndex.put(n, scaleIndex.size());
        }
        List<Selected> sel = new ArrayList<>();
        List<String> known = new ArrayList<>();
        boolean[] used = new boolean[against.size()];
        boolean[] nuisanceUsed = new boolean[nuisance.size()];
        for (Galaxy.Observation o : program.observations()) {
            if (o.files().isEmpty()) {
                continue;
            }
            String obs = o.target().label();
            known.add(obs);
            List<Dataset> data = null;
            for (int f = 0; f < o.files().size(); f++) {
                String file = o.files().get(f);
                int hit = -1;
                for (int a = 0; a < against.size(); a++) {
                    if (against.get(a).equals(obs) || against.get(a).equals(file)) {
                        hit = a;
                        used[a] = true;
                    }
                }
                if (!against.isEmpty() && hit < 0) {
                    continue;
                }
                if (data == null) {
                    data = Observations.load(o, modelFile);
                }
                int scale = -1;
                if (scaleIndex.containsKey(obs)) {
                    if (o.target() instanceof Galaxy.Ratio) {
                        throw new IllegalArgumentException("--nuisance " + obs + ": a ratio has no source normalisation"
                                + " (name a flux observable such as p or C)");
                    }
                    scale = scaleIndex.get(obs);
                    nuisanceUsed[scale] = true;
                }
                sel.add(new Selected(o, f, data.get(f), obs + ":" + file, scale));
            }
        }
        for (int a = 0; a < against.size(); a++) {
            if (!used[a]) {
                throw new IllegalArgumentException("--against " + against.get(a) + ": the model compares no such "
                        + "observable or data file; observables with data: " + String.join(", ", known));
            }
        }
        for (int n = 0; n < nuisance.size(); n++) {
            if (!nuisanceUsed[n]) {
                throw new IllegalArgumentException("--nuisance " + nuisance.get(n) + ": no flux observable of that name "
                        + "is compared with data" + (against.isEmpty() ? "" : " (in the --against selection)"));
            }
        }
        if (sel.isEmpty()) {
            throw new IllegalArgumentException("model " + model.name() + " compares nothing with data: add "
                    + "'observe … against \"file\"' lines to fit or scan it");
        }
        this.selected = List.copyOf(sel);
        this.scaleLabels = List.copyOf(scaleIndex.keySet());
    }

    /**
     * Prepares a checked, compiled model for repeated runs.
     *
     * @param base     the parameters every run starts from (defaults with --set applied)
     * @param varied   the parameters {@link #evaluate} sets, in order (each must have a declared range)
     * @param against  observables ("B/C", "p") or data file names counted in χ² (empty: all)
     * @param nuisance flux observables whose normalisation is profiled analytically
     * @throws IllegalArgumentException for a usage mistake (unknown names), with a message for the user
     */
    public static Evaluator prepare(Program program, CompiledModel model, String galaxyName, Path modelFile,
                                    ParameterSet base, List<String> varied, List<String> against,
                                    List<String> nuisance) {
        Galaxy.Def g = GalaxyRunner.pick(program, galaxyName);
        return new Evaluator(program, model, g, modelFile, base, varied, against, nuisance);
    }

    /**
     * Checks and compiles the model text of a request (an executor of a distributed scan does this
     * once per model and caches the result). Model errors are {@link ModelException}s.
     */
    public static Evaluator compile(RunRequest r) {
        Path file = Path.of(r.modelPath());
        Pipeline.Checked checked = Pipeline.check(new SourceFile(r.displayPath(), file, r.source()));
        if (!checked.ok()) {
            throw new ModelException("model " + r.displayPath() + " does not check on this executor: "
                    + checked.diagnostics());
        }
        Program program = checked.program().get();
        CompiledModel model = Pipeline.build(program, r.displayPath(),
                r.interpreted() ? Pipeline.Engine.INTERPRETED : Pipeline.Engine.COMPILED);
        ParameterSet p = model.defaultParameters();
        for (Map.Entry<String, Double> e : r.fixed().entrySet()) {
            p = p.with(e.getKey(), e.getValue());
        }
        return prepare(program, model, r.galaxy(), file, p, r.varied(), r.against(), r.nuisance());
    }

    public CompiledModel model() {
        return model;
    }

    public Galaxy.Def galaxy() {
        return galaxy;
    }

    public ParameterSet base() {
        return base;
    }

    @Override
    public List<FreeParameter> parameters() {
        return free;
    }

    @Override
    public List<String> datasets() {
        List<String> out = new ArrayList<>();
        selected.forEach(s -> out.add(s.label()));
        return out;
    }

    @Override
    public List<String> scales() {
        return scaleLabels;
    }

    /** The base parameters with the varied ones set to {@code values} (range-checked). */
    public ParameterSet parametersAt(double[] values) {
        ParameterSet p = base;
        for (int i = 0; i < values.length; i++) {
            p = p.with(varied.get(i), values[i]);
        }
        return p;
    }

    @Override
    public PointResult evaluate(double[] values) {
        try {
            return run(values).point();
        } catch (ModelException e) {
            return PointResult.failed(values, selected.size(), scaleLabels.size(), oneLine(e.getMessage()));
        } catch (IllegalArgumentException | IllegalStateException | ArithmeticException e) {
            // numerical trouble inside a solver (e.g. an integrator's evaluation limit) at extreme parameters
            return PointResult.failed(values, selected.size(), scaleLabels.size(), "the transport solver of galaxy "
                    + galaxy.name() + " failed: " + e.getClass().getSimpleName() + ": " + oneLine(e.getMessage()));
        }
    }

    private static String oneLine(String s) {
        return s == null ? "unknown" : s.replace('\n', ' ').replace('\r', ' ');
    }

    /** Solves the model at {@code values} and compares it with the selected datasets. */
    public Evaluation run(double[] values) {
        ParameterSet params = parametersAt(values);
        GalaxyRunner runner = new GalaxyRunner(program, model, params, modelFile,
                org.crdl.load.SourceRoots.forModel(modelFile, List.of()), network);
        GalaxyRunner.Result result = runner.run(galaxy, Progress.none());
        // the model curve and χ² range of every selected dataset
        Map<Galaxy.Observation, Observations.Observed> curves = new LinkedHashMap<>();
        int n = selected.size();
        ModelCurve[] curve = new ModelCurve[n];
        double[] from = new double[n];
        double[] to = new double[n];
        boolean[] modulated = new boolean[n];
        double gev = org.crdl.runtime.units.Constants.GEV;
        for (int k = 0; k < n; k++) {
            Selected s = selected.get(k);
            Galaxy.Observation o = s.observation();
            Observations.Observed c = curves.computeIfAbsent(o, x -> Observations.curves(x.target(), result.spectra(),
                    result.phiGV()));
            String file = o.files().get(s.fileIndex());
            modulated[k] = o.modulated().orElse(!file.toLowerCase(java.util.Locale.ROOT).contains("voyager"));
            curve[k] = Observations.positive(o.target().label() + (modulated[k] ? " TOA" : " LIS"), c.ek(),
                    modulated[k] ? c.toa() : c.lis());
            double lo = o.min().map(x -> runner.constant(x) / gev).orElse(0.0);
            double hi = o.max().map(x -> runner.constant(x) / gev).orElse(Double.POSITIVE_INFINITY);
            from[k] = Math.max(lo, curve[k].xMin());
            to[k] = Math.min(hi, curve[k].xMax());
        }
        double[] scales = profileScales(curve, from, to);
        double[] chi2 = new double[n];
        int[] points = new int[n];
        List<Compared> compared = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            Selected s = selected.get(k);
            double scale = s.scale() < 0 ? 1 : scales[s.scale()];
            ModelCurve c = curve[k];
            ChiSquareResult r = ChiSquare.compare(x -> scale * c.valueAt(x), from[k], to[k], s.data());
            chi2[k] = r.chi2();
            points[k] = r.pointsUsed();
            compared.add(new Compared(s.label(), s.observation().target(), s.data(), modulated[k], c, from[k], to[k],
                    r, scale));
        }
        return new Evaluation(result, compared, new PointResult(values, chi2, points, scales, null));
    }

    private double[] profileScales(ModelCurve[] curve, double[] from, double[] to) {
        double[] scales = new double[scaleLabels.size()];
        for (int s = 0; s < scales.length; s++) {
            List<double[]> rows = new ArrayList<>();
            for (int k = 0; k < selected.size(); k++) {
                if (selected.get(k).scale() != s) {
                    continue;
                }
                for (DataPoint p : selected.get(k).data().points()) {
                    if (p.x() >= from[k] && p.x() <= to[k]) {
                        rows.add(new double[] {curve[k].valueAt(p.x()), p.y(), p.yErrLo(), p.yErrHi()});
                    }
                }
            }
            double[][] cols = new double[4][rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                for (int c = 0; c < 4; c++) {
                    cols[c][i] = rows.get(i)[c];
                }
            }
            scales[s] = Normalisation.best(cols[0], cols[1], cols[2], cols[3]);
        }
        return scales;
    }
}
