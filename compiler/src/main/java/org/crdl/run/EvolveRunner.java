package org.crdl.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.crdl.interp.Env;
import org.crdl.interp.Interpreter;
import org.crdl.ir.Galaxy;
import org.crdl.ir.Program;
import org.crdl.passes.Explain;
import org.crdl.passes.Stability;
import org.crdl.runtime.model.CompiledModel;
import org.crdl.runtime.network.ContinuousLoss;
import org.crdl.runtime.network.Gas;
import org.crdl.runtime.network.Network;
import org.crdl.runtime.params.ParameterSet;
import org.crdl.runtime.particles.Kinematics;
import org.crdl.runtime.particles.Resonance;
import org.crdl.runtime.particles.Species;
import org.crdl.runtime.plasma.ModelException;
import org.crdl.runtime.plasma.PhaseState;
import org.crdl.runtime.plasma.PlasmaQuantity;
import org.crdl.runtime.transport.Diffusion;
import org.crdl.runtime.transport.EnergyGrid;
import org.crdl.runtime.transport.FlatHalo;
import org.crdl.runtime.transport.Source;
import org.crdl.runtime.transport.TransportSolution;
import org.crdl.runtime.transport.evolve.Classification;
import org.crdl.runtime.transport.evolve.EvolveRegion;
import org.crdl.runtime.transport.evolve.EvolveSetup;
import org.crdl.runtime.transport.evolve.Evolution;
import org.crdl.runtime.transport.evolve.SelfConsistentSlab;
import org.crdl.runtime.transport.evolve.Start;
import org.crdl.runtime.units.Constants;
import org.crdl.runtime.waves.Rates;

/**
 * Runs a galaxy with {@code transport evolve}: builds the {@link EvolveSetup} from the checked
 * settings (evaluated with the current parameters), evolves each start with
 * {@link SelfConsistentSlab}, classifies the outcome, and runs the nuclear network of flat_halo on
 * the final evolved transport: a flat halo of the same H and disk whose constant D(R) is the
 * evolved state's {@link Evolution#effectiveDiffusion} (the same escape from the disk; exact for
 * pure diffusion in steady state), for other species at equal rigidity D ∝ v² (D = v²/(9ν̄_s) at
 * the same ν̄_s). Between grid points ln(D/β) is interpolated linearly in ln R (exact for
 * ν̄_s ∝ β R^−δ_s, L255); beyond the grid the end segments are continued.
 */
public final class EvolveRunner {
    private final Program program;
    private final CompiledModel model;
    private final ParameterSet params;
    private final Path modelFile;
    private final GalaxyRunner galaxies;

    public EvolveRunner(Program program, CompiledModel model, ParameterSet params, Path modelFile) {
        this.program = program;
        this.model = model;
        this.params = params;
        this.modelFile = modelFile;
        this.galaxies = new GalaxyRunner(program, model, params, modelFile);
    }

    /** One evolved start with what `crdl run` would report for its final state. */
    public record Run(Evolution evolution, GalaxyRunner.Result result) {
    }

    /** Every start of one `crdl evolve`, the classification and the compile-time prediction. */
    public record Outcome(Galaxy.Def galaxy, List<Run> runs, Classification classification,
                          Optional<Stability> predicted, String scattering) {
    }

    /** the start the galaxy names ({@code start = …}), as a list of start names ("both" = low and high) */
    public static List<String> startNames(Galaxy.Def g, String option) {
        Galaxy.Evolve ev = evolve(g);
        String s = option != null ? option : ev.start();
        return switch (s) {
            case "both" -> List.of("low", "high");
            case "normal", "low", "high", "user" -> List.of(s);
            default -> throw new ModelException("--start is normal, low, high or both, not '" + s + "'");
        };
    }

    private static Galaxy.Evolve evolve(Galaxy.Def g) {
        if (!(g.transport() instanceof Galaxy.Evolve ev)) {
            throw new ModelException("galaxy " + g.name() + " does not use transport evolve { … }; crdl evolve needs one");
        }
        return ev;
    }

