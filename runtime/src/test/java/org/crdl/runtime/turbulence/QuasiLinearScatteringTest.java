package org.crdl.runtime.turbulence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import org.crdl.runtime.particles.Species;
import org.crdl.runtime.plasma.ModelException;
import org.crdl.runtime.units.Constants;
import org.junit.jupiter.api.Test;

/** Numerics, edge cases and conventions of the D_xx calculation. */
class QuasiLinearScatteringTest {
    @Test
    void invalidInputsAreModelExceptionsNamingEnvironmentAndRigidity() {
        QuasiLinearScattering q = new QuasiLinearScattering(Environments.fornieriHaloCode2020(), Species.proton(),
                QuadratureSettings.coarse());
        ModelException e = assertThrows(ModelException.class, () -> q.at(-1));
        assertTrue(e.getMessage().contains("fornieri2021 halo") && e.getMessage().contains("-1.0 GV"), e.getMessage());
        assertThrows(ModelException.class, () -> q.at(Double.NaN));
        assertThrows(ModelException.class, () -> q.pitchAngleDiffusion(10, 1.0, 0));
        ModelException env = assertThrows(ModelException.class, () -> new TurbulenceEnvironment("bad", -1, 1, 0.1, 1e6,
                1e-6, EnumSet.of(ModeFamily.FAST), List.of(), FastModeCascade.weakIsotropic(1, 1, 1), 1, Double.NaN,
                Conventions.physical()));
        assertTrue(env.getMessage().contains("bad") && env.getMessage().contains("injection scale"), env.getMessage());
        ModelException noSize = assertThrows(ModelException.class, () -> new TurbulenceEnvironment("no size", 1e20, 1,
                0.1, 1e6, 1e-6, EnumSet.of(ModeFamily.FAST), List.of(), FastModeCascade.weakIsotropic(1, 1, 1), 1e-18,
                Double.NaN, Conventions.physical().withDiffusiveCriterion(Conventions.DiffusiveCriterion.PAPER_MU_STAR)));
        assertTrue(noSize.getMessage().contains("region size"), noSize.getMessage());
    }

    /** Edge handling (fornieri2021 §6.3): M_A = 0.1 has k_max L &lt; 1 over a ξ range; ξ → 0, z → 0 are finite. */
    @Test
    void nanFreeEdges() {
        TurbulenceEnvironment e = Environments.fornieriHalo(100, 0.1, Conventions.physical());
        QuasiLinearScattering q = new QuasiLinearScattering(e, Species.proton(), QuadratureSettings.coarse());
        for (double gv : new double[] {0.1, 10, 1e3, 1e5}) {
            SpatialDiffusion d = q.at(gv);
            assertTrue(Double.isFinite(d.dxx()) && d.dxx() > 0, gv + " GV: " + d);
            assertTrue(d.relError() >= 0 && Double.isFinite(d.relError()));
            for (double mu : new double[] {0.0, 1e-9, 0.5, 0.999999}) {
                double[] dm = q.pitchAngleDiffusion(gv, mu, 0);
                for (double v : dm) {
                    assertTrue(v >= 0 && Double.isFinite(v), "D_mumu at mu=" + mu + ": " + v);
                }
            }
        }
    }

    /** The result reports its own convergence: standard settings meet their tolerance on a curve. */
    @Test
    void reportsConvergedErrors() {
        QuasiLinearScattering q = new QuasiLinearScattering(Environments.fornieriDiskCode2020());
        double[] gv = {0.3, 3, 30, 300, 3e3, 3e4};
        for (SpatialDiffusion d : q.curve(gv, 2)) {
            assertTrue(d.relError() <= 1e-3, d.toString());
            assertTrue(d.level() >= 1);
        }
        // a coarser level differs by about the reported error (the estimate is not vacuous)
        QuasiLinearScattering c = new QuasiLinearScattering(Environments.fornieriDiskCode2020(), Species.proton(),
                new QuadratureSettings(4, 2, 2, 0.5, 1e-12, 1));
        SpatialDiffusion rough = c.at(30);
        SpatialDiffusion fine = q.at(30);
        double actual = Math.abs(rough.dxx() / fine.dxx() - 1);
        assertTrue(actual < 3 * rough.relError() + 1e-3, "actual " + actual + " vs estimate " + rough.relError());
    }

    @Test
    void threadPoolGivesTheSameCurve() {
        QuasiLinearScattering q = new QuasiLinearScattering(Environments.kempskiFig3Halo(), Species.proton(),
                QuadratureSettings.coarse());
        double[] gv = {1, 10, 100, 1000};
        List<SpatialDiffusion> seq = q.curve(gv, 1);
        List<SpatialDiffusion> par = q.curve(gv, 2);
        for (int i = 0; i < gv.length; i++) {
            assertEquals(seq.get(i), par.get(i));
        }
    }

