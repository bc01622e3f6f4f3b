package org.crdl.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.crdl.Cli;
import org.crdl.Pipeline;
import org.crdl.diag.SourceFile;
import org.crdl.ir.Program;
import org.crdl.runtime.model.CompiledModel;
import org.crdl.runtime.params.ParameterSet;
import org.crdl.runtime.particles.Species;
import org.crdl.runtime.structures.PatchyScattering;
import org.crdl.runtime.structures.Rule;
import org.crdl.runtime.structures.StructureRates;
import org.crdl.runtime.structures.Validation;
import org.crdl.runtime.waves.Rates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checkpoints of the butsky2024 digest §4 computed through models/butsky2024/structures.crdl and small
 * structure models: each assertion cites the paper line (Lnnn) or the digest's derivation it checks.
 * Closed forms are written out here, independently of the runtime's size integral.
 */
class StructuresTest {
    private static final Path MODEL = Path.of("models/butsky2024/structures.crdl");
    /** r_g(1 GV) in the model's 3 uG phase [cm]: R/B with 1 GV = 1e9/299.792458 statV */
    private static final double RG_1GV = Phys.GV / (3 * Phys.UG);

    @TempDir
    Path dir;

    private static CompiledModel build(Program p, Pipeline.Engine engine) {
        return Pipeline.build(p, "models/butsky2024/structures.crdl", engine);
    }

    private static Program program(Path file) {
        Pipeline.Checked c = Pipeline.check(file);
        assertTrue(c.ok(), c.diagnostics().all().toString());
        return c.program().get();
    }

    private static Program program(String text) {
        Pipeline.Checked c = Pipeline.check(SourceFile.inMemory("test.crdl", text));
        assertTrue(c.ok(), c.diagnostics().all().toString());
        return c.program().get();
    }

    private static PatchyScattering block(CompiledModel m, String name, ParameterSet params) {
        return (PatchyScattering) m.scattering(name, params);
    }

    private static PatchyScattering.Breakdown at(PatchyScattering b, double gv) {
        return b.bindAt(Species.proton(), gv * Phys.GV);
    }

