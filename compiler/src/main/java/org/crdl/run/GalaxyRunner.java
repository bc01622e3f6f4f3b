package org.crdl.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.crdl.interp.Env;
import org.crdl.interp.Interpreter;
import org.crdl.ir.Galaxy;
import org.crdl.load.SourceRoots;
import org.crdl.ir.Node;
import org.crdl.ir.Program;
import org.crdl.runtime.leptons.LeptonLosses;
import org.crdl.runtime.leptons.SecondaryTransport;
import org.crdl.runtime.model.CompiledModel;
import org.crdl.runtime.network.ContinuousLoss;
import org.crdl.runtime.network.CrossSectionTables;
import org.crdl.runtime.network.FullNetwork;
import org.crdl.runtime.network.Gas;
import org.crdl.runtime.network.InelasticCrossSection;
import org.crdl.runtime.network.LayeredPartials;
import org.crdl.runtime.network.Network;
import org.crdl.runtime.network.NuclideTable;
import org.crdl.runtime.network.PartialCrossSections;
import org.crdl.runtime.network.WebberTable;
import org.crdl.runtime.params.ParameterSet;
import org.crdl.runtime.particles.Kinematics;
import org.crdl.runtime.particles.Resonance;
import org.crdl.runtime.particles.Species;
import org.crdl.runtime.plasma.ModelException;
import org.crdl.runtime.plasma.PhaseModel;
import org.crdl.runtime.plasma.PhaseState;
import org.crdl.runtime.transport.Diffusion;
import org.crdl.runtime.transport.EnergyGrid;
import org.crdl.runtime.transport.FlatHalo;
import org.crdl.runtime.transport.InjectionSpectrum;
import org.crdl.runtime.transport.Layer;
import org.crdl.runtime.transport.LayeredSlab;
import org.crdl.runtime.transport.LayeredSolution;
import org.crdl.runtime.transport.LeakyBox;
import org.crdl.runtime.transport.Source;
import org.crdl.runtime.transport.TransportSolution;
import org.crdl.runtime.units.Constants;
import org.crdl.runtime.waves.Rates;
import org.crdl.runtime.waves.ScatteringModel;
import org.crdl.runtime.waves.WaveBalance;

/**
 * Turns a checked {@code galaxy} into runtime objects and solves it: settings are evaluated
 * with the current parameters (so {@code --set} needs no recompilation), D_xx comes from the
 * named scattering block (compiled or interpreted, evaluated in the named phase) as
 * D_xx = v²/(9ν̄_s) — or κ_∥ = v²/(3ν̄_s) along the vertical field of a layer — and the
 * transport solver of the geometry runs on the galaxy's energy grid.
 */
public final class GalaxyRunner {

    private final Program program;
    private final CompiledModel model;
    private final ParameterSet params;
    private final Path modelFile;
    private final SourceRoots roots;
    private final Network prebuilt;

    public GalaxyRunner(Program program, CompiledModel model, ParameterSet params, Path modelFile) {
        this(program, model, params, modelFile, SourceRoots.forModel(modelFile, List.of()), null);
    }

    /** A runner whose data files must lie below {@code roots}. */
    public GalaxyRunner(Program program, CompiledModel model, ParameterSet params, Path modelFile, SourceRoots roots) {
        this(program, model, params, modelFile, roots, null);
    }

    /**
     * A runner that reuses a network built once with {@link #network(Galaxy.Def, Path, SourceRoots,
     * java.util.function.ToDoubleFunction)} (the network depends on no parameter), so repeated runs (fit,
     * scan) do not re-read cross-section files; {@code prebuilt} null builds it per run.
     */
    public GalaxyRunner(Program program, CompiledModel model, ParameterSet params, Path modelFile, SourceRoots roots,
                        Network prebuilt) {
        this.roots = roots;
        this.program = program;
        this.model = model;
        this.params = params;
        this.modelFile = modelFile;
        this.prebuilt = prebuilt;
    }

    /** What a run produced. */
    public record Result(Galaxy.Def galaxy, Spectra spectra, double phiGV, List<Region> regions,
                         Optional<Breakdown> layers) {
    }

