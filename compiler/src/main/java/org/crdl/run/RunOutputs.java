package org.crdl.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crdl.ir.Galaxy;
import org.crdl.runtime.model.CompiledModel;
import org.crdl.runtime.output.CsvTable;
import org.crdl.runtime.output.FitsTables;
import org.crdl.runtime.output.JsonArray;
import org.crdl.runtime.output.JsonObject;
import org.crdl.runtime.output.JsonWriter;
import org.crdl.runtime.params.Parameter;
import org.crdl.runtime.params.ParameterSet;
import org.crdl.runtime.particles.Species;
import org.crdl.runtime.transport.ForceField;

/**
 * Writes the files of DESIGN §5 into the output folder: flux_&lt;species&gt;.csv,
 * ratio_&lt;A&gt;_&lt;B&gt;.csv, transport_&lt;region&gt;.csv, summary.json and one PNG per
 * observable. Undefined values are empty cells; NaN is never written.
 */
public final class RunOutputs {
    private RunOutputs() {
    }

    public static List<Path> write(Path dir, CompiledModel model, ParameterSet params, GalaxyRunner.Result result,
                                   List<Observations.Observed> observed) {
        return write(dir, model, params, result, observed, null, false);
    }

    /**
     * Writes the output folder, with the run's {@link Provenance} in summary.json (none when null); with
     * {@code fits}, also {@code <model>.fits}: one binary-table extension per CSV, with TUNITn units and the
     * provenance keywords.
     */
    public static List<Path> write(Path dir, CompiledModel model, ParameterSet params, GalaxyRunner.Result result,
                                   List<Observations.Observed> observed, Provenance provenance, boolean fits) {
        List<Path> written = new ArrayList<>();
        Map<String, String> meta = EcsvColumns.provenance(model, params, result);
        Map<String, CsvTable> tables = new LinkedHashMap<>();
        Map<String, Observations.Observed> byName = new LinkedHashMap<>();
        for (Observations.Observed o : observed) {
            byName.merge(fileName(o.target()), o, Observations.Observed::with);
        }
        Spectra s = result.spectra();
        for (String species : s.species()) {
            double[] ek = s.ek(species);
            double[] lis = s.lis(species);
            double[] toa = result.phiGV() > 0 ? ForceField.modulate(Species.byName(species).orElseThrow(), result.phiGV(),
                    ek, lis) : lis;
            CsvTable t = EcsvColumns.observable(CsvTable.of("Ek_GeV_per_n", "flux_LIS", "flux_TOA"), species, false,
                    result.phiGV()).meta(meta);
            if (byName.containsKey("flux_" + species)) {
                t.meta(EcsvColumns.datasets(byName.get("flux_" + species)));
            }
            for (int k = 0; k < ek.length; k++) {
                t.addRow(ek[k], lis[k], toa[k]);
            }
            written.add(write(t, dir.resolve("flux_" + species + ".csv")));
            tables.put("flux_" + species, t);
        }
        // one CSV and one plot per observable, with the datasets of all its observe lines
        for (Map.Entry<String, Observations.Observed> e : byName.entrySet()) {
            String name = e.getKey();
            Observations.Observed o = e.getValue();
            if (!(o.target() instanceof Galaxy.Flux f && f.isotopes().size() == 1 && f.isotopes().get(0).equals(f.label()))) {
                boolean ratio = o.target() instanceof Galaxy.Ratio;
                CsvTable t = EcsvColumns.observable(CsvTable.of("Ek_GeV_per_n", ratio ? "ratio_LIS" : "flux_LIS",
                        ratio ? "ratio_TOA" : "flux_TOA"), o.target().label(), ratio, result.phiGV()).meta(meta)
                        .meta(EcsvColumns.datasets(o));
                for (int k = 0; k < o.ek().length; k++) {
                    t.addRow(o.ek()[k], o.lis()[k], o.toa()[k]);
                }
                written.add(write(t, dir.resolve(name + ".csv")));
                tables.put(name, t);   // a single species' flux is flux_<species>.csv above
            }
            List<Observations.Extra> extras = new ArrayList<>();
            if (o.target() instanceof Galaxy.Ratio r && result.layers().isPresent()) {
                CsvTable t = layerBreakdown(r, result.layers().get(), extras).meta(meta);
                written.add(write(t, dir.resolve(name + "_by_layer.csv")));
                tables.put(name + "_by_layer", t);
            }
            Path png = dir.resolve(name + ".png");
            Observations.plot(o, model.name(), png, extras);
            written.add(png);
        }
        for (GalaxyRunner.Region r : result.regions()) {
            List<String> columns = new ArrayList<>(List.of("R_GV", "nu_s_per_s", "D_xx_cm2_per_s", "grammage_g_per_cm2",
                    "t_res_Myr"));
            if (r.kappaZ() != null) {
                columns.add("kappa_z_cm2_per_s");
            }
            CsvTable t = EcsvColumns.transport(new CsvTable(columns).allowMissing(), r.name()).meta(meta);
            for (int k = 0; k < r.rigidityGV().length; k++) {
                if (r.kappaZ() != null) {
                    t.addRow(r.rigidityGV()[k], r.nu()[k], r.dxx()[k], r.grammage()[k], r.residenceMyr()[k], r.kappaZ()[k]);
                } else {
                    t.addRow(r.rigidityGV()[k], r.nu()[k], r.dxx()[k], r.grammage()[k], r.residenceMyr()[k]);
                }
            }
            written.add(write(t, dir.resolve("transport_" + r.name() + ".csv")));
            tables.put("transport_" + r.name(), t);
        }
        if (fits) {
            Path f = dir.resolve(model.name() + ".fits");
            FitsTables.write(f, tables, meta);
            written.add(f);
        }
        written.add(summary(dir.resolve("summary.json"), model, params, result, observed, provenance));
        return written;
    }

