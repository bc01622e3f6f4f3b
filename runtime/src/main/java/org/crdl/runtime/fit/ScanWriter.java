package org.crdl.runtime.fit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.crdl.runtime.output.CsvTable;
import org.crdl.runtime.output.JsonArray;
import org.crdl.runtime.output.JsonObject;
import org.crdl.runtime.output.JsonWriter;
import org.crdl.runtime.plasma.ModelException;

/**
 * The files of a scan: {@code scan.csv} (one row per grid point: the parameters with their cgs
 * units, χ² per dataset, the profiled scales, total χ², N and, for a failed point, why),
 * {@code scan.json} (axes, best point) and {@code scan.png} (χ² curve for one axis, χ² map with
 * 1σ/2σ contours for two; with more axes, the map of the first two with χ² minimised over the rest).
 */
public final class ScanWriter {
    private ScanWriter() {
    }

    /** Writes the three files and returns their paths. */
    public static List<Path> write(Path dir, String model, List<Axis> axes, List<String> datasets, List<String> scales,
                                   PointResult[] results) {
        List<Path> out = new ArrayList<>();
        out.add(csv(dir.resolve("scan.csv"), axes, datasets, scales, results));
        out.add(json(dir.resolve("scan.json"), model, axes, datasets, results));
        Path png = dir.resolve("scan.png");
        if (axes.size() == 1) {
            FitPlots.curve(png, model + ": chi2 scan", axes.get(0), results);
        } else {
            FitPlots.map(png, model + ": chi2 map" + (axes.size() > 2 ? " (minimised over the other axes)" : ""),
                    axes.get(0), axes.get(1), projected(axes, results));
        }
        out.add(png);
        return out;
    }

    /** The best result over all axes beyond the first two, per (first, second) grid cell. */
    static PointResult[] projected(List<Axis> axes, PointResult[] results) {
        if (axes.size() == 2) {
            return results;
        }
        int nx = axes.get(0).n();
        int ny = axes.get(1).n();
        int rest = results.length / (nx * ny);
        PointResult[] out = new PointResult[nx * ny];
        for (int c = 0; c < out.length; c++) {
            for (int k = 0; k < rest; k++) {
                PointResult r = results[c * rest + k];
                if (out[c] == null || (r.ok() && (!out[c].ok() || r.total() < out[c].total()))) {
                    out[c] = r;
                }
            }
        }
        return out;
    }

    static Path csv(Path file, List<Axis> axes, List<String> datasets, List<String> scales, PointResult[] results) {
        StringBuilder sb = new StringBuilder();
        List<String> head = new ArrayList<>();
        axes.forEach(a -> head.add(a.parameter().header()));
        datasets.forEach(d -> head.add("chi2 " + d));
        scales.forEach(s -> head.add("scale " + s));
        head.add("chi2_total");
        head.add("N");
        head.add("failure");
        for (int i = 0; i < head.size(); i++) {
            sb.append(i > 0 ? "," : "").append(quote(head.get(i)));
        }
        sb.append('\n');
        for (PointResult r : results) {
            for (double v : r.values()) {
                sb.append(CsvTable.format(v)).append(',');
            }
            for (double c : r.chi2()) {
                sb.append(r.ok() ? CsvTable.format(c) : "").append(',');
            }
            for (double s : r.scales()) {
                sb.append(r.ok() ? CsvTable.format(s) : "").append(',');
            }
            sb.append(r.ok() ? CsvTable.format(r.total()) : "").append(',');
            sb.append(r.ok() ? String.valueOf(r.n()) : "").append(',');
            sb.append(r.ok() ? "" : quote(r.failure())).append('\n');
        }
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            Files.writeString(file, sb, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ModelException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    static Path json(Path file, String model, List<Axis> axes, List<String> datasets, PointResult[] results) {
        JsonObject root = new JsonObject();
        root.put("model", model);
        JsonArray ax = new JsonArray();
        for (Axis a : axes) {
            JsonObject o = new JsonObject();
            o.put("name", a.parameter().name());
            o.put("unit_cgs", a.parameter().unit());
            o.put("lo", a.lo());
            o.put("hi", a.hi());
            o.put("n", (long) a.n());
            o.put("log", a.log());
            ax.add(o);
        }
        root.put("axes", ax);
        root.put("points", (long) results.length);
        long failed = 0;
        for (PointResult r : results) {
            failed += r.ok() ? 0 : 1;
        }
        root.put("failed_points", failed);
        int b = GridScan.best(results);
        if (b >= 0) {
            JsonObject best = new JsonObject();
            for (int i = 0; i < axes.size(); i++) {
                best.put(axes.get(i).parameter().name(), results[b].values()[i]);
            }
            best.put("chi2_total", results[b].total());
            best.put("N", (long) results[b].n());
            JsonObject per = new JsonObject();
            for (int d = 0; d < datasets.size(); d++) {
                per.put(datasets.get(d), results[b].chi2()[d]);
            }
            best.put("chi2_per_dataset", per);
            root.put("best", best);
        } else {
            root.putNull("best");
        }
        JsonWriter.write(root, file);
        return file;
    }
}