    /**
     * For a layered slab: how much each layer contributes to a secondary-to-primary ratio at equal
     * rigidity (kempski2022 Fig. 5: the dotted WIM and dashed halo parts of B/C).
     */
    public record Breakdown(LayeredSolution solution, List<String> layerNames) {
        /** ratio of summed densities at equal rigidity, and each layer's part of it */
        public double[][] ratioByLayer(List<String> numerator, List<String> denominator) {
            double[] den = sum(denominator);
            double[][] out = new double[layerNames.size() + 1][];
            out[0] = solution.ratio(numerator, denominator);
            for (int l = 0; l < layerNames.size(); l++) {
                double[] part = new double[den.length];
                for (String n : numerator) {
                    double[] c = solution.layerContribution(n, l);
                    for (int k = 0; k < part.length; k++) {
                        part[k] += c[k];
                    }
                }
                for (int k = 0; k < part.length; k++) {
                    part[k] /= den[k];
                }
                out[l + 1] = part;
            }
            return out;
        }

        private double[] sum(List<String> species) {
            double[] out = new double[solution.rigiditiesGV().length];
            for (String s : species) {
                double[] d = solution.density(s);
                for (int k = 0; k < out.length; k++) {
                    out[k] += d[k];
                }
            }
            return out;
        }
    }

    /**
     * Transport properties of one region versus rigidity (protons): ν̄_s, D_xx (κ for layers),
     * grammage and residence time where the geometry defines them (NaN elsewhere).
     */
    public record Region(String name, double[] rigidityGV, double[] nu, double[] dxx, double[] grammage,
                         double[] residenceMyr, double[] kappaZ) {
    }

    /** The galaxy called {@code name}, or the model's first (main) galaxy. */
    public static Galaxy.Def pick(Program program, String name) {
        return Blocks.pick(program.galaxies(), name, "galaxy", program.modelName(), " to run; add one such as "
                + "galaxy mw { transport flat_halo { … } scattering S source sn { … } }");
    }

