package org.crdl.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.crdl.runtime.model.CompiledModel;
import org.crdl.runtime.output.CsvTable;
import org.crdl.runtime.output.JsonArray;
import org.crdl.runtime.output.JsonObject;
import org.crdl.runtime.output.JsonWriter;
import org.crdl.runtime.output.LineStyle;
import org.crdl.runtime.output.LogLogChart;
import org.crdl.runtime.transport.evolve.Evolution;
import org.crdl.runtime.units.Constants;

/**
 * The files of {@code crdl evolve} besides the per-start run outputs:
 * <ul>
 * <li>{@code evolution.csv}, long format, one row per (start, time, rigidity, location):
 *     {@code start,t_Myr,R_GV,location,z_kpc,e_cr_eV_per_cm3}; location is {@code midplane} (the
 *     lowest cell, z ≈ 0) or a region name (its middle cell); every accepted step is a time;</li>
 * <li>{@code evolution.png}: e'_cr(t) at the mid-plane at the grid rigidities closest to 1, 10 and
 *     100 GV, one line per start and rigidity;</li>
 * <li>{@code summary.json}: per start the end time, steps, steady flag, attractor per rigidity and
 *     the dominant one; the classification; the compile-time stability prediction.</li>
 * </ul>
 */
public final class EvolveOutputs {
    private static final double[] PLOTTED_GV = {1, 10, 100};

    private EvolveOutputs() {
    }

    public static List<Path> write(Path dir, CompiledModel model, EvolveRunner.Outcome outcome) {
        List<Path> written = new ArrayList<>();
        StringBuilder csv = new StringBuilder("start,t_Myr,R_GV,location,z_kpc,e_cr_eV_per_cm3\n");
        for (EvolveRunner.Run run : outcome.runs()) {
            Evolution e = run.evolution();
            double[] rig = e.rigiditiesGV();
            List<String> names = new ArrayList<>();
            List<Double> zs = new ArrayList<>();
            names.add("midplane");
            zs.add(e.centres()[0]);
            double bottom = 0;
            for (var r : e.setup().regions()) {
                names.add(r.name());
                double mid = (bottom + r.zTop()) / 2;
                zs.add(e.centres()[cell(e, mid)]);
                bottom = r.zTop();
            }
            for (Evolution.Snapshot s : e.history()) {
                for (int k = 0; k < rig.length; k++) {
                    for (int l = 0; l < names.size(); l++) {
                        double value = l == 0 ? s.midplane()[k] : s.regionMiddles()[l - 1][k];
                        csv.append(e.start().label()).append(',').append(CsvTable.format(s.tMyr())).append(',')
                                .append(CsvTable.format(rig[k])).append(',').append(names.get(l)).append(',')
                                .append(CsvTable.format(zs.get(l) / Constants.KPC)).append(',')
                                .append(CsvTable.format(value / Constants.EV)).append('\n');
                    }
                }
            }
        }
        Path csvFile = dir.resolve("evolution.csv");
        writeText(csvFile, csv.toString());
        written.add(csvFile);
        written.add(plot(dir.resolve("evolution.png"), model, outcome));
        written.add(summary(dir.resolve("summary.json"), model, outcome));
        return written;
    }

    private static int cell(Evolution e, double z) {
        double[] f = e.faces();
        for (int i = 0; i + 1 < f.length; i++) {
            if (z < f[i + 1]) {
                return i;
            }
        }
        return f.length - 2;
    }

    private static Path plot(Path file, CompiledModel model, EvolveRunner.Outcome outcome) {
        LogLogChart chart = new LogLogChart(model.name() + ", galaxy " + outcome.galaxy().name()
                + ": mid-plane e'_cr(t), classification=" + outcome.classification().label, "t [Myr]",
                "e'_cr [eV cm^-3]");
        LineStyle[] styles = LineStyle.values();
        int si = 0;
        for (EvolveRunner.Run run : outcome.runs()) {
            Evolution e = run.evolution();
            double[] rig = e.rigiditiesGV();
            for (double target : PLOTTED_GV) {
                int k = nearest(rig, target);
                List<double[]> pts = new ArrayList<>();
                for (Evolution.Snapshot s : e.history()) {
                    if (s.tMyr() > 0 && s.midplane()[k] > 0) {
                        pts.add(new double[] {s.tMyr(), s.midplane()[k] / Constants.EV});
                    }
                }
                double[] x = pts.stream().mapToDouble(p -> p[0]).toArray();
                double[] y = pts.stream().mapToDouble(p -> p[1]).toArray();
                if (x.length > 0) {
                    chart.addSeries(String.format("%s start, %.3g GV (%s)", e.start().label(), rig[k],
                            e.attractor(k).label), x, y, styles[si % styles.length]);
                }
            }
            si++;
        }
        chart.writePng(file, 900, 600);
        return file;
    }

    private static int nearest(double[] rig, double target) {
        int best = 0;
        for (int k = 0; k < rig.length; k++) {
            if (Math.abs(Math.log(rig[k] / target)) < Math.abs(Math.log(rig[best] / target))) {
                best = k;
            }
        }
        return best;
    }

    private static Path summary(Path file, CompiledModel model, EvolveRunner.Outcome outcome) {
        JsonObject root = new JsonObject();
        root.put("model", model.name());
        root.put("source_sha256", model.sourceHash());
        root.put("galaxy", outcome.galaxy().name());
        root.put("transport", "evolve");
        root.put("classification", outcome.classification().label);
        outcome.predicted().ifPresent(p -> {
            JsonObject pr = new JsonObject();
            pr.put("scattering", outcome.scattering());
            pr.put("stability", p.label);
            pr.put("classification", p.predicted);
            pr.put("reason", p.reason);
            root.put("predicted", pr);
        });
        JsonArray starts = new JsonArray();
        for (EvolveRunner.Run run : outcome.runs()) {
            Evolution e = run.evolution();
            JsonObject s = new JsonObject();
            s.put("start", e.start().label());
            s.put("t_end_Myr", e.tEnd() / Constants.MYR);
            s.put("steps", (long) e.steps());
            s.put("steady", e.steady());
            s.put("attractor", e.dominantAttractor().label);
            JsonArray per = new JsonArray();
            double[] rig = e.rigiditiesGV();
            for (int k = 0; k < rig.length; k++) {
                JsonObject one = new JsonObject();
                one.put("R_GV", rig[k]);
                one.put("attractor", e.attractor(k).label);
                one.put("e_cr_midplane_eV_per_cm3", e.finalState()[k][0] / Constants.EV);
                double t = e.residenceMyr(k, 0, e.setup().haloHeight());
                if (Double.isFinite(t)) {
                    one.put("t_res_Myr", t);
                }
                per.add(one);
            }
            s.put("rigidities", per);
            starts.add(s);
        }
        root.put("starts", starts);
        JsonWriter.write(root, file);
        return file;
    }

    private static void writeText(Path file, String text) {
        try {
            java.nio.file.Files.createDirectories(file.toAbsolutePath().getParent());
            java.nio.file.Files.writeString(file, text);
        } catch (java.io.IOException ex) {
            throw new org.crdl.runtime.plasma.ModelException("cannot write " + file + ": " + ex.getMessage());
        }
    }
}
