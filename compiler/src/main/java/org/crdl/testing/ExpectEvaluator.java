package org.crdl.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crdl.diag.Diagnostics;
import org.crdl.ir.Expectation;
import org.crdl.ir.Galaxy;
import org.crdl.ir.Program;
import org.crdl.passes.Explain;
import org.crdl.run.GalaxyRunner;
import org.crdl.run.Observations;
import org.crdl.run.Progress;
import org.crdl.run.TurbulenceRunner;
import org.crdl.runtime.data.XAxisKind;
import org.crdl.runtime.model.CompiledModel;
import org.crdl.runtime.observables.ModelCurve;
import org.crdl.runtime.params.ParameterSet;
import org.crdl.runtime.particles.Species;
import org.crdl.runtime.plasma.ModelException;
import org.crdl.runtime.plasma.PhaseModel;
import org.crdl.runtime.turbulence.QuadratureSettings;
import org.crdl.runtime.turbulence.SpatialDiffusion;
import org.crdl.runtime.turbulence.TurbulenceEnvironment;
import org.crdl.runtime.waves.Rates;
import org.crdl.runtime.waves.ScatteringModel;
import org.crdl.runtime.waves.WaveBalance;

/**
 * Evaluates the {@code expect} statements of one model with one engine: wave-balance columns at a
 * rigidity (protons, the model's default parameters), δ_s between two rigidities, Table-2 exponents,
 * and run observables (one Galactic run per galaxy, shared by its checks).
 */
final class ExpectEvaluator {
    private final Program program;
    private final CompiledModel model;
    private final Path file;
    private final String engineLabel;
    private final ParameterSet params;
    private final Map<String, RunValues> runs = new HashMap<>();

    ExpectEvaluator(Program program, CompiledModel model, Path file, String engineLabel) {
        this.program = program;
        this.model = model;
        this.file = file;
        this.engineLabel = engineLabel;
        this.params = model.defaultParameters();
    }

    List<CheckResult> evaluate(Expectation x) {
        List<CheckResult> out = new ArrayList<>();
        for (Expectation.Check c : x.checks()) {
            long t0 = System.nanoTime();
            String text = c.span().text().replaceAll("\\s+", " ");
            String name = "expect " + (x.kind() == Expectation.Kind.DELTA_S ? text : x.kind().keyword + " "
                    + x.subject() + x.phase().map(p -> " in " + p).orElse("")
                    + (Double.isNaN(x.rigidityGV()) ? "" : " at R = " + Expectation.Format.number(x.rigidityGV())
                    + " GV") + ": " + text) + engineLabel;
            String where = c.span().location();
            try {
                double v = value(x, c);
                String got = c.quantity() + " = " + Expectation.Format.number(v) + unit(c);
                double s = (System.nanoTime() - t0) * 1e-9;
                if (c.bound().holds(v)) {
                    out.add(CheckResult.pass(CheckResult.Category.EXPECT, where, name, got + " (" + c.bound().describe()
                            + ")", s));
                } else {
                    out.add(CheckResult.fail(CheckResult.Category.EXPECT, where, name, got + ", expected "
                            + c.bound().describe() + off(c.bound(), v), s));
                }
            } catch (ModelException | IllegalArgumentException e) {
                out.add(CheckResult.fail(CheckResult.Category.EXPECT, where, name, "cannot evaluate: " + e.getMessage(),
                        (System.nanoTime() - t0) * 1e-9));
            }
        }
        return out;
    }

    private static String unit(Expectation.Check c) {
        return c.dim().isNone() ? "" : " [" + c.dim() + "]";
    }

    /** How far a failing value is from a relative bound, in percent. */
    private static String off(Expectation.Bound b, double v) {
        if (b instanceof Expectation.Near n && n.reference() != 0) {
            double pct = 100 * Math.abs(v - n.reference()) / Math.abs(n.reference());
            return " (off by " + Expectation.Format.number(Double.parseDouble(String.format(java.util.Locale.ROOT,
                    "%.3g", pct))) + " %)";
        }
        return "";
    }

    private double value(Expectation x, Expectation.Check c) {
        return switch (x.kind()) {
            case RATES -> ratesValue(x, c.quantity());
            case DELTA_S -> deltaS(x);
            case SIGNATURE -> signature(x.subject(), c.quantity());
            case RUN -> runValue(x.subject(), c);
            case TURBULENCE -> turbulence(x, c.quantity());
        };
    }

    // ---- wave balance ----

    private PhaseModel phase(Expectation x) {
        if (x.phase().isPresent()) {
            return model.phase(x.phase().get(), params);
        }
        String[] names = model.phaseNames();
        if (names.length == 0) {
            return PhaseModel.none();
        }
        if (names.length == 1) {
            return model.phase(names[0], params);
        }
        throw new ModelException("model " + model.name() + " has " + names.length + " phases; say which with 'in PHASE'");
    }