    @Test
    void fig3ExampleGivesTenParsecsAtOneGigavoltAndSlopeDeltaS() {
        CompiledModel m = build(program(MODEL), Pipeline.Engine.COMPILED);
        PatchyScattering b = block(m, "fig3_example", m.defaultParameters());
        // C1 (L15) "ℓ_mfp ~ 10 pc at GeV": within [3, 30] pc; C20 (L200) closed form ℓ_S/f_V with ℓ_S = r_g,
        // f_V = 1e-7 B_uG^-1/2 (ℓ_S/0.2 au)^(1/2)
        double fV = 1e-7 * Math.pow(3, -0.5) * Math.sqrt(RG_1GV / (0.2 * Phys.AU));
        double mfp = at(b, 1).meanFreePath();
        assertEquals(RG_1GV / fV, mfp, 1e-9 * mfp, "Eq. 12: ℓ_mfp = ℓ_S/f_V");
        assertTrue(mfp > 3 * Phys.PC && mfp < 30 * Phys.PC, "C1: " + mfp / Phys.PC + " pc");
        // the paper's 9.7 pc rounds r_g(1 GV, 1 uG) = 0.223 au to 0.2 au (digest §2.12 item 7): 5 % apart
        assertEquals(9.72, mfp / Phys.PC, 0.06 * 9.72, "C20 round trip");
        // C2 (Eq. 2, L72): d ln ℓ_mfp / d ln R = δ_s, for δ_s = 0.5 and 0.6 (an identity)
        for (double delta : new double[] {0.5, 0.6}) {
            PatchyScattering bd = block(m, "fig3_example", m.defaultParameters().with("delta_s", delta));
            double slope = Math.log(at(bd, 1000).meanFreePath() / at(bd, 1).meanFreePath()) / Math.log(1000);
            assertEquals(delta, slope, 1e-9, "C2 slope");
        }
        // C2: ℓ_mfp does not depend on β: a 10 MeV proton and a relativistic helium nucleus at the same R
        double r = 0.137;
        double ep = b.bindAt(Species.proton(), r * Phys.GV).meanFreePath();
        double ehe = b.bindAt(Species.byName("He").orElseThrow(), r * Phys.GV).meanFreePath();
        assertEquals(ep, ehe, 1e-12 * ep, "β-independent ℓ_mfp");
        // C5 (L56): "hundreds of pc for ~TeV CRs": 100 pc < ℓ_mfp(1 TV) < 2 kpc
        double tev = at(b, 1000).meanFreePath();
        assertTrue(tev > 100 * Phys.PC && tev < 2000 * Phys.PC, "C5: " + tev / Phys.PC + " pc");
        // C6 (L54): the rate falls with rigidity over 1-1000 GV; C23 (L212): f_V(ℓ_S) ∝ ℓ_S^(1-δ_s) with ℓ_S = r_g ∝ R
        StructureRates.Table t = StructureRates.compute(b, Species.proton(), Rates.logGrid(1, 1000, 7));
        for (int k = 1; k < t.rows().size(); k++) {
            assertTrue(t.rows().get(k).nuEffective() < t.rows().get(k - 1).nuEffective(), "C6");
        }
        double fvSlope = Math.log(t.rows().get(6).filling() / t.rows().get(0).filling()) / Math.log(1000);
        assertEquals(0.5, fvSlope, 1e-9, "C23: d ln f_V / d ln ℓ_S = 1 - δ_s");
        // C4 (L52): κ_eff = v²/(3⟨ν⟩) within a factor 10 of 1e29 cm²/s at GeV
        PatchyScattering.Breakdown gev = at(b, 3);
        double kappa = gev.speed() * gev.speed() / (3 * gev.nuEffective());
        assertTrue(kappa > 1e28 && kappa < 1e30, "C4 κ = " + kappa);
        // C13 (Eq. 9, L127): ρ_ISM ℓ_mfp ≈ 5e-5 g cm^-2 at 1 GV (m_p n_ISM, n = 1 cm^-3)
        assertEquals(5.16e-5 * mfp / (10 * Phys.PC), Phys.M_P * mfp, 1e-3 * 5e-5, "C13");
        // C26 (L230): 1/ν̄ ~ 30 yr, N_scat = t_res ν_eff ≫ 1 with t_res = 1 Myr
        PatchyScattering.Breakdown one = at(b, 1);
        assertEquals(1e6 * Phys.YR * one.nuEffective(), one.scatterings(), 1e-9 * one.scatterings());
        assertTrue(one.scatterings() > 1e4, "C26 N_scat = " + one.scatterings());
    }

    @Test
    void sizeDistributionsCarryTheRigidityDependence() {
        CompiledModel m = build(program(MODEL), Pipeline.Engine.COMPILED);
        // C18 (L160): n_s(>ℓ) ∝ ℓ^-2.5 from ℓ_min = r_g gives δ_s = 0.5 ± 0.02 between 10 and 100 GV
        StructureRates.Table steep = StructureRates.compute(block(m, "size_distribution", m.defaultParameters()),
                Species.proton(), Rates.logGrid(10, 100, 11));
        for (double d : steep.deltaS()) {
            assertEquals(0.5, d, 0.02, "C18 δ_s");
        }
        // the digest's closed form (§2.9): ⟨ν⟩/v = α/(α−2) n_s(>r_g) r_g² [1 − (ℓ_max/r_g)^(2−α)], normalised so
        // that ℓ_mfp(1 GV) = 10 pc in the model
        double lmax = Phys.PC;
        double corr = 1 - Math.pow(lmax / RG_1GV, -0.5);
        double mfp = at(block(m, "size_distribution", m.defaultParameters()), 1).meanFreePath();
        assertEquals(10 * Phys.PC / corr, mfp, 1e-6 * mfp, "closed form of the size integral");
        // C19 (L162, [derived]): α_n = 1.5 < 2 gives no rigidity dependence
        StructureRates.Table shallow = StructureRates.compute(block(m, "shallow_distribution", m.defaultParameters()),
                Species.proton(), Rates.logGrid(1, 100, 9));
        for (double d : shallow.deltaS()) {
            assertEquals(0, d, 0.02, "C19 δ_s");
        }
        assertTrue(shallow.findings().stream().anyMatch(f -> f.rule() == Rule.V8), "V8 flags α_n < 2");
        assertTrue(steep.findings().stream().noneMatch(f -> f.rule() == Rule.V8), "α_n = 2.5 passes V8");
    }

