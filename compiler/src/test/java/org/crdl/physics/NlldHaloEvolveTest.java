package org.crdl.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.crdl.Pipeline;
import org.crdl.ir.Galaxy;
import org.crdl.ir.Program;
import org.crdl.run.EvolveRunner;
import org.crdl.run.GalaxyRunner;
import org.crdl.run.Progress;
import org.crdl.runtime.model.CompiledModel;
import org.crdl.runtime.params.ParameterSet;
import org.crdl.runtime.particles.Kinematics;
import org.crdl.runtime.particles.Species;
import org.crdl.runtime.plasma.PhaseState;
import org.crdl.runtime.transport.Layer;
import org.crdl.runtime.transport.evolve.Evolution;
import org.crdl.runtime.units.Constants;
import org.junit.jupiter.api.Test;

/**
 * The kempski2022 NLLD self-confined halo ({@code models/kempski2022/nlld_evolve.crdl}: the compiled
 * {@code sc_nlld} block, streaming at v_A down the gradient, a vertical field) evolved in time by
 * {@code transport evolve} reaches the steady state that {@code layers} computes in closed form
 * (kempski2022 eqs. 10–14, L108–L124): with free escape f(r) = 0 and a constant flux F per side above
 * the source, v_A f + X (−∂f/∂z)^{1/2} = F integrates to
 * <pre>  f(z) = (F/v_A) (r − z)/(r − z + s₀),   s₀ = X²/(v_A F)  </pre>
 * (eq. 13 with its constant fixed by f(r) = 0; X of eq. 11 from {@link Layer.SelfConfinedNll#x}, the
 * layers code path). In e' = de_cr/d ln p = 4π p³ E f units (E the total energy per particle, the
 * normalisation of the evolve injection) s₀ = X² · 4π p³ E/(v_A F_e). The evolve's disk region carries
 * the same block, so above the disk (z ≥ h) the flux is F_e = q h and the profile must be the closed
 * form. Measured on 64 cells (every halo cell centre up to 0.9 r): 10 GV within 0.7–3.4 % (largest near the
 * top), 100 GV 0.3 %, 1 TV 0.02 %; asserted: 4 %. At 1 GV s₀ = 0.12 kpc is below the halo cell size
 * (0.2 kpc), the drop to zero near r is unresolved and the profile is 9 % high at the disk top — that
 * rigidity is skipped (s₀ &lt; 2Δz), not claimed.
 */
class NlldHaloEvolveTest {
    private static final Path MODEL = Path.of("models/kempski2022/nlld_evolve.crdl");

    @Test
    void evolvedNlldHaloIsTheLayersClosedForm() {
        Pipeline.Checked checked = Pipeline.check(MODEL);
        assertTrue(checked.ok(), checked.diagnostics().toString());
        Program program = checked.program().get();
        CompiledModel model = Pipeline.build(program, Pipeline.sourcePath(MODEL), Pipeline.Engine.COMPILED);
        ParameterSet params = model.defaultParameters().with("n_r", 4);
        Galaxy.Def g = GalaxyRunner.pick(program, "halo_evolve");
        EvolveRunner.Outcome o = new EvolveRunner(program, model, params, MODEL)
                .run(g, List.of("normal"), null, r -> { }, Progress.none());
        Evolution e = o.runs().get(0).evolution();
        assertTrue(e.steady(), "the NLLD halo reaches a steady state");

        double r = e.setup().haloHeight();
        double h = e.setup().diskHeight();
        Species proton = Species.proton();
        double[] rig = e.rigiditiesGV();
        double worst = 0;
        for (int k = 0; k < rig.length; k++) {
            double rigidity = rig[k] * Constants.GV;
            PhaseState hot = model.phase("hot_halo", params).at(proton, rigidity);
            Layer.SelfConfinedNll layer = Layer.SelfConfinedNll.of("halo", r, hot.field("n"), hot.field("T"), hot.field("B"));
            double p = Kinematics.momentumFromRigidity(proton, rigidity);
            double v = Kinematics.betaFromRigidity(proton, rigidity) * Constants.C;
            double energy = Math.hypot(p * Constants.C, Constants.M_P * Constants.C * Constants.C);
            double x = layer.x(p, v);
            double vA = layer.alfvenSpeed();
            double flux = e.injectionPerSide(k);
            double s0 = x * x * 4 * Math.PI * p * p * p * energy / (vA * flux);
            assertEquals(vA, e.haloAlfven()[k], 1e-3 * vA, "the halo's streaming speed is the layer's v_A");
            double[] z = e.centres();
            for (int i = e.diskCells(); i < z.length && z[i] < 0.9 * r; i++) {
                double closed = flux / vA * (r - z[i]) / (r - z[i] + s0);
                double evolved = e.finalState()[k][i];
                double dev = Math.abs(evolved / closed - 1);
                if (s0 < 2 * (z[i + 1] - z[i])) {
                    continue;   // the drop to zero over s0 near the top is not resolved by the halo cells (1 GV here)
                }
                worst = Math.max(worst, dev);
                assertEquals(closed, evolved, 0.04 * closed, "e' at z = " + z[i] / Constants.KPC + " kpc, R = " + rig[k]
                        + " GV (s0 = " + s0 / Constants.KPC + " kpc)");
            }
            assertTrue(h < z[e.diskCells()], "first halo cell above the disk");
        }
        System.out.printf("NLLD halo: evolved vs layers closed form, worst deviation %.3g%n", worst);
    }
}
