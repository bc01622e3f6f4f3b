package org.crdl.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.crdl.ir.Galaxy;
import org.crdl.run.DistributedScan;
import org.crdl.run.Evaluator;
import org.crdl.run.SparkBackend;
import org.crdl.runtime.fit.EnsembleSampler;
import org.crdl.runtime.fit.FitPlots;
import org.crdl.runtime.fit.Fitter;
import org.crdl.runtime.fit.FreeParameter;
import org.crdl.runtime.fit.PointResult;
import org.crdl.runtime.fit.ProgressMeter;
import org.crdl.runtime.fit.ResidualPlot;
import org.crdl.runtime.fit.Uncertainties;
import org.crdl.runtime.output.CsvTable;
import org.crdl.runtime.output.JsonArray;
import org.crdl.runtime.output.JsonObject;
import org.crdl.runtime.output.JsonWriter;
import org.crdl.runtime.params.Parameter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code crdl fit FILE --free NAME[=START] … [--against OBS…] [--nuisance OBS…] [--method M]
 * [--mcmc N]}: minimises the total χ² over the free parameters (bounds: their declared ranges),
 * then errors from the Hessian and the profile likelihood, the correlation matrix, χ²/N and the
 * p-value; with --mcmc, an ensemble-sampler chain and corner plot. Writes fit.json, fit.png
 * (best fit with residuals) and prints a table.
 */