    @Test
    void identitiesOfOneStructure() {
        // C12 (Eq. 8, L123): n_s A_s ℓ_mfp = 1 with A_s = ℓ_L^D ℓ_S^(2-D); C16 (Eqs. 11-12): f_V = n_s V_s = ℓ_S/ℓ_mfp;
        // C15 (Eq. 10): f_M = (ρ_s/ρ_ISM) f_V; C10 (Eqs. 5-6): the trapped fraction is τ_s f_V
        for (int d = 0; d <= 2; d++) {
            Program p = program("phase ism { n = 1 [cm^-3]  B = 3 [uG] }\n"
                    + "structure s { dimensionality = " + d + "  ell_S = 2 [au]  ell_L = 7 [au]  n_s = 1e-3 [pc^-3]\n"
                    + "  tau_s = 4  rho_s = 100 * rho  phase = ism }\n"
                    + "scattering b { structures s }\n");
            PatchyScattering b = block(build(p, Pipeline.Engine.COMPILED), "b", ParameterSet.of());
            PatchyScattering.Breakdown x = at(b, 1);
            double ls = 2 * Phys.AU;
            double ll = 7 * Phys.AU;
            double n = 1e-3 / Math.pow(Phys.PC, 3);
            double area = Math.pow(ll, d) * Math.pow(ls, 2 - d);
            assertEquals(1, n * area * x.meanFreePath(), 1e-9, "C12, D = " + d);
            assertEquals(n * area * ls, x.filling(), 1e-9 * x.filling(), "C16 f_V = n_s V_s");
            assertEquals(ls / x.meanFreePath(), x.filling(), 1e-9 * x.filling(), "C16 f_V = ℓ_S/ℓ_mfp");
            assertEquals(100 * x.filling(), x.massFraction(), 1e-9 * x.massFraction(), "C15");
            assertEquals(4 * x.filling(), x.trapped(), 1e-9 * x.trapped(), "C10 τ_s f_V");
            assertEquals(x.nuEffective() * (1 + x.trapped()), nu(b, 1), 1e-12 * x.nuEffective(), "trapping delay");
        }
    }

    private static double nu(PatchyScattering b, double gv) {
        b.bindAt(Species.proton(), gv * Phys.GV);
        return b.nu();
    }

    @Test
    void gyroradiusAndOpticalDepthThresholds() {
        Program p = program("phase ism { n = 1 [cm^-3]  B = 1 [uG] }\n"
                + "structure big { dimensionality = 0  ell_S = 100 [au]  n_s = 1 [pc^-3]  tau_s = 2  phase = ism }\n"
                + "structure thin { dimensionality = 0  ell_S = 100 [au]  n_s = 1 [pc^-3]  tau_s = 0.99  phase = ism }\n"
                + "structure thick { dimensionality = 0  ell_S = 100 [au]  n_s = 1 [pc^-3]  tau_s = 1.01  phase = ism }\n"
                + "scattering big_b { structures big }\n"
                + "scattering thin_b { structures thin }\n"
                + "scattering thick_b { structures thick }\n"
                + "scattering smooth { structures thin  weight = exponential }\n");
        CompiledModel m = build(p, Pipeline.Engine.COMPILED);
        ParameterSet none = ParameterSet.of();
        // C8/C31 (Eq. 3, L93, L160): r_g(1 GV, 1 uG) = 0.223 au, so 100 au structures scatter up to R = 448 GV
        double rg = Phys.GV / Phys.UG;
        assertEquals(0.223, rg / Phys.AU, 0.001, "C8 r_g(1 GV, 1 uG)");
        double rmax = 100 * Phys.AU / rg;
        PatchyScattering big = block(m, "big_b", none);
        assertTrue(at(big, rmax * 0.99).nuPatch() > 0 && at(big, rmax * 1.01).nuPatch() == 0, "Θ(ℓ_S − r_g)");
        // C9 (L103): the paper's step switches at τ_s = 1; the smooth weight is 1 − e^−τ
        assertEquals(0, at(block(m, "thin_b", none), 1).nuPatch());
        double full = at(big, 1).nuPatch();
        assertEquals(full, at(block(m, "thick_b", none), 1).nuPatch(), 1e-12 * full);
        assertEquals(full * (1 - Math.exp(-0.99)), at(block(m, "smooth", none), 1).nuPatch(), 1e-9 * full);
        List<Validation.Finding> f = StructureRates.compute(block(m, "thin_b", none), Species.proton(),
                Rates.logGrid(1, 10, 3)).findings();
        assertTrue(f.stream().anyMatch(x -> x.rule() == Rule.V2), "V2 τ_s < 1: " + f);
    }

