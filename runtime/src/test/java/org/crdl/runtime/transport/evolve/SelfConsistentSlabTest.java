package org.crdl.runtime.transport.evolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.crdl.runtime.particles.Resonance;
import org.crdl.runtime.plasma.ModelException;
import org.crdl.runtime.plasma.PhaseModel;
import org.crdl.runtime.plasma.PhaseState;
import org.crdl.runtime.units.Constants;
import org.crdl.runtime.waves.CrState;
import org.crdl.runtime.waves.ScatteringInfo;
import org.crdl.runtime.waves.ScatteringModel;
import org.junit.jupiter.api.Test;

/** The slab solver against closed forms, with hand-written scattering blocks (no compiler). */
class SelfConsistentSlabTest {
    private static final double H = 4 * Constants.KPC;
    private static final double h = 100 * Constants.PC;

    /** ν̄_s = nu0 (a constant phenomenological block) */
    private static ScatteringModel constantNu(double nu0) {
        return new ScatteringModel() {
            public String name() {
                return "const";
            }

            public ScatteringInfo info() {
                return ScatteringInfo.of("test", "const", new String[0], new String[0], 0.75, true, "total");
            }

            public void bind(PhaseState phase, Resonance res, CrState cr) {
            }

            public double sourceRate(double e) {
                return 0;
            }

            public double dampingRate(double e) {
                return 0;
            }

            public double[] terms(double e) {
                return new double[0];
            }

            public double nu() {
                return nu0;
            }
        };
    }

    private static EvolveSetup setup(ScatteringModel m, int cells, double[] rig, double[] q, boolean limit) {
        List<EvolveRegion> regions = List.of(new EvolveRegion("disk", h, PhaseModel.none(), m, false),
                new EvolveRegion("halo", H, PhaseModel.none(), m, false));
        return new EvolveSetup("test", H, h, regions, rig, q, cells, 1e6 * Constants.MYR, 1e-8,
                EvolveSetup.DEFAULT_WINDOW, EvolveSetup.WaveMode.BALANCE, true, limit);
    }

    /**
     * Constant D = v²/(9ν̄): the steady state above a disk with uniform injection q is the linear
     * profile e'(z) = q h (H − z)/D (flux q h per side, free escape at H); finite volumes are exact for
     * it, so any number of cells gives it to the steady-state tolerance.
     */
    @Test
    void constantScatteringReachesTheLinearProfile() {
        double nu0 = 1e-9;
        double[] rig = {1, 100};
        double[] q = {1e-30, 3e-31};
        for (int cells : new int[] {16, 64}) {
            SelfConsistentSlab slab = new SelfConsistentSlab(setup(constantNu(nu0), cells, rig, q, false));
            Evolution e = slab.evolve(Start.low(), r -> { });
            assertTrue(e.steady());
            for (int k = 0; k < rig.length; k++) {
                double v = e.speed()[k];
                double d = v * v / (9 * nu0);
                double[] z = e.centres();
                for (int i = e.diskCells(); i < z.length; i++) {
                    double exact = q[k] * h * (H - z[i]) / d;
                    assertEquals(exact, e.finalState()[k][i], 1e-5 * exact, cells + " cells, z = " + z[i]);
                }
                assertEquals(d, e.effectiveDiffusion(k), 1e-5 * d);
                // residence time: content / flux through H = [∫0^h … + ∫h^H …] / (q h)
                double content = q[k] * h * (H - h) * (H - h) / (2 * d) + h * q[k] * h * (H - h) / d
                        + q[k] * h * h * h / (3 * d);
                assertEquals(content / (q[k] * h) / Constants.MYR, e.residenceMyr(k, 0, H),
                        1e-3 * content / (q[k] * h) / Constants.MYR);
            }
        }
    }

    /** the flux limiter: F ≤ v e', so a slab without scattering empties to the free-streaming state e' ~ q h / v */
    @Test
    void freeStreamingIsBoundedByTheSpeed() {
        double[] rig = {10};
        double[] q = {1e-30};
        SelfConsistentSlab slab = new SelfConsistentSlab(setup(constantNu(1e-30), 16, rig, q, true));
        Evolution e = slab.evolve(Start.high(0.1, 1e4), r -> { });
        double v = e.speed()[0];
        double out = e.flux(0, e.centres().length - 1);
        assertEquals(q[0] * h, out, 1e-3 * q[0] * h);              // steady: all injection leaves
        assertTrue(out <= v * e.finalState()[0][e.centres().length - 1] * (1 + 1e-9));
        assertEquals(Attractor.FREE_ESCAPE, e.attractor(0));
    }

    /** a non-positive scattering rate is a model error naming model, region, z, R and t */
    @Test
    void failuresNameTheLocation() {
        SelfConsistentSlab slab = new SelfConsistentSlab(setup(constantNu(-1), 16, new double[] {1}, new double[] {1e-30},
                false));
        ModelException ex = assertThrows(ModelException.class, () -> slab.evolve(Start.normal(), r -> { }));
        for (String part : List.of("model test", "region disk", "z = ", "R = 1", "t = ")) {
            assertTrue(ex.getMessage().contains(part), ex.getMessage());
        }
    }
}