@Command(name = "fit", description = "best-fit parameters with errors (Commons Math optimisers, profile likelihood, MCMC).")
final class FitCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE")
    Path file;

    @Option(names = "--free", paramLabel = "NAME[=START]", required = true,
            description = "a parameter to fit, optionally with its starting value (repeatable)")
    List<String> free = new ArrayList<>();

    @Option(names = "--method", paramLabel = "bobyqa|cmaes|simplex|migrad-like", description = "optimiser (default bobyqa)")
    String method = "bobyqa";

    @Option(names = "--max-evals", paramLabel = "N", description = "model evaluations allowed (default 3000)")
    int maxEvals = 3000;

    @Option(names = "--no-profile", description = "skip the profile-likelihood errors")
    boolean noProfile;

    @Option(names = "--mcmc", paramLabel = "STEPS", description = "run the ensemble sampler for STEPS steps from the best fit")
    Integer mcmc;

    @Option(names = "--walkers", paramLabel = "W", description = "walkers of the sampler (even, default max(16, 4 x free))")
    Integer walkers;

    @Option(names = "--spark", paramLabel = "MASTER", arity = "0..1", fallbackValue = "local[*]",
            description = "evaluate the sampler's proposals on Apache Spark: local[*] (default), local[N], spark://host:7077")
    String spark;

    @Option(names = "--seed", paramLabel = "S", description = "random seed of CMA-ES and the sampler (default 1)")
    long seed = 1;

    @Mixin
    FitOptions fit;

    @Mixin
    ModelOptions options;

    @Override
    public Integer call() {
        try {
            return run();
        } catch (FitOptions.UsageError e) {
            System.err.println("error: " + e.getMessage());
            return 2;
        }
    }

    private Integer run() {
        int threads = fit.threads();
        Fitter.Method m;
        try {
            m = Fitter.Method.parse(method);
        } catch (IllegalArgumentException e) {
            throw new FitOptions.UsageError(e.getMessage());
        }
        if (maxEvals < 10) {
            throw new FitOptions.UsageError("--max-evals must be at least 10");
        }
        if (spark != null && mcmc == null) {
            throw new FitOptions.UsageError("--spark runs the sampler's model evaluations; give --mcmc STEPS with it");
        }
        if (mcmc != null && mcmc < 1) {
            throw new FitOptions.UsageError("--mcmc needs at least one step");
        }
        FitOptions.Loaded loaded = FitOptions.load(file, options);
        if (loaded == null) {
            return Main.MODEL_ERROR;
        }
        List<String> names = new ArrayList<>();
        double[] start = new double[free.size()];
        for (int i = 0; i < free.size(); i++) {
            String[] kv = free.get(i).split("=", 2);
            String name = kv[0].strip();
            Parameter p = FitOptions.param(loaded.model(), loaded.base(), name, "--free");
            if (!p.bounded()) {
                throw new FitOptions.UsageError("--free " + name + ": the param has no declared range [lo, hi] to bound the fit");
            }
            if (names.contains(name)) {
                throw new FitOptions.UsageError("--free " + name + " is given twice");
            }
            names.add(name);
            start[i] = kv.length == 2 ? FitOptions.value(p, kv[1], "--free") : p.value();
        }
        int w = walkers != null ? walkers : Math.max(16, 4 * names.size());
        if (mcmc != null && (w % 2 != 0 || w < 2 * names.size())) {
            throw new FitOptions.UsageError("--walkers must be even and at least 2 x the free parameters, got " + w);
        }
        Evaluator ev = fit.evaluator(loaded.program(), loaded.model(), file, loaded.base(), names);
        List<FreeParameter> ps = ev.parameters();
        String model = loaded.model().name();
        Path dir = fit.out != null ? fit.out : Path.of("out", model + "_fit");
        long t0 = System.nanoTime();
        System.err.printf("crdl fit: %s over %s with %s on %d dataset%s…%n", model, String.join(", ", names), m.label(),
                ev.datasets().size(), ev.datasets().size() == 1 ? "" : "s");
        Fitter.Minimum min = Fitter.minimise(ev, start, m, maxEvals, seed);
        PointResult best = min.best();
        JsonObject root = new JsonObject();
        root.put("model", model);
        root.put("galaxy", ev.galaxy().name());
        root.put("method", m.label());
        root.put("evaluations", (long) min.evaluations());
        root.put("converged", min.converged());
        root.put("message", min.message());
        JsonArray data = new JsonArray();
        ev.datasets().forEach(data::add);
        root.put("datasets", data);
        if (!min.converged()) {
            System.out.println("fit did not converge: " + min.message());
            if (min.last() != null) {
                System.out.println("last point: " + describe(ps, min.last()));
            }
            if (best != null && best.ok()) {
                System.out.println("best point seen: " + describe(ps, best));
                root.put("best_seen", point(ps, best));
            }
            if (min.last() != null) {
                root.put("last_point", point(ps, min.last()));
            }
            JsonWriter.write(root, dir.resolve("fit.json"));
            System.out.println("wrote " + dir.resolve("fit.json"));
            return Main.MODEL_ERROR;
        }
        System.err.printf("crdl fit: minimum after %d evaluations; errors…%n", min.evaluations());
        Uncertainties.Hessian h = Uncertainties.hessian(ev, best.values(), threads);
        Uncertainties.Profile[] prof = noProfile ? null
                : Uncertainties.profiles(ev, best.values(), best.total(), h.sigmaUnit(), threads);
        int n = best.n();
        int dof = n - names.size() - ev.scales().size();
        double pValue = dof > 0 ? 1 - new ChiSquaredDistribution(dof).cumulativeProbability(best.total()) : Double.NaN;
        double seconds = (System.nanoTime() - t0) / 1e9;

        // stdout table
        System.out.printf("model %s, galaxy %s: %s converged after %d evaluations (%.1f s)%n", model,
                ev.galaxy().name(), m.label(), min.evaluations(), seconds);
        System.out.printf("%-10s %13s %12s %12s %12s  %s%n", "param", "best", "hessian_err", "profile_-", "profile_+", "unit");
        for (int i = 0; i < names.size(); i++) {
            FreeParameter p = ps.get(i);
            System.out.printf("%-10s %13.6g %12s %12s %12s  %s%s%n", p.name(), best.values()[i], num(h.sigma()[i]),
                    prof == null ? "-" : num(prof[i].minus()), prof == null ? "-" : num(prof[i].plus()),
                    p.unit().equals("1") ? "" : p.unit(), atBound(p, best.values()[i]));
        }
        for (int s = 0; s < ev.scales().size(); s++) {
            System.out.printf("%-10s %13.6g  (profiled normalisation of %s)%n", "scale", best.scales()[s],
                    ev.scales().get(s));
        }
        if (names.size() > 1) {
            System.out.println("correlation:");
            for (int i = 0; i < names.size(); i++) {
                StringBuilder row = new StringBuilder(String.format("  %-10s", names.get(i)));
                for (int j = 0; j < names.size(); j++) {
                    row.append(String.format(" %7s", Double.isNaN(h.correlation()[i][j]) ? "-"
                            : String.format("%.3f", h.correlation()[i][j])));
                }
                System.out.println(row);
            }
        }
        System.out.printf("%-46s %10s %5s %8s%n", "dataset", "chi2", "N", "chi2/N");
        for (int d = 0; d < ev.datasets().size(); d++) {
            int nd = best.points()[d];
            System.out.printf("%-46s %10.3f %5d %8s%n", ev.datasets().get(d), best.chi2()[d], nd,
                    nd == 0 ? "-" : String.format("%.3f", best.chi2()[d] / nd));
        }
        System.out.printf("%-46s %10.3f %5d %8.3f   dof = %d, p-value = %s%n", "total", best.total(), n,
                best.total() / Math.max(1, n), dof, Double.isNaN(pValue) ? "-" : String.format("%.3g", pValue));
        if (h.note() != null) {
            System.out.println("note: " + h.note());
        }
        if (prof != null) {
            for (int i = 0; i < prof.length; i++) {
                if (prof[i].note() != null) {
                    System.out.println("note: " + names.get(i) + ": " + prof[i].note());
                }
            }
        }

        // fit.json
        JsonObject bestJson = point(ps, best);
        root.put("best", bestJson);
        JsonObject errs = new JsonObject();
        for (int i = 0; i < names.size(); i++) {
            JsonObject e = new JsonObject();
            putNumber(e, "hessian", h.sigma()[i]);
            if (prof != null) {
                putNumber(e, "profile_minus", prof[i].minus());
                putNumber(e, "profile_plus", prof[i].plus());
                if (prof[i].note() != null) {
                    e.put("profile_note", prof[i].note());
                }
            }
            errs.put(names.get(i), e);
        }
        root.put("errors", errs);
        if (h.note() != null) {
            root.put("hessian_note", h.note());
        }
        JsonArray corr = new JsonArray();
        for (double[] row : h.correlation()) {
            JsonArray r = new JsonArray();
            for (double c : row) {
                if (Double.isNaN(c)) {
                    r.addNull();
                } else {
                    r.add(c);
                }
            }
            corr.add(r);
        }
        root.put("correlation", corr);
        root.put("chi2", best.total());
        root.put("N", (long) n);
        root.put("dof", (long) dof);
        putNumber(root, "chi2_per_N", best.total() / Math.max(1, n));
        putNumber(root, "p_value", pValue);

        // best fit with residuals
        Evaluator.Evaluation e = ev.run(best.values());
        ResidualPlot plot = new ResidualPlot();
        for (Evaluator.Compared c : e.compared()) {
            plot.add(model + ": " + c.target().label() + " (" + c.data().sourceFile() + ")",
                    c.target() instanceof Galaxy.Flux, c.curve(), c.scale(), c.data(), c.from(), c.to());
        }
        plot.write(dir.resolve("fit.png"));

        if (mcmc != null) {
            System.err.printf("crdl fit: ensemble sampler, %d walkers x %d steps…%n", w, mcmc);
            ProgressMeter meter = new ProgressMeter(System.err, "mcmc", mcmc, "steps");
            EnsembleSampler.Chain chain;
            if (spark != null) {
                try (DistributedScan.Session session = SparkBackend.load().open(fit.request(file, options, loaded.base(),
                        names), spark, System.err)) {
                    chain = EnsembleSampler.run(ev, session::evaluate, best.values(), h.sigmaUnit(), w, mcmc, seed, meter);
                }
            } else {
                chain = EnsembleSampler.run(ev, best.values(), h.sigmaUnit(), w, mcmc, seed, threads, meter);
            }
            root.put("mcmc", chainSummary(ps, chain, dir));
        }
        JsonWriter.write(root, dir.resolve("fit.json"));
        System.out.println("wrote " + dir.resolve("fit.json") + ", " + dir.resolve("fit.png")
                + (mcmc != null ? ", chain.csv, corner.png" : ""));
        return Main.OK;
    }

    /** Writes chain.csv and corner.png; returns medians and 16/84 % quantiles after a 25 % burn-in. */
    private static JsonObject chainSummary(List<FreeParameter> ps, EnsembleSampler.Chain chain, Path dir) {
        List<String> cols = new ArrayList<>(List.of("step", "walker"));
        ps.forEach(p -> cols.add(p.header()));
        cols.add("chi2");
        CsvTable t = new CsvTable(cols).allowInfinity();
        int burn = chain.steps() / 4;
        List<double[]> kept = new ArrayList<>();
        for (int s = 0; s < chain.steps(); s++) {
            for (int w = 0; w < chain.walkers(); w++) {
                double[] row = new double[cols.size()];
                row[0] = s;
                row[1] = w;
                System.arraycopy(chain.positions()[s][w], 0, row, 2, ps.size());
                row[cols.size() - 1] = chain.chi2()[s][w];
                t.addRow(row);
                if (s >= burn) {
                    kept.add(chain.positions()[s][w]);
                }
            }
        }
        t.write(dir.resolve("chain.csv"));
        double[][] samples = kept.toArray(new double[0][]);
        FitPlots.corner(dir.resolve("corner.png"), ps, samples);
        JsonObject o = new JsonObject();
        o.put("walkers", (long) chain.walkers());
        o.put("steps", (long) chain.steps());
        o.put("burn_in_steps", (long) burn);
        o.put("acceptance_fraction", chain.acceptance());
        System.out.printf("mcmc: %d walkers x %d steps, acceptance %.2f; after %d burn-in steps:%n", chain.walkers(),
                chain.steps(), chain.acceptance(), burn);
        for (int i = 0; i < ps.size(); i++) {
            double[] v = new double[samples.length];
            for (int k = 0; k < v.length; k++) {
                v[k] = samples[k][i];
            }
            java.util.Arrays.sort(v);
            JsonObject q = new JsonObject();
            double q16 = quantile(v, 0.16);
            double q50 = quantile(v, 0.5);
            double q84 = quantile(v, 0.84);
            q.put("q16", q16);
            q.put("median", q50);
            q.put("q84", q84);
            o.put(ps.get(i).name(), q);
            System.out.printf("  %-10s %.6g  -%.3g +%.3g%n", ps.get(i).name(), q50, q50 - q16, q84 - q50);
        }
        return o;
    }

    private static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double pos = q * (sorted.length - 1);
        int i = (int) Math.floor(pos);
        int j = Math.min(sorted.length - 1, i + 1);
        return sorted[i] + (pos - i) * (sorted[j] - sorted[i]);
    }

    private static JsonObject point(List<FreeParameter> ps, PointResult r) {
        JsonObject o = new JsonObject();
        for (int i = 0; i < ps.size(); i++) {
            JsonObject v = new JsonObject();
            v.put("value_cgs", r.values()[i]);
            v.put("unit_cgs", ps.get(i).unit());
            o.put(ps.get(i).name(), v);
        }
        if (r.ok()) {
            o.put("chi2", r.total());
        } else {
            o.put("failure", r.failure());
        }
        return o;
    }

    private static String describe(List<FreeParameter> ps, PointResult r) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < ps.size(); i++) {
            sb.append(ps.get(i).name()).append(" = ").append(String.format("%.6g", r.values()[i])).append(", ");
        }
        return sb + (r.ok() ? String.format("chi2 = %.4f", r.total()) : "failed: " + r.failure());
    }

    private static void putNumber(JsonObject o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, v);
        } else {
            o.putNull(key);
        }
    }

    private static String num(double v) {
        return Double.isFinite(v) ? String.format("%.4g", v) : "-";
    }

    private static String atBound(FreeParameter p, double v) {
        double u = p.toUnit(v);
        return u < 1e-4 || u > 1 - 1e-4 ? "  (at the bound of its declared range)" : "";
    }
}