    public Result run(Galaxy.Def g, Progress progress) {
        if (g.transport() instanceof Galaxy.Evolve) {
            return new EvolveRunner(program, model, params, modelFile).runOnce(g, progress);
        }
        progress.stage("network and sources");
        Network network = network(g);
        Source source = source(g);
        double phi = g.modulationPhi().map(this::constant).map(v -> v / Constants.GV).orElse(0.0);
        if (!(phi >= 0) || Double.isInfinite(phi)) {
            throw new ModelException("model " + model.name() + ", galaxy " + g.name()
                    + ": the force-field potential must be >= 0 GV and finite, found "
                    + ModelException.show(phi) + (Double.isNaN(phi) ? "" : " GV"));
        }
        EnergyGrid grid = grid(g);
        progress.stage("transport (" + transportName(g.transport()) + ")");
        if (g.transport() instanceof Galaxy.FlatHalo fh) {
            Diffusion d = diffusion(g.scattering().orElseThrow(), g.phase(), WaveBalance.Solution::dxx);
            double h = constant(fh.disk().halfThickness());
            double bigH = constant(fh.halfHeight());
            FlatHalo.Builder halo = FlatHalo.builder().network(network).haloHalfHeight(bigH)
                    .disk(h, gas(fh.disk())).diffusion(d).source(source)
                    .losses(LeptonSetup.losses(ContinuousLoss.HOPKINS2021, fh.losses(), g, network, this::constant,
                            LeptonSetup.flatHaloWeight(bigH, h, d))).decay(fh.decay())
                    .reacceleration(constant(fh.alfvenSpeed()), dppPrefactor(fh.reacceleration()))
                    .reaccelerationInHalo(fh.reacceleration().region() == Galaxy.ReaccelerationRegion.HALO)
                    .radialBoundary(fh.radialBoundary().map(this::constant).orElse(Double.POSITIVE_INFINITY))
                    .convection(constant(fh.wind()));
            TransportSolution s = SecondaryTransport.solve(src -> halo.source(src).build().solve(grid), source,
                    gas(fh.disk()), 2 * h);
            return new Result(g, spectra(s), phi, List.of(region("halo", s, d, grid)), Optional.empty());
        }
        if (g.transport() instanceof Galaxy.LeakyBox lb) {
            double layer = constant(lb.disk().halfThickness());
            LeakyBox.Builder b = LeakyBox.builder().network(network).gas(gas(lb.disk()))
                    .source(source, layer).decay(lb.decay())
                    .losses(LeptonSetup.losses(ContinuousLoss.HOPKINS2021, lb.losses(), g, network, this::constant,
                            LeptonLosses.HaloWeight.constant(1)));
            if (lb.escapeTime().isPresent()) {
                Node t = lb.escapeTime().get();
                b.escapeTime((sp, r) -> law(t, sp, r));
            } else {
                Node x = lb.grammage().orElseThrow();
                b.grammage((sp, r) -> law(x, sp, r));
            }
            TransportSolution s = SecondaryTransport.solve(src -> b.source(src, layer).build().solve(grid), source,
                    gas(lb.disk()), layer);
            return new Result(g, spectra(s), phi, List.of(region("box", s, null, grid)), Optional.empty());
        }
        Galaxy.Layers layers = (Galaxy.Layers) g.transport();
        LayeredSlab.Builder b = LayeredSlab.builder().network(network)
                .disk(constant(layers.disk().halfThickness()), gas(layers.disk())).source(source)
                .losses(layers.losses() ? ContinuousLoss.KEMPSKI2022 : ContinuousLoss.NONE, LayeredSlab.LossTreatment.PAPER)
                .fragmentsAtEqualRigidity(layers.equalRigidityFragments()).spallation(layers.destruction(), true)
                .reacceleration(dppPrefactor(layers.reacceleration()),
                        layers.reacceleration().region() == Galaxy.ReaccelerationRegion.HALO);
        List<Diffusion> kappas = new ArrayList<>();
        double[] rigidities = protonRigidities(grid);
        for (Galaxy.Layer l : layers.layers()) {
            double thickness = constant(l.thickness());
            if (l.mode() == Galaxy.LayerMode.SELF_CONFINED) {
                PhaseState ph = model.phase(l.phase().orElseThrow(), params).at(Species.proton(), Constants.GV);
                b.layer(Layer.SelfConfinedNll.of(l.name(), thickness, ph.field("n"), ph.field("T"), ph.field("B")));
                kappas.add(null);
            } else {
                Diffusion kappa;
                if (l.kappa().isPresent()) {
                    kappa = lawDiffusion(l.kappa().get());
                } else if (l.turbulence().isPresent()) {
                    progress.stage("kappa_turb of layer " + l.name() + " from environment " + l.turbulence().get());
                    kappa = TurbulenceRunner.kappa(TurbulenceRunner.environment(model, params,
                            program.environments().get(l.turbulence().get())), rigidities[0],
                            rigidities[rigidities.length - 1]);
                } else {
                    kappa = diffusion(l.scattering().orElseThrow(), l.phase(), WaveBalance.Solution::kappaPar);
                }
                b.layer(new Layer.Diffusive(l.name(), thickness, kappa, l.wind().map(this::constant).orElse(0.0),
                        constant(l.alfvenSpeed().orElse(layers.reacceleration().alfvenSpeed()))));
                kappas.add(kappa);
            }
        }
        LayeredSolution s = b.build().solve(rigidities);
        List<Region> regions = new ArrayList<>();
        boolean protons = network.contains("p");
        for (int i = 0; i < layers.layers().size(); i++) {
            regions.add(layerRegion(layers.layers().get(i), kappas.get(i), rigidities,
                    protons ? s.grammage("p", i) : null, protons ? s.residenceTimeMyr("p", i) : null));
        }
        if (protons) {
            double[] none = new double[rigidities.length];
            java.util.Arrays.fill(none, Double.NaN);
            regions.add(new Region("total", rigidities, none, none.clone(), s.grammage("p", -1),
                    s.residenceTimeMyr("p", -1), none.clone()));
        }
        List<String> names = new ArrayList<>();
        layers.layers().forEach(l -> names.add(l.name()));
        return new Result(g, spectra(s, network), phi, regions, Optional.of(new Breakdown(s, names)));
    }

    private static String transportName(Galaxy.Transport t) {
        return t instanceof Galaxy.FlatHalo ? "flat_halo" : t instanceof Galaxy.LeakyBox ? "leaky_box"
                : t instanceof Galaxy.Evolve ? "evolve" : "layers";
    }

    // ---------------------------------------------------------------- evaluation of settings

