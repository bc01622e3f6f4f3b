package org.crdl.run;

import java.util.ArrayList;
import java.util.List;
import org.crdl.interp.Env;
import org.crdl.interp.Interpreter;
import org.crdl.ir.Environment;
import org.crdl.ir.Node;
import org.crdl.ir.Program;
import org.crdl.runtime.data.XAxisKind;
import org.crdl.runtime.model.CompiledModel;
import org.crdl.runtime.observables.ModelCurve;
import org.crdl.runtime.params.ParameterSet;
import org.crdl.runtime.particles.Species;
import org.crdl.runtime.plasma.ModelException;
import org.crdl.runtime.plasma.PhaseState;
import org.crdl.runtime.transport.Diffusion;
import org.crdl.runtime.turbulence.AngleAveragedDamping;
import org.crdl.runtime.turbulence.Environments;
import org.crdl.runtime.turbulence.FastModeDamping;
import org.crdl.runtime.turbulence.QuadratureSettings;
import org.crdl.runtime.turbulence.QuasiLinearScattering;
import org.crdl.runtime.turbulence.SpatialDiffusion;
import org.crdl.runtime.turbulence.TurbulenceEnvironment;
import org.crdl.runtime.units.Constants;
import org.crdl.runtime.waves.Rates;

/**
 * Builds the runtime's {@link TurbulenceEnvironment} from a checked {@code environment}: the
 * phase's plasma (β and v_A as the phase gives them, or the block's overrides), L, M_A and the
 * region size evaluated with the current parameters, and the block's CRDL damping laws —
 * compiled or interpreted — bound to the phase and plugged into the truncation search.
 */
public final class TurbulenceRunner {
    private TurbulenceRunner() {
    }

    /** The environment called {@code name}, or the model's first. */
    public static Environment pick(Program program, String name) {
        return Blocks.pick(program.environments(), name, "environment", program.modelName(), "");
    }

    public static TurbulenceEnvironment environment(CompiledModel model, ParameterSet params, Environment e) {
        PhaseState phase = model.phase(e.phase(), params).at(Species.proton(), Constants.GV);
        if (e.beta().isPresent()) {
            phase = phase.with("beta_plasma", value(e.beta().get(), params, phase));
        }
        if (e.alfvenSpeed().isPresent()) {
            phase = phase.with("v_A_ideal", value(e.alfvenSpeed().get(), params, phase));
        }
        double l = value(e.injectionScale(), params, phase);
        double ma = value(e.machAlfven(), params, phase);
        List<FastModeDamping> damping = new ArrayList<>();
        for (String law : e.damping()) {
            FastModeDamping d = model.dampingLaw(law, params).asFastModeDamping(phase);
            damping.add(e.angleAverage() ? new AngleAveragedDamping(d, l, ma) : d);
        }
        PhaseState bound = phase;
        double size = e.regionSize().map(n -> value(n, params, bound)).orElse(Double.NaN);
        TurbulenceEnvironment env = Environments.fromPhase(phase, ma, l / Constants.PC, e.modes(), damping,
                size / Constants.PC, e.conventions());
        return env.withName(e.name() + " (model " + model.name() + ", phase " + e.phase() + ")");
    }

    private static double value(Node n, ParameterSet params, PhaseState phase) {
        double v = Interpreter.value(n, Env.of(params).withPhase(phase));
        if (!Double.isFinite(v)) {
            throw new ModelException("the environment setting at " + n.span().location() + " evaluates to "
                    + ModelException.show(v));
        }
        return v;
    }

    public static List<SpatialDiffusion> curve(TurbulenceEnvironment env, double[] rigiditiesGV,
                                               QuadratureSettings settings) {
        return new QuasiLinearScattering(env, Species.proton(), settings).curve(rigiditiesGV, 2);
    }

    /**
     * κ(species, R) for transport: the proton D_xx of the environment, computed on a log grid
     * (6 per decade) over [lo, hi] GV and interpolated in log–log, scaled by v_s/v_p at equal
     * rigidity (kempski2022 footnote 3, L299).
     */
    public static Diffusion kappa(TurbulenceEnvironment env, double loGV, double hiGV) {
        double[] grid = Rates.logGrid(loGV, hiGV, Math.max(2, (int) Math.ceil(6 * Math.log10(hiGV / loGV)) + 1));
        List<SpatialDiffusion> c = curve(env, grid, QuadratureSettings.standard());
        double[] dxx = new double[grid.length];
        for (int i = 0; i < grid.length; i++) {
            dxx[i] = c.get(i).dxx();
            if (!(dxx[i] > 0) || Double.isInfinite(dxx[i])) {
                throw new ModelException("environment " + env.name() + " gives D_xx = " + dxx[i] + " at " + grid[i]
                        + " GV: no finite diffusion coefficient for the transport");
            }
        }
        ModelCurve proton = new ModelCurve("D_xx of " + env.name(), XAxisKind.RIGIDITY, grid, dxx);
        return Diffusion.velocityScaled((p, r) -> proton.valueAt(Math.max(loGV, Math.min(hiGV, r))));
    }
}