    /** C11 (L115) and C35 (L188): the validators classify the Sec. 4 candidates the way the paper does. */
    @Test
    void candidatesAreClassifiedAsInThePaper() {
        CompiledModel m = build(program(MODEL), Pipeline.Engine.COMPILED);
        double[] band = Rates.logGrid(1, 1000, 13);
        Map<String, Set<Rule>> rules = new java.util.TreeMap<>();
        for (String name : m.scatteringNames()) {
            if (name.startsWith("candidate_")) {
                PatchyScattering b = block(m, name, m.defaultParameters());
                rules.put(name, StructureRates.compute(b, Species.proton(), band).findings().stream()
                        .map(Validation.Finding::rule).collect(Collectors.toSet()));
                if (Set.of("candidate_astrospheres", "candidate_hii_regions", "candidate_gmcs",
                        "candidate_planetary_nebulae", "candidate_snrs", "candidate_spiral_arms",
                        "candidate_pulsar_wind_nebulae").contains(name)) {
                    // C35: implied ℓ_mfp(GeV) ≥ 10³ × 10 pc
                    assertTrue(at(b, 1).meanFreePath() >= 1e4 * Phys.PC, name + " ℓ_mfp(1 GV)");
                }
            }
        }
        for (String ruledOut : List.of("candidate_astrospheres", "candidate_hii_regions", "candidate_gmcs",
                "candidate_planetary_nebulae", "candidate_snrs", "candidate_spiral_arms", "candidate_pulsar_wind_nebulae")) {
            assertTrue(rules.get(ruledOut).contains(Rule.V9), ruledOut + " is too rare (L188): " + rules.get(ruledOut));
        }
        for (String tooBig : List.of("candidate_gmcs", "candidate_snrs", "candidate_spiral_arms")) {
            assertTrue(rules.get(tooBig).contains(Rule.V4), tooBig + " has ℓ_S ≥ ℓ_mfp (C11): " + rules.get(tooBig));
        }
        assertTrue(rules.get("candidate_tsas_high_filling").contains(Rule.V9), "TSAS f_V ~ 1e-2 over-predicts (L202)");
        for (String viable : List.of("candidate_intermittent_turbulence", "candidate_tsas")) {
            Set<Rule> r = rules.get(viable);
            assertTrue(r.stream().noneMatch(x -> x != Rule.V8), viable + " is viable at 1-1000 GV (L202-L216): " + r);
        }
    }

    /** Compiled and interpreted structure laws agree on the new rates at random rigidities and parameters. */
    @Test
    void compiledAndInterpretedAgree() {
        Program p = program(MODEL);
        CompiledModel c = build(p, Pipeline.Engine.COMPILED);
        CompiledModel i = build(p, Pipeline.Engine.INTERPRETED);
        Random random = new Random(11);
        List<String> blocks = List.copyOf(p.structures().blocks().keySet());
        for (int k = 0; k < 40; k++) {
            String name = blocks.get(random.nextInt(blocks.size()));
            ParameterSet params = c.defaultParameters().with("delta_s", 0.3 + 0.4 * random.nextDouble())
                    .with("nu0", 1e-10 * Math.pow(100, random.nextDouble()));
            double gv = Math.pow(10, -2 + 6 * random.nextDouble());
            PatchyScattering.Breakdown a = at(block(c, name, params), gv);
            PatchyScattering.Breakdown b = at(block(i, name, params), gv);
            assertEquals(a.nuPatch(), b.nuPatch(), 1e-10 * Math.abs(a.nuPatch()), name + " ν at " + gv);
            assertEquals(a.filling(), b.filling(), 1e-10 * Math.abs(a.filling()), name + " f_V at " + gv);
            assertEquals(a.trapped(), b.trapped(), 1e-10 * Math.abs(a.trapped()), name + " τ f_V at " + gv);
        }
    }