    /** A constant setting of the model (galaxy or observe item) with the run's parameters; finite or an error. */
    public double constant(Node n) {
        double v = Interpreter.value(n, Env.of(params));
        if (!Double.isFinite(v)) {
            throw new ModelException("the galaxy setting at " + n.span().location() + " evaluates to "
                    + ModelException.show(v));
        }
        return v;
    }

    /** A rigidity-dependent law (escape time, grammage, κ) for a species at R [GV], in cgs. */
    private double law(Node n, Species s, double rigidityGV) {
        Env env = Env.of(params).withResonance(Resonance.of(s, rigidityGV * Constants.GV, Double.NaN));
        double v = Interpreter.value(n, env);
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new ModelException("the law at " + n.span().location() + " is " + ModelException.show(v) + " for "
                    + s.name() + " at R = "
                    + rigidityGV + " GV; it must be positive and finite");
        }
        return v;
    }

    private Diffusion lawDiffusion(Node n) {
        return (s, r) -> law(n, s, r);
    }

    private Gas gas(Galaxy.Disk d) {
        return new Gas(constant(d.density()), constant(d.helium()), constant(d.ionized()));
    }

    EnergyGrid grid(Galaxy.Def g) {
        double lo = constant(g.energies().min()) / Constants.GEV;
        double hi = constant(g.energies().max()) / Constants.GEV;
        double per = constant(g.energies().perDecade());
        int perDecade = (int) per;
        if (!(lo > 0) || !(hi > lo) || per != Math.rint(per) || per < 2 || per > 1000
                || Math.log10(hi / lo) * per > 100_000) {
            throw new ModelException("model " + model.name() + ", galaxy " + g.name() + ": energies need 0 < min < max "
                    + "and a whole per_decade from 2 to 1000 (at most 100000 energies); got " + ModelException.show(lo) + " to "
                    + ModelException.show(hi) + " GeV/n with " + ModelException.show(per) + " per decade");
        }
        return EnergyGrid.perDecade(lo, hi, perDecade);
    }

    /** η of D_pp = η p² v_A²/D_xx for the model's convention (README: which one matches GALPROP and DRAGON2). */
    private double dppPrefactor(Galaxy.Reacceleration r) {
        return switch (r.dpp()) {
            case ISOTROPIC -> FlatHalo.REACCELERATION_ISOTROPIC;
            case GALPROP -> FlatHalo.seoPtuskin(constant(r.delta().orElseThrow()));
            case DRAGON2 -> FlatHalo.dragon2Ptuskin94(constant(r.delta().orElseThrow()));
        };
    }

    /** The nuclide table of the full network (DRAGON2's isotope list), found like the cross-section files. */
    public static final String ISOTOPE_LIST = "isotope_list.dat";

    /** True when a galaxy transports nuclei beyond the built-in table, so its network reads {@link #ISOTOPE_LIST}. */
    public static boolean needsIsotopeList(Galaxy.Def g) {
        return !g.species().stream().allMatch(s -> NuclideTable.builtIn().find(s).isPresent());
    }

    private Network network(Galaxy.Def g) {
        return prebuilt != null ? prebuilt : network(g, modelFile, roots, this::constant);
    }

    /**
     * The network of the galaxy's species: the built-in nuclide table when it has them all, else the
     * table of isotope_list.dat (found like the cross-section files); the partial cross sections of the
     * {@code cross_sections} files in order (a Webber total table sets σ_inel instead), then the
     * galaxy's {@code channel} overrides, evaluated with
     * {@code constant}; parameter-independent unless a channel's σ reads a parameter, so fits and scans
     * build it once. Data files are read only below {@code roots}.
     */
    public static Network network(Galaxy.Def g, Path modelFile, SourceRoots roots,
                                  java.util.function.ToDoubleFunction<Node> constant) {
        List<PartialCrossSections> tables = new ArrayList<>();
        InelasticCrossSection inelastic = InelasticCrossSection.standard();
        for (String f : g.crossSections()) {
            Path file = DataFiles.resolve(f, roots, modelFile, "cross_sections");
            if (CrossSectionTables.isWebberTotal(file)) {
                inelastic = WebberTable.readTotal(file, inelastic);
            } else {
                tables.add(CrossSectionTables.readPartials(file));
            }
        }
        Network.Builder b;
        if (!needsIsotopeList(g)) {
            b = Network.builder().species(g.species());
            if (tables.size() == 1) {
                b.partials(tables.get(0));
            } else if (tables.size() > 1) {
                b.partials(new LayeredPartials(tables, true));
            }
        } else {
            b = FullNetwork.builder(DataFiles.resolve(ISOTOPE_LIST, roots, modelFile, "cross_sections"), tables,
                    g.species());
        }
        b.inelastic(inelastic);
        if (!g.channels().isEmpty()) {
            Network probe = b.build();
            Map<PartialCrossSections.Channel, Double> fixed = new HashMap<>();
            for (Galaxy.Channel c : g.channels()) {
                fixed.put(PartialCrossSections.Channel.of(probe.table().get(c.parent()), probe.table().get(c.daughter())),
                        constant.applyAsDouble(c.sigma()) / 1e-27);
            }
            b.partials(CrossSectionTables.withConstants(probe.partials(), fixed));
        }
        return b.build();
    }

    Source source(Galaxy.Def g) {
        if (g.sources().size() > 1) {
            throw new ModelException("galaxy " + g.name() + " has " + g.sources().size()
                    + " source blocks; the transport runtime takes one source population (combine them into one)");
        }
        Galaxy.Source s = g.sources().get(0);
        Source.Builder b = Source.builder().eventRate(constant(s.rate())).energyPerEvent(constant(s.energy()))
                .diskRadius(constant(s.diskRadius())).spectrum(injection(s.slope(), s.breaks(), s.variable()));
        for (Map.Entry<String, Galaxy.SpeciesSpectrum> e : s.spectra().entrySet()) {
            if (!g.species().contains(e.getKey())) {
                throw new ModelException("source " + s.name() + " gives a spectrum_for " + e.getKey()
                        + ", which galaxy " + g.name() + " does not transport");
            }
            b.spectrum(e.getKey(), injection(e.getValue().slope(), e.getValue().breaks(), s.variable()));
            if (e.getValue().energyFraction().isPresent()) {
                b.energyFraction(e.getKey(), constant(e.getValue().energyFraction().get()));
            }
        }
        for (Map.Entry<String, Node> a : s.abundances().entrySet()) {
            if (!g.species().contains(a.getKey())) {
                throw new ModelException("source " + s.name() + " gives an abundance for " + a.getKey()
                        + ", which galaxy " + g.name() + " does not transport (species " + String.join(", ", g.species()) + ")");
            }
            b.abundance(a.getKey(), constant(a.getValue()));
        }
        return b.build();
    }

    /** a broken power law in rigidity [GV] or momentum per nucleon [GeV/c] from a slope and breaks */
    private InjectionSpectrum injection(Node slope, List<Galaxy.Break> breaks, Galaxy.SpectrumVariable variable) {
        InjectionSpectrum spectrum = InjectionSpectrum.powerLaw(constant(slope));
        for (Galaxy.Break br : breaks) {
            double at = constant(br.at());
            double x = variable == Galaxy.SpectrumVariable.RIGIDITY ? at / Constants.GV : at * Constants.C / Constants.GEV;
            spectrum = spectrum.withBreak(x, constant(br.slope()));
        }
        return spectrum.in(variable == Galaxy.SpectrumVariable.RIGIDITY ? InjectionSpectrum.Variable.RIGIDITY
                : InjectionSpectrum.Variable.MOMENTUM_PER_NUCLEON);
    }

    // ---------------------------------------------------------------- diffusion from a scattering block

    /**
     * A diffusion coefficient of the local wave balance of a scattering block in a phase:
     * {@code Solution::dxx} (v²/9ν̄_s) or {@code Solution::kappaPar} (v²/3ν̄_s); cached per species and rigidity.
     */
    Diffusion diffusion(String block, Optional<String> phaseName, ToDoubleFunction<WaveBalance.Solution> coefficient) {
        ScatteringModel scattering = model.scattering(block, params);
        PhaseModel phase = phaseName.map(p -> model.phase(p, params)).orElse(PhaseModel.none());
        Map<CacheKey, Double> cache = new HashMap<>();
        return (s, rigidityGV) -> cache.computeIfAbsent(new CacheKey(s.name(), rigidityGV), k -> {
            WaveBalance.Solution sol = Rates.solveAt(scattering, phase, s, rigidityGV);
            if (!(sol.nu() > 0)) {
                throw new ModelException("scattering " + block + " in phase " + phase.name() + " gives no scattering ("
                        + sol.regime().label + ") for " + s.name() + " at R = " + rigidityGV
                        + " GV, so there is no diffusion coefficient for the transport");
            }
            return coefficient.applyAsDouble(sol);
        });
    }

    /** species and rigidity [GV] of a cached diffusion coefficient (no string formatting per lookup) */
    private record CacheKey(String species, double rigidityGV) {
    }

    // ---------------------------------------------------------------- results

    static Spectra spectra(TransportSolution s) {
        return new Spectra() {
            @Override
            public List<String> species() {
                return s.species();
            }

            @Override
            public double[] ek(String species) {
                return s.ekGeVPerNucleon();
            }

            @Override
            public double[] lis(String species) {
                return s.fluxLis(species);
            }
        };
    }

    private static Spectra spectra(LayeredSolution s, Network network) {
        List<String> names = new ArrayList<>();
        network.nuclides().forEach(n -> names.add(n.name()));
        double lo = 0;
        double hi = Double.POSITIVE_INFINITY;
        for (String n : names) {
            double[] e = s.ekGeVPerNucleon(n);
            lo = Math.max(lo, e[0]);
            hi = Math.min(hi, e[e.length - 1]);
        }
        double[] common = Rates.logGrid(lo, hi, s.rigiditiesGV().length);
        return new Spectra() {
            @Override
            public List<String> species() {
                return names;
            }

            @Override
            public double[] ek(String species) {
                return s.ekGeVPerNucleon(species);
            }

            @Override
            public double[] lis(String species) {
                return s.fluxLis(species);
            }

            @Override
            public double[] grid() {
                return common.clone();
            }
        };
    }

    private static double[] protonRigidities(EnergyGrid grid) {
        double[] ek = grid.ekGeVPerNucleon();
        double[] r = new double[ek.length];
        for (int k = 0; k < ek.length; k++) {
            r[k] = Kinematics.rigidityFromEkPerNucleon(Species.proton(), ek[k] * Constants.GEV) / Constants.GV;
        }
        return r;
    }

    private static Region region(String name, TransportSolution s, Diffusion d, EnergyGrid grid) {
        double[] rig = protonRigidities(grid);
        double[] nu = new double[rig.length];
        double[] dxx = new double[rig.length];
        for (int k = 0; k < rig.length; k++) {
            double v = Kinematics.betaFromRigidity(Species.proton(), rig[k] * Constants.GV) * Constants.C;
            dxx[k] = d == null ? Double.NaN : d.coefficient(Species.proton(), rig[k]);
            nu[k] = d == null ? Double.NaN : v * v / (9 * dxx[k]);
        }
        return new Region(name, rig, nu, dxx, s.grammage("p"), s.residenceTimeMyr("p"), null);
    }

    /**
     * A layer: κ_z along the vertical field, ν̄_s = v²/(3κ_z), D_xx = κ_z/3 (tangled equivalent; NaN when
     * streaming), and the proton grammage and residence time spent in it (LayeredSolution).
     */
    private static Region layerRegion(Galaxy.Layer l, Diffusion kappa, double[] rig, double[] grammage,
                                      double[] residenceMyr) {
        double[] nu = new double[rig.length];
        double[] dxx = new double[rig.length];
        double[] kz = new double[rig.length];
        double[] none = new double[rig.length];
        java.util.Arrays.fill(none, Double.NaN);
        for (int k = 0; k < rig.length; k++) {
            if (kappa == null) {
                nu[k] = Double.NaN;
                dxx[k] = Double.NaN;
                kz[k] = Double.NaN;
            } else {
                double v = Kinematics.betaFromRigidity(Species.proton(), rig[k] * Constants.GV) * Constants.C;
                kz[k] = kappa.coefficient(Species.proton(), rig[k]);
                dxx[k] = kz[k] / 3;
                nu[k] = v * v / (3 * kz[k]);
            }
        }
        return new Region(l.name(), rig, nu, dxx, grammage == null ? none : grammage,
                residenceMyr == null ? none.clone() : residenceMyr, kz);
    }
}
