package org.crdl.run;

import java.util.LinkedHashMap;
import java.util.Map;
import org.crdl.runtime.model.CompiledModel;
import org.crdl.runtime.output.CsvTable;
import org.crdl.runtime.params.Parameter;
import org.crdl.runtime.params.ParameterSet;
import org.crdl.runtime.units.DisplayUnit;

/**
 * Units, descriptions and provenance of the run's ECSV tables: kinetic energy per nucleon in GeV
 * (astropy has no nucleon unit; the description says GeV/n), fluxes in m⁻² s⁻¹ sr⁻¹ (GeV/n)⁻¹,
 * rigidity in GV, D_xx in cm²/s, grammage in g/cm², residence time in Myr.
 */
public final class EcsvColumns {
    /** Significant digits of grid columns: the grids are 10^(k/N), exact to far better than this. */
    static final int GRID_DIGITS = 12;

    private EcsvColumns() {
    }

    /** Model, galaxy, source hash, generator, modulation and every parameter (in its display unit). */
    public static Map<String, String> provenance(CompiledModel model, ParameterSet params, GalaxyRunner.Result result) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("model", model.name());
        m.put("galaxy", result.galaxy().name());
        m.put("transport", result.galaxy().transport().getClass().getSimpleName());
        m.put("source_sha256", model.sourceHash());
        m.put("generator", "crdl 0.1.0");
        m.put("modulation_phi_GV", CsvTable.format(result.phiGV()));
        for (Parameter p : params.all()) {
            m.put("param " + p.name(), DisplayUnit.of(p.dimension()).format(p.value()));
        }
        return m;
    }

    /**
     * The datasets an observable was compared with, for {@code crdl plot}: {@code dataset N} (the
     * file), {@code dataset N species} (for axis conversion), {@code compared_with}, {@code min}/{@code max}
     * [GeV/n] and {@code chi2_per_point}.
     */
    static Map<String, String> datasets(Observations.Observed o) {
        Map<String, String> m = new LinkedHashMap<>();
        int n = 1;
        for (Observations.Comparison c : o.comparisons()) {
            String k = "dataset " + n++;
            m.put(k, c.file());
            m.put(k + " species", c.species());
            m.put(k + " compared_with", c.modulated() ? "TOA" : "LIS");
            m.put(k + " min_GeV_per_n", CsvTable.format(c.min()));
            m.put(k + " max_GeV_per_n", CsvTable.format(c.max()));
            if (c.fit().pointsUsed() > 0) {
                m.put(k + " chi2_per_point", String.format(java.util.Locale.ROOT, "%.4g", c.fit().chi2PerPoint()));
            }
        }
        return m;
    }

    /** Ek, LIS and TOA columns of a flux or ratio of {@code label}. */
    static CsvTable observable(CsvTable t, String label, boolean ratio, double phiGV) {
        energy(t);
        String lis = t.columns().get(1);
        String toa = t.columns().get(2);
        if (ratio) {
            t.describe(lis, null, label + " local interstellar (unmodulated)")
                    .describe(toa, null, label + " top of atmosphere, force field phi = " + CsvTable.format(phiGV) + " GV");
        } else {
            t.describe(lis, CsvTable.FLUX_UNIT, label + " flux, local interstellar, per (GeV/n) ["
                    + CsvTable.FLUX_UNIT_PER_NUCLEON + "]")
                    .describe(toa, CsvTable.FLUX_UNIT, label + " flux, top of atmosphere (force field phi = "
                            + CsvTable.format(phiGV) + " GV), per (GeV/n) [" + CsvTable.FLUX_UNIT_PER_NUCLEON + "]")
                    .columnMeta(lis, "unit_per_nucleon", CsvTable.FLUX_UNIT_PER_NUCLEON)
                    .columnMeta(toa, "unit_per_nucleon", CsvTable.FLUX_UNIT_PER_NUCLEON);
        }
        return t.meta("observable", label);
    }

    private static void energy(CsvTable t) {
        t.describe("Ek_GeV_per_n", "GeV", "kinetic energy per nucleon [GeV/n]")
                .columnMeta("Ek_GeV_per_n", "unit_per_nucleon", "GeV/n")
                .gridColumn("Ek_GeV_per_n", GRID_DIGITS);
    }

    /** The transport table of one region. */
    static CsvTable transport(CsvTable t, String region) {
        rigidity(t);
        t.describe("nu_s_per_s", "1 / s", "pitch-angle scattering rate nu_s of protons")
                .describe("D_xx_cm2_per_s", "cm2 / s", "spatial diffusion coefficient D_xx")
                .describe("grammage_g_per_cm2", "g / cm2", "grammage traversed (empty where the geometry defines none)")
                .describe("t_res_Myr", "Myr", "residence time");
        if (t.columns().contains("kappa_z_cm2_per_s")) {
            t.describe("kappa_z_cm2_per_s", "cm2 / s", "vertical diffusivity kappa_z");
        }
        return t.meta("region", region);
    }

    /** A ratio at equal rigidity with each layer's part. */
    static CsvTable layers(CsvTable t, String label) {
        rigidity(t);
        t.describe("ratio", null, label + " at equal rigidity (LIS)");
        for (String c : t.columns()) {
            if (c.startsWith("part_")) {
                t.describe(c, null, "part of " + label + " produced in layer " + c.substring(5));
            }
        }
        return t.meta("observable", label);
    }

    private static void rigidity(CsvTable t) {
        t.describe("R_GV", "GV", "rigidity").gridColumn("R_GV", GRID_DIGITS);
    }
}