    /** fornieri2021 digest §6.4 item 2: the 1/8 disk-notebook prefactor halves D exactly. */
    @Test
    void muPrefactorConvention() {
        TurbulenceEnvironment quarter = Environments.fornieriDisk(100, 1, Conventions.code2020Disk()
                .withMuPrefactor(Conventions.MuPrefactor.QUARTER));
        double a = new QuasiLinearScattering(quarter, Species.proton(), QuadratureSettings.coarse()).at(50).dxx();
        double b = new QuasiLinearScattering(Environments.fornieriDiskCode2020(), Species.proton(),
                QuadratureSettings.coarse()).at(50).dxx();
        assertEquals(0.5 * a, b, 1e-12 * a);
    }

    /**
     * CODE-2023 resonance width (digest §6.4 item 7): prefactor √π/√2 and variance 2(1−μ²)M_A. Without
     * damping, its fast-mode D_μμ at M_A equals the eq. (2) kernel at 2M_A divided by 2^{3/2}·√2 = 4.
     */
    @Test
    void resonanceWidthConvention() {
        double l = 100 * Constants.PC;
        TurbulenceEnvironment paper = new TurbulenceEnvironment("paper", l, 1.2, 0.1, 1e6, 1e-6,
                EnumSet.of(ModeFamily.FAST), List.of(), FastModeCascade.weakIsotropic(l, 1.2, 1e6), 1e-9, Double.NaN,
                Conventions.physical());
        TurbulenceEnvironment wide = new TurbulenceEnvironment("code2023", l, 0.6, 0.1, 1e6, 1e-6,
                EnumSet.of(ModeFamily.FAST), List.of(), FastModeCascade.weakIsotropic(l, 0.6, 1e6), 1e-9, Double.NaN,
                Conventions.physical().withResonanceWidth(Conventions.ResonanceWidth.CODE2023));
        QuasiLinearScattering qp = new QuasiLinearScattering(paper, Species.proton(), QuadratureSettings.coarse());
        QuasiLinearScattering qw = new QuasiLinearScattering(wide, Species.proton(), QuadratureSettings.coarse());
        for (double mu : new double[] {0.1, 0.5, 0.9}) {
            double[] a = qp.pitchAngleDiffusion(300, mu, 1);
            double[] b = qw.pitchAngleDiffusion(300, mu, 1);
            assertEquals(a[1] / 4, b[1], 1e-12 * a[1], "TTD mu=" + mu);
            assertEquals(a[2] / 4, b[2], 1e-12 * a[2], "gyro mu=" + mu);
        }
    }

    /** Particle speed: CODE-2020 uses v = c; physical v = βc makes D smaller at 1 GV by about β. */
    @Test
    void code2020SpeedConvention() {
        TurbulenceEnvironment code = Environments.fornieriHaloCode2020();
        TurbulenceEnvironment beta = code.withConventions(Conventions.code2020Halo()
                .withConstants(Conventions.ConstantSet.CODATA));
        double gv = 0.5;
        double dc = new QuasiLinearScattering(code, Species.proton(), QuadratureSettings.coarse()).at(gv).dxx();
        double db = new QuasiLinearScattering(beta, Species.proton(), QuadratureSettings.coarse()).at(gv).dxx();
        double p = gv * Constants.GV * Constants.Q_E / Constants.C;
        double e = Math.hypot(p * Constants.C, Constants.M_P * Constants.C * Constants.C);
        double b = p * Constants.C / e;
        assertTrue(db < dc && db / dc > b * 0.5 && db / dc < b * 2, "ratio " + db / dc + " vs beta " + b);
    }

    /** A phase's fields give β and v_A (kempski2022 digest §4 derived table: warm Fig. 3 v_A = 41.4 km/s, β = 0.193). */
    @Test
    void environmentFromPhaseFields() {
        org.crdl.runtime.plasma.PhaseState warm = new org.crdl.runtime.plasma.PhaseState("warm",
                java.util.Map.of("n", 0.1, "T", 2e4, "B", 6e-6));
        TurbulenceEnvironment e = Environments.fromPhase(warm, 1.0, 100, EnumSet.of(ModeFamily.FAST), List.of(), 1000,
                Conventions.physical());
        assertEquals(41.4e5, e.alfvenSpeed(), 0.1e5);
        assertEquals(0.193, e.plasmaBeta(), 0.001);
        assertEquals(100 * Constants.PC, e.injectionScale(), 1e-6 * e.injectionScale());
    }
}