    /**
     * L230: a patchy model and a continuous one with the same ⟨ν⟩_eff give the same B/C; the trapping delay
     * (1 + τ_s f_V) is what can separate them (digest §5.2 item 3).
     */
    @Test
    void patchyAndContinuousGiveTheSameBoronToCarbon() throws Exception {
        Map<Double, Double> patchy = runRatio(MODEL, "patchy_halo", "p");
        Map<Double, Double> continuous = runRatio(MODEL, "continuous_halo", "c");
        assertEquals(continuous.keySet(), patchy.keySet());
        for (Map.Entry<Double, Double> e : patchy.entrySet()) {
            assertEquals(continuous.get(e.getKey()), e.getValue(), 1e-5 * e.getValue(), "B/C at " + e.getKey());
        }
        // strongly trapping patches (τ_s = 1e5, τ_s f_V ≈ 3.5e-3 R_GV^1/2): residence times grow, and so does B/C
        String text = Files.readString(MODEL, StandardCharsets.UTF_8).replace(
                "  dB_over_B = 1\n  phase = diffuse_ism\n}\nscattering fig3_example",
                "  tau_s = 1e5\n  phase = diffuse_ism\n}\nscattering fig3_example");
        assertTrue(text.contains("tau_s = 1e5"));
        Path trapping = dir.resolve("trapping.crdl");
        Files.writeString(trapping, text, StandardCharsets.UTF_8);
        Map<Double, Double> trapped = runRatio(trapping, "patchy_halo", "t");
        Path off = dir.resolve("trapping_off.crdl");
        Files.writeString(off, text.replace("scattering fig3_example { structures gyro_patches }",
                "scattering fig3_example { structures gyro_patches  trapping_delay = off }"), StandardCharsets.UTF_8);
        Map<Double, Double> untrapped = runRatio(off, "patchy_halo", "u");
        double high = patchy.keySet().stream().filter(k -> k > 100).findFirst().orElseThrow();
        assertEquals(patchy.get(high), untrapped.get(high), 1e-5 * patchy.get(high), "delay off: same B/C");
        assertTrue(trapped.get(high) > 1.02 * patchy.get(high), "delay on: B/C grows " + trapped.get(high) / patchy.get(high));
        // the run reports the patch quantities with its residence time: C27 (L230) X > ρ_ISM ℓ_mfp "by several orders
        // of magnitude" at GeV, C26 N_scat ≫ 1
        List<String> lines = csv(dir.resolve("p").resolve("structures_fig3_example.csv"));
        List<String> transport = csv(dir.resolve("p").resolve("transport_halo.csv"));
        List<String> head = List.of(lines.get(0).split(","));
        assertTrue(head.contains("trapping_factor") && head.contains("N_scat"), lines.get(0));
        for (int k = 1; k < lines.size(); k++) {
            String[] s = lines.get(k).split(",");
            double r = Double.parseDouble(s[0]);
            double grammage = Double.parseDouble(transport.get(k).split(",")[3]);
            double column = Phys.M_P * Double.parseDouble(s[head.indexOf("ell_mfp_pc")]) * Phys.PC;
            if (r < 3) {
                assertTrue(grammage / column > 1e4, "C27 at " + r + " GV: " + grammage / column);
                assertTrue(Double.parseDouble(s[head.indexOf("N_scat")]) > 1e5, "C26 at " + r + " GV");
            }
        }
    }

    private Map<Double, Double> runRatio(Path model, String galaxy, String out) throws Exception {
        Cli.Result r = Cli.run("run", model.toString(), "--galaxy", galaxy, "--out", dir.resolve(out).toString());
        assertEquals(0, r.exitCode(), r.stderr());
        Map<Double, Double> m = new java.util.TreeMap<>();
        List<String> lines = csv(dir.resolve(out).resolve("ratio_B_C.csv"));
        for (String l : lines.subList(1, lines.size())) {
            String[] c = l.split(",");
            m.put(Double.parseDouble(c[0]), Double.parseDouble(c[1]));
        }
        return m;
    }

    /** The CSV part of an output file (an ECSV header's '#' lines dropped). */
    private static List<String> csv(Path file) throws java.io.IOException {
        return Files.readAllLines(file).stream().filter(l -> !l.startsWith("#")).toList();
    }
}
