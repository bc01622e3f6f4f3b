package org.crdl.run;

import java.util.ArrayList;
import java.util.List;
import org.crdl.interp.Env;
import org.crdl.interp.Interpreter;
import org.crdl.ir.Environment;
import org.crdl.ir.Node;
import org.crdl.ir.Program;
import org.crdl.runtime.model.CompiledModel;
import org.crdl.runtime.params.ParameterSet;
import org.crdl.runtime.particles.Kinematics;
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

/**
 * Builds the runtime's {@link TurbulenceEnvironment} from a checked {@code environment}: the
 * phase's plasma (β and v_A as the phase gives them, or the block's overrides), L, M_A and the
 * region size evaluated with the current parameters, and the block's CRDL damping laws —
 * compiled or interpreted — bound to the phase and plugged into the truncation search.
 */
public final class TurbulenceRunner {
    private TurbulenceRunner() {
    }

    public static Environment pick(Program program, String name) {
        if (program.environments().isEmpty()) {
            throw new ModelException("model " + program.modelName() + " has no environment block");
        }
        if (name == null) {
            return program.environments().values().iterator().next();
        }
        Environment e = program.environments().get(name);
        if (e == null) {
            throw new ModelException("model " + program.modelName() + " has no environment '" + name
                    + "'; environments: " + String.join(", ", program.environments().keySet()));
        }
        return e;
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
            throw new ModelException("the environment setting at " + n.span().location() + " evaluates to " + v);
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
        int n = Math.max(2, (int) Math.ceil(6 * Math.log10(hiGV / loGV)) + 1);
        double[] grid = new double[n];
        for (int i = 0; i < n; i++) {
            grid[i] = loGV * Math.pow(hiGV / loGV, (double) i / (n - 1));
        }
        List<SpatialDiffusion> c = curve(env, grid, QuadratureSettings.standard());
        double[] lnR = new double[n];
        double[] lnD = new double[n];
        for (int i = 0; i < n; i++) {
            double d = c.get(i).dxx();
            if (!(d > 0) || Double.isInfinite(d)) {
                throw new ModelException("environment " + env.name() + " gives D_xx = " + d + " at " + grid[i]
                        + " GV: no finite diffusion coefficient for the transport");
            }
            lnR[i] = Math.log(grid[i]);
            lnD[i] = Math.log(d);
        }
        Species p = Species.proton();
        return (s, r) -> {
            double x = Math.log(Math.max(loGV, Math.min(hiGV, r)));
            int i = Math.min(n - 2, Math.max(0, (int) ((x - lnR[0]) / (lnR[n - 1] - lnR[0]) * (n - 1))));
            double t = (x - lnR[i]) / (lnR[i + 1] - lnR[i]);
            double dp = Math.exp(lnD[i] + t * (lnD[i + 1] - lnD[i]));
            double ratio = Kinematics.betaFromRigidity(s, r * Constants.GV) / Kinematics.betaFromRigidity(p, r * Constants.GV);
            return ratio * dp;
        };
    }
}