    public Outcome run(Galaxy.Def g, List<String> starts, Double tMaxOverride, Consumer<SelfConsistentSlab.StepReport> steps,
                       Progress progress) {
        Galaxy.Evolve ev = evolve(g);
        EvolveSetup setup = setup(g, ev, tMaxOverride);
        SelfConsistentSlab slab = new SelfConsistentSlab(setup);
        List<Run> runs = new ArrayList<>();
        for (String name : starts) {
            progress.stage("evolving the " + name + " start");
            Start start = start(ev, name, setup);
            Evolution e = slab.evolve(start, steps);
            progress.stage("network on the final " + name + " state");
            runs.add(new Run(e, network(g, ev, e)));
        }
        Classification c = Classification.of(runs.stream().map(Run::evolution).toList());
        Map<String, Stability> st = Explain.stability(program, null);   // at the model's reference phase, as --explain
        return new Outcome(g, runs, c, Optional.ofNullable(st.get(ev.halo().scattering())), ev.halo().scattering());
    }

    /** `crdl run` on an evolve galaxy: the galaxy's own start, its final state through the run writers */
    GalaxyRunner.Result runOnce(Galaxy.Def g, Progress progress) {
        return run(g, startNames(g, null), null, r -> { }, progress).runs().get(0).result();
    }

    // ---------------------------------------------------------------- setup

    EvolveSetup setup(Galaxy.Def g, Galaxy.Evolve ev, Double tMaxOverride) {
        double h = galaxies.constant(ev.disk().halfThickness());
        double hh = galaxies.constant(ev.halfHeight());
        double lo = galaxies.constant(ev.rigidityMin()) / Constants.GV;
        double hi = galaxies.constant(ev.rigidityMax()) / Constants.GV;
        int points = (int) Math.round(galaxies.constant(ev.points()));
        if (!(lo > 0) || !(hi > lo) || points < 3) {
            throw new ModelException("transport evolve of galaxy " + g.name() + ": the rigidity grid needs 0 < min < max and"
                    + " points >= 3; got " + lo + " to " + hi + " GV with " + points + " points");
        }
        double[] rig = Rates.logGrid(lo, hi, points);
        Source source = galaxies.source(g);
        double[] q = new double[points];
        Species p = Species.proton();
        for (int k = 0; k < points; k++) {
            double r = rig[k] * Constants.GV;
            double mom = Kinematics.momentumFromRigidity(p, r);
            double energy = Math.sqrt(mom * mom * Constants.C * Constants.C + Math.pow(Constants.M_P * Constants.C
                    * Constants.C, 2));
            q[k] = source.ratePerRigidity(p, r) * r * energy / (2 * h);   // per ln R, per disk volume
        }
        List<EvolveRegion> regions = List.of(region(ev.diskRegion(), h, ev.streaming()),
                region(ev.halo(), hh, ev.streaming()));
        double tMax = tMaxOverride != null ? tMaxOverride : galaxies.constant(ev.tMax());
        return new EvolveSetup(program.modelName(), hh, h, regions, rig, q, (int) Math.round(galaxies.constant(ev.cells())),
                tMax, galaxies.constant(ev.tolerance()), EvolveSetup.DEFAULT_WINDOW,
                ev.odeWaves() ? EvolveSetup.WaveMode.ODE : EvolveSetup.WaveMode.BALANCE, ev.tangled(), ev.fluxLimit());
    }

    private EvolveRegion region(Galaxy.EvolveRegion r, double top, boolean streaming) {
        return new EvolveRegion(r.name(), top, model.phase(r.phase(), params), model.scattering(r.scattering(), params),
                r.streaming().orElse(streaming));
    }

    private Start start(Galaxy.Evolve ev, String name, EvolveSetup setup) {
        double[] r = setup.rigiditiesGV();
        if (name.equals("user")) {
            org.crdl.ir.Node spectrum = ev.startSpectrum().orElseThrow(() -> new ModelException(
                    "start = user needs start_spectrum = … in the transport evolve block"));
            return Start.user(gv -> Interpreter.value(spectrum, Env.of(params).withResonance(
                    Resonance.of(Species.proton(), gv * Constants.GV, Double.NaN))));
        }
        return Start.named(name, r[0], r[r.length - 1]);
    }

    // ---------------------------------------------------------------- network on the final state