    private static String fileName(Galaxy.Target target) {
        return (target instanceof Galaxy.Ratio ? "ratio_" : "flux_") + target.fileLabel();
    }

    /** R_GV, the ratio at equal rigidity and each layer's part of it; the parts also go on the plot. */
    private static CsvTable layerBreakdown(Galaxy.Ratio r, GalaxyRunner.Breakdown b,
                                           List<Observations.Extra> extras) {
        double[][] parts = b.ratioByLayer(r.numerator(), r.denominator());
        double[] rig = b.solution().rigiditiesGV();
        List<String> columns = new ArrayList<>(List.of("R_GV", "ratio"));
        b.layerNames().forEach(l -> columns.add("part_" + l));
        CsvTable t = EcsvColumns.layers(new CsvTable(columns), r.label());
        for (int k = 0; k < rig.length; k++) {
            double[] row = new double[columns.size()];
            row[0] = rig[k];
            for (int j = 0; j < parts.length; j++) {
                row[j + 1] = parts[j][k];
            }
            t.addRow(row);
        }
        // on the plot, at the kinetic energy per nucleon of the denominator's first isotope at that rigidity
        double[] ek = b.solution().ekGeVPerNucleon(r.denominator().get(0));
        for (int l = 0; l < b.layerNames().size(); l++) {
            extras.add(new Observations.Extra(b.layerNames().get(l) + " layer part (LIS)", ek, parts[l + 1]));
        }
        return t;
    }

    private static Path write(CsvTable t, Path file) {
        t.write(file);
        return file;
    }

    private static Path summary(Path file, CompiledModel model, ParameterSet params, GalaxyRunner.Result result,
                                List<Observations.Observed> observed, Provenance provenance) {
        JsonObject root = new JsonObject();
        root.put("model", model.name());
        root.put("source_sha256", model.sourceHash());
        root.put("galaxy", result.galaxy().name());
        root.put("transport", result.galaxy().transport().getClass().getSimpleName());
        root.put("modulation_phi_GV", result.phiGV());
        JsonObject ps = new JsonObject();
        for (Parameter p : params.all()) {
            JsonObject one = new JsonObject();
            org.crdl.runtime.units.DisplayUnit u = org.crdl.runtime.units.DisplayUnit.of(p.dimension());
            one.put("value", u.fromCgs(p.value()));   // in the unit physicists use: GV, GeV, kpc, cm^2/s
            one.put("unit", u.symbol());
            one.put("value_cgs", p.value());
            one.put("unit_cgs", p.dimension().toString());
            ps.put(p.name(), one);
        }
        root.put("parameters", ps);
        JsonArray datasets = new JsonArray();
        for (Observations.Observed o : observed) {
            for (Observations.Comparison c : o.comparisons()) {
                JsonObject d = new JsonObject();
                d.put("observable", o.target().label());
                d.put("dataset", c.dataset().sourceFile());
                d.put("compared_with", c.modulated() ? "TOA" : "LIS");
                d.put("chi2", c.fit().chi2());
                d.put("points", (long) c.fit().pointsUsed());
                d.put("points_outside_model_range", (long) c.fit().pointsOutside());
                if (c.fit().pointsUsed() > 0) {
                    d.put("chi2_per_point", c.fit().chi2PerPoint());
                }
                datasets.add(d);
            }
        }
        root.put("datasets", datasets);
        org.crdl.runtime.secondaries.IonisationRate.Result zeta = Ionisation.of(result.spectra());
        root.put("ionisation_rate_per_H", zeta.perHydrogenAtom());   // s^-1, hopkins2021 §3.5.5
        root.put("ionisation_rate_range_GeV_per_n", JsonArray.ofNumbers(zeta.lowestGeVPerNucleon(), zeta.highestGeVPerNucleon()));
        if (provenance != null) {
            root.put("provenance", provenance.toJson(params, result.spectra().grid()));
        }
        JsonWriter.write(root, file);
        return file;
    }
}