    private double ratesValue(Expectation x, String quantity) {
        ScatteringModel s = model.scattering(x.subject(), params);
        Rates.Row row = Rates.compute(s, phase(x), Species.proton(), new double[] {x.rigidityGV()}).get(0);
        WaveBalance.Solution sol = row.solution();
        return switch (quantity) {
            case "nu" -> sol.nu();
            case "kappa" -> sol.kappaPar();
            case "D_xx" -> sol.dxx();
            case "e_A_over_e_B" -> sol.eOverEB();
            case "delta_s" -> row.deltaS();
            case "beta" -> sol.resonance().beta();
            default -> {
                int src = s.info().sources().indexOf(quantity);
                int dmp = s.info().dampings().indexOf(quantity);
                int i = src >= 0 ? src : dmp < 0 ? -1 : s.info().sources().size() + dmp;
                if (i < 0 || sol.terms().length <= i) {
                    throw new ModelException("block " + x.subject() + " has no law value '" + quantity + "' here");
                }
                yield sol.terms()[i];
            }
        };
    }

    /** δ_s = −d ln(ν/β)/d ln R between the two rigidities (D_xx ∝ v²/ν ∝ R^δ_s at fixed β), as `crdl rates` defines it. */
    private double deltaS(Expectation x) {
        ScatteringModel s = model.scattering(x.subject(), params);
        PhaseModel p = phase(x);
        WaveBalance.Solution lo = Rates.solveAt(s, p, Species.proton(), x.loGV());
        WaveBalance.Solution hi = Rates.solveAt(s, p, Species.proton(), x.hiGV());
        if (!(lo.nu() > 0) || !(hi.nu() > 0)) {
            throw new ModelException("nu vanishes at " + (lo.nu() > 0 ? x.hiGV() : x.loGV()) + " GV, so delta_s is undefined");
        }
        return -(Math.log(hi.nu() / hi.resonance().beta()) - Math.log(lo.nu() / lo.resonance().beta()))
                / Math.log(x.hiGV() / x.loGV());
    }

    private double signature(String law, String exponent) {
        Optional<double[]> sig = Explain.signature(program, law, new Diagnostics());
        if (sig.isEmpty()) {
            throw new ModelException("the exponents of " + law + " cannot be evaluated (see crdl check --explain)");
        }
        int i = exponent.endsWith("_k") ? 0 : exponent.endsWith("_A") ? 1 : 2;
        return sig.get()[i];
    }

    // ---- turbulent environments ----

    /** The quasi-linear D_xx of `crdl turbulence` (standard quadrature) at one rigidity. */
    private double turbulence(Expectation x, String quantity) {
        TurbulenceEnvironment env = TurbulenceRunner.environment(model, params,
                TurbulenceRunner.pick(program, x.subject()));
        SpatialDiffusion d = TurbulenceRunner.curve(env, new double[] {x.rigidityGV()}, QuadratureSettings.standard())
                .get(0);
        return switch (quantity) {
            case "D_xx_alfven" -> d.dxxAlfven();
            case "D_xx_fast" -> d.dxxFast();
            default -> d.dxx();
        };
    }

    // ---- Galactic runs ----

    /** What one run of a galaxy gives the checks: each observation with its comparisons, and the curves. */
    private record RunValues(GalaxyRunner.Result result, List<Galaxy.Observation> observations,
                             List<Observations.Observed> observed) {
    }

    private RunValues run(String galaxy) {
        RunValues done = runs.get(galaxy);
        if (done != null) {
            return done;
        }
        GalaxyRunner runner = new GalaxyRunner(program, model, params, file);
        GalaxyRunner.Result result = runner.run(GalaxyRunner.pick(program, galaxy), Progress.none());
        List<Observations.Observed> observed = new ArrayList<>();
        for (Galaxy.Observation o : program.observations()) {
            observed.add(Observations.compare(o, result.spectra(), result.phiGV(), file, runner::constant));
        }
        RunValues v = new RunValues(result, program.observations(), observed);
        runs.put(galaxy, v);
        return v;
    }

    private double runValue(String galaxy, Expectation.Check c) {
        RunValues run = run(galaxy);
        Galaxy.Target target = c.target().orElseThrow();
        if (c.quantity().equals("chi2/N")) {
            String dataset = c.dataset().orElseThrow();
            for (int i = 0; i < run.observations().size(); i++) {
                Galaxy.Observation o = run.observations().get(i);
                int k = o.files().indexOf(dataset);
                if (o.target().label().equals(target.label()) && k >= 0) {
                    var fit = run.observed().get(i).comparisons().get(k).fit();
                    if (fit.pointsUsed() == 0) {
                        throw new ModelException("no point of " + dataset + " lies inside the model's energy range");
                    }
                    return fit.chi2PerPoint();
                }
            }
            throw new ModelException(target.label() + " is not observed against " + dataset);
        }
        Observations.Observed curves = Observations.curves(target, run.result().spectra(), run.result().phiGV());
        ModelCurve curve = new ModelCurve(target.label() + " TOA", XAxisKind.EK_PER_NUCLEON, curves.ek(), curves.toa());
        if (c.energyGeV() < curve.xMin() || c.energyGeV() > curve.xMax()) {
            throw new ModelException(c.energyGeV() + " GeV/n lies outside the model's energies " + curve.xMin()
                    + "–" + curve.xMax() + " GeV/n");
        }
        return curve.valueAt(c.energyGeV());
    }
}