    private GalaxyRunner.Result network(Galaxy.Def g, Galaxy.Evolve ev, Evolution e) {
        double[] rig = e.rigiditiesGV();
        double[] lnD = new double[rig.length];
        for (int k = 0; k < rig.length; k++) {
            double d = e.effectiveDiffusion(k);
            if (!(d > 0) || Double.isInfinite(d)) {
                throw new ModelException("model " + program.modelName() + ", galaxy " + g.name() + ", " + e.start().label()
                        + " start: no escape from the disk at R = " + rig[k] + " GV at t = " + e.tEnd() / Constants.MYR
                        + " Myr (effective D = " + d + "), so the network cannot run on this state");
            }
            // D/β = c²β/(9ν̄_s) with ν̄_s/β ∝ R^-δ_s (L255) is interpolated, so a power-law ν̄_s/β is exact
            lnD[k] = Math.log(d / Kinematics.betaFromRigidity(Species.proton(), rig[k] * Constants.GV));
        }
        Species proton = Species.proton();
        Diffusion protonD = (s, gv) -> Math.exp(interpolate(rig, lnD, gv))
                * Kinematics.betaFromRigidity(proton, gv * Constants.GV);
        Diffusion d = (s, gv) -> {
            double ratio = Kinematics.betaFromRigidity(s, gv * Constants.GV)
                    / Kinematics.betaFromRigidity(proton, gv * Constants.GV);
            return ratio * ratio * protonD.coefficient(proton, gv);
        };
        Network network = network(g);
        Gas gas = new Gas(galaxies.constant(ev.disk().density()), galaxies.constant(ev.disk().helium()),
                galaxies.constant(ev.disk().ionized()));
        double h = galaxies.constant(ev.disk().halfThickness());
        double hh = galaxies.constant(ev.halfHeight());
        FlatHalo halo = FlatHalo.builder().network(network).haloHalfHeight(hh).disk(h, gas).diffusion(d)
                .source(galaxies.source(g)).losses(ContinuousLoss.NONE).decay(true).build();
        EnergyGrid grid = galaxies.grid(g);
        TransportSolution s = halo.solve(grid);
        double phi = g.modulationPhi().map(galaxies::constant).map(v -> v / Constants.GV).orElse(0.0);
        List<GalaxyRunner.Region> regions = List.of(region(e, ev.diskRegion(), 0, h, gas.massDensity()),
                region(e, ev.halo(), h, hh, Double.NaN));
        return new GalaxyRunner.Result(g, GalaxyRunner.spectra(s), phi, regions, Optional.empty());
    }

    /** ν̄_s (mean over the region's faces), D = v²/(9ν̄_s) (κ for a vertical field), grammage and residence time */
    private GalaxyRunner.Region region(Evolution e, Galaxy.EvolveRegion r, double zLo, double zHi, double rhoGiven) {
        double[] rig = e.rigiditiesGV();
        int n = rig.length;
        double[] nu = new double[n];
        double[] dxx = new double[n];
        double[] gram = new double[n];
        double[] res = new double[n];
        double[] kz = e.setup().tangled() ? null : new double[n];
        Species p = Species.proton();
        for (int k = 0; k < n; k++) {
            double v = Kinematics.betaFromRigidity(p, rig[k] * Constants.GV) * Constants.C;
            nu[k] = e.meanNu(k, zLo, zHi);
            double coefficient = nu[k] > 0 ? v * v / (9 * nu[k]) : Double.NaN;
            dxx[k] = coefficient;
            if (kz != null) {
                kz[k] = nu[k] > 0 ? v * v / (3 * nu[k]) : Double.NaN;
            }
            double rho = rhoGiven;
            if (Double.isNaN(rho)) {
                PhaseState ph = model.phase(r.phase(), params).at(p, rig[k] * Constants.GV);
                rho = ph.has("n") || ph.has("rho") ? PlasmaQuantity.RHO.of(ph, Resonance.of(p, rig[k] * Constants.GV,
                        ph.fieldOr("B", Double.NaN))) : Double.NaN;
            }
            res[k] = e.residenceMyr(k, zLo, zHi);
            gram[k] = rho * v * res[k] * Constants.MYR;
        }
        return new GalaxyRunner.Region(r.name(), rig, nu, dxx, gram, res, kz);
    }

    /** The galaxy's nuclear network, built exactly as {@code crdl run} builds it. */
    private Network network(Galaxy.Def g) {
        return GalaxyRunner.network(g, modelFile, org.crdl.load.SourceRoots.forModel(modelFile, List.of()),
                galaxies::constant);
    }

    /** linear interpolation in ln R of y; beyond the ends, the end segments continued */
    static double interpolate(double[] rig, double[] y, double gv) {
        int n = rig.length;
        double x = Math.log(gv);
        int i = 0;
        while (i < n - 2 && Math.log(rig[i + 1]) < x) {
            i++;
        }
        double x0 = Math.log(rig[i]);
        double x1 = Math.log(rig[i + 1]);
        return y[i] + (y[i + 1] - y[i]) * (x - x0) / (x1 - x0);
    }
}
