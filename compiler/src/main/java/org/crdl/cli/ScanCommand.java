package org.crdl.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.crdl.run.Evaluator;
import org.crdl.run.RunRequest;
import org.crdl.run.SparkBackend;
import org.crdl.runtime.fit.Axis;
import org.crdl.runtime.fit.FreeParameter;
import org.crdl.runtime.fit.GridScan;
import org.crdl.runtime.fit.PointResult;
import org.crdl.runtime.fit.ProgressMeter;
import org.crdl.runtime.fit.ScanWriter;
import org.crdl.runtime.params.Parameter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code crdl scan FILE --vary NAME=LO:HI:N[:log] … [--against OBS…] [--out DIR] [--threads N]
 * [--spark [MASTER]]}: χ² on the full grid of the varied parameters, the model compiled once and
 * re-run in process on every core (or on Spark); writes scan.csv, scan.json and scan.png.
 */
@Command(name = "scan", description = "chi2 on a grid of parameter values (all cores, or Apache Spark).")
final class ScanCommand implements Callable<Integer> {
    static final long MAX_POINTS = 1_000_000;

    @Parameters(paramLabel = "FILE")
    Path file;

    @Option(names = "--vary", paramLabel = "NAME=LO:HI:N[:log]", required = true,
            description = "a grid axis: N values from LO to HI (units allowed, e.g. D0=1e28:5e28:20:log)")
    List<String> vary = new ArrayList<>();

    @Option(names = "--force", description = "allow grids of more than 10^6 points")
    boolean force;

    @Option(names = "--spark", paramLabel = "MASTER", arity = "0..1", fallbackValue = "local[*]",
            description = "run the grid on Apache Spark: local[*] (default), local[N] or spark://host:7077")
    String spark;

    @Mixin
    FitOptions fit;

    @Mixin
    ModelOptions options;

    @Override
    public Integer call() {
        try {
            return scan();
        } catch (FitOptions.UsageError e) {
            System.err.println("error: " + e.getMessage());
            return 2;
        }
    }

    private Integer scan() {
        int threads = fit.threads();
        FitOptions.Loaded m = FitOptions.load(file, options);
        if (m == null) {
            return Main.MODEL_ERROR;
        }
        List<Axis> axes = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (String v : vary) {
            Axis a = axis(m, v);
            if (names.contains(a.parameter().name())) {
                throw new FitOptions.UsageError("--vary " + a.parameter().name() + " is given twice");
            }
            names.add(a.parameter().name());
            axes.add(a);
        }
        long size;
        try {
            size = GridScan.size(axes);
        } catch (ArithmeticException e) {
            size = Long.MAX_VALUE;
        }
        if (size > MAX_POINTS && !force) {
            throw new FitOptions.UsageError("the grid has " + size + " points (more than 10^6); reduce N or add --force");
        }
        if (size > Integer.MAX_VALUE - 8) {
            throw new FitOptions.UsageError("the grid has " + size + " points, more than one scan can hold");
        }
        Evaluator ev = fit.evaluator(m.program(), m.model(), file, m.base(), names);
        double[][] points = GridScan.points(axes);
        Path dir = fit.out != null ? fit.out : Path.of("out", m.model().name() + "_scan");
        ProgressMeter meter = new ProgressMeter(System.err, "scan", points.length);
        PointResult[] results;
        String where;
        if (spark != null) {
            RunRequest request = fit.request(file, options, m.base(), names);
            results = SparkBackend.load().scan(request, points, spark, System.err);
            where = "Spark " + spark;
        } else {
            results = GridScan.run(ev, points, threads, meter);
            where = threads + " thread" + (threads == 1 ? "" : "s");
        }
        double seconds = meter.seconds();
        List<Path> written = ScanWriter.write(dir, m.model().name(), axes, ev.datasets(), ev.scales(), results);
        int failed = 0;
        for (PointResult r : results) {
            failed += r.ok() ? 0 : 1;
        }
        System.out.printf("model %s: %d points on %s in %.1f s (%.1f models/s); wrote %d files to %s%n",
                m.model().name(), results.length, where, seconds, results.length / Math.max(seconds, 1e-9),
                written.size(), dir);
        if (failed > 0) {
            System.out.printf("%d point%s failed (see the failure column of scan.csv)%n", failed, failed == 1 ? "" : "s");
        }
        int b = GridScan.best(results);
        if (b < 0) {
            System.out.println("every point failed; first failure: " + results[0].failure());
            return Main.MODEL_ERROR;
        }
        PointResult best = results[b];
        System.out.printf("best point: chi2 = %.3f for N = %d (chi2/N = %.3f)%n", best.total(), best.n(),
                best.total() / Math.max(1, best.n()));
        for (int i = 0; i < axes.size(); i++) {
            FreeParameter p = axes.get(i).parameter();
            System.out.printf("  %-10s = %-12.5g %s%n", p.name(), best.values()[i], p.unit().equals("1") ? "" : "[" + p.unit() + "]");
        }
        for (int d = 0; d < ev.datasets().size(); d++) {
            System.out.printf("  chi2 %-46s %9.3f  N = %d%n", ev.datasets().get(d), best.chi2()[d], best.points()[d]);
        }
        for (int s = 0; s < ev.scales().size(); s++) {
            System.out.printf("  scale %-10s %.4f%n", ev.scales().get(s), best.scales()[s]);
        }
        return Main.OK;
    }

    /** NAME=LO:HI:N[:log], the ends inside the declared range. */
    private static Axis axis(FitOptions.Loaded m, String text) {
        String[] kv = text.split("=", 2);
        if (kv.length != 2 || kv[0].isBlank()) {
            throw new FitOptions.UsageError("--vary expects NAME=LO:HI:N[:log], got '" + text + "'");
        }
        String name = kv[0].strip();
        Parameter p = FitOptions.param(m.model(), m.base(), name, "--vary");
        if (!p.bounded()) {
            throw new FitOptions.UsageError("--vary " + name + ": the param has no declared range [lo, hi]");
        }
        String[] parts = kv[1].split(":");
        boolean log = parts.length == 4 && parts[3].strip().equals("log");
        if (parts.length != 3 && !(parts.length == 4 && (log || parts[3].strip().equals("lin")))) {
            throw new FitOptions.UsageError("--vary expects NAME=LO:HI:N[:log], got '" + text + "'");
        }
        double lo = FitOptions.value(p, parts[0], "--vary");
        double hi = FitOptions.value(p, parts[1], "--vary");
        int n;
        try {
            n = Integer.parseInt(parts[2].strip());
        } catch (NumberFormatException e) {
            throw new FitOptions.UsageError("--vary " + name + ": N must be a whole number, got '" + parts[2] + "'");
        }
        if (n < 1 || (n > 1 && !(hi > lo))) {
            throw new FitOptions.UsageError("--vary " + name + ": need N >= 1 and LO < HI, got " + kv[1]);
        }
        if (log && !(lo > 0)) {
            throw new FitOptions.UsageError("--vary " + name + ": a log axis needs LO > 0");
        }
        return new Axis(FreeParameter.of(name, p.dimension().toString(), p.lo(), p.hi()), lo, hi, n, log);
    }
}
