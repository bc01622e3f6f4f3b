package org.crdl.passes;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crdl.diag.Code;
import org.crdl.diag.Diagnostics;
import org.crdl.interp.Env;
import org.crdl.interp.InterpretedPhase;
import org.crdl.interp.InterpretedScattering;
import org.crdl.interp.Interpreter;
import org.crdl.ir.Node;
import org.crdl.ir.Program;
import org.crdl.ir.Symbol;
import org.crdl.runtime.particles.Resonance;
import org.crdl.runtime.particles.ResonanceQuantity;
import org.crdl.runtime.particles.Species;
import org.crdl.runtime.plasma.ModelException;
import org.crdl.runtime.plasma.PhaseState;
import org.crdl.runtime.plasma.PlasmaQuantity;
import org.crdl.runtime.units.Constants;
import org.crdl.runtime.units.Dimension;
import org.crdl.runtime.waves.CrState;
import org.crdl.runtime.waves.WaveBalance;
import org.crdl.syntax.Decl;

/**
 * {@code crdl check --explain}: the physics signature of every law — ξ (damping) or ζ
 * (source) exponents with respect to k_par, the wave energy and the CR energy density —
 * and for every scattering block the predicted δ_s of hopkins2022 digest §2.7:
 * <pre>  δ_s = 1 + [ζ_k − ξ_k + α_cr (ζ_cr − ξ_cr)] / (1 + ξ_A − ζ_A)</pre>
 * Exponents come from {@link LogSlope}; a pure power law gives exact numbers, any other
 * law is evaluated at the reference point (a phase, protons at R = 1 GV, the block's local
 * equilibrium). With several laws per block the exponents are the rate-weighted means at the
 * equilibrium, which makes the δ_s prediction the exact local slope of ν̄_s(R).
 */
public final class Explain {
    /** α_cr when the reference phase gives no rigidity-dependent e_cr (hopkins2022 L287: ≈ 0.7 at 1–300 GV). */
    public static final double DEFAULT_ALPHA_CR = 0.7;
    /** e_A/e_B used for per-law exponents outside any block (hopkins2022 L249: the empirical 3e-7). */
    public static final double DEFAULT_E_OVER_EB = 3e-7;

    /** Lines for stdout; warnings go to the diagnostics. */
    public record Report(List<String> lines) {
    }

    /** The three exponents of one law, as symbolic slopes. */
    private record Slopes(Node k, Node wave, Node cr) {
        boolean exact() {
            return k instanceof Node.Const && wave instanceof Node.Const && cr instanceof Node.Const;
        }
    }

    private record Exponents(double k, double wave, double cr) {
    }

    private final Program program;
    private final Diagnostics diagnostics;
    private final Map<String, Slopes> slopes = new HashMap<>();
    private final Optional<Program.PhaseDef> phase;
    private PhaseState state;
    private Resonance resonance;
    /** per scattering block, its stability class under CR feedback (hopkins2022 App. A) */
    private final Map<String, Stability> stability = new java.util.LinkedHashMap<>();

    /** The reference rigidity [GV]. */
    private final double rigidityGV;

    private Explain(Program program, String phaseName, Diagnostics diagnostics, double rigidityGV) {
        this.program = program;
        this.rigidityGV = rigidityGV;
        this.diagnostics = diagnostics;
        if (phaseName != null) {
            if (!program.phases().containsKey(phaseName)) {
                throw new ModelException("model " + program.modelName() + " has no phase '" + phaseName + "'");
            }
            this.phase = Optional.of(program.phases().get(phaseName));
        } else {
            this.phase = program.phases().values().stream().findFirst();
        }
        program.laws().values().stream().filter(l -> !org.crdl.ir.Dependencies.dependsOnWaveVector(l.body()))
                .forEach(l -> slopes.put(l.name(), new Slopes(
                LogSlope.of(l.body(), LogSlope.Variable.K_PAR),
                LogSlope.of(l.body(), LogSlope.Variable.WAVE),
                LogSlope.of(l.body(), LogSlope.Variable.CR))));
    }

    public static Report of(Program program, String phaseName, Diagnostics diagnostics) {
        return new Explain(program, phaseName, diagnostics, 1).run();
    }

    /** The rigidities [GV] δ_s is printed at by default: a law right at 1 GV may be wrong above 10 GV. */
    public static final double[] DEFAULT_RIGIDITIES_GV = {1, 10, 100};

    private static final java.util.regex.Pattern BLOCK_LINE =
            java.util.regex.Pattern.compile("^scattering (\\w+): delta_s=(-?[0-9.]+|\\?)");

    /**
     * The report at {@code rigiditiesGV[0]} (laws, blocks, warnings), plus one line per scattering
     * block with δ_s at every rigidity; W0503 also fires when δ_s leaves 0.3–0.8 at any of them.
     */
    public static Report of(Program program, String phaseName, Diagnostics diagnostics, double[] rigiditiesGV) {
        Report first = new Explain(program, phaseName, diagnostics, rigiditiesGV[0]).run();
        if (rigiditiesGV.length == 1) {
            return first;
        }
        Map<String, List<String>> values = new java.util.LinkedHashMap<>();
        Map<String, String> outside = new HashMap<>();
        for (double r : rigiditiesGV) {
            Report at = r == rigiditiesGV[0] ? first : new Explain(program, phaseName, new Diagnostics(), r).run();
            for (String line : at.lines()) {
                java.util.regex.Matcher m = BLOCK_LINE.matcher(line);
                if (m.find()) {
                    values.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(m.group(2));
                    if (!m.group(2).equals("?")) {
                        double d = Double.parseDouble(m.group(2));
                        if ((d < 0.3 || d > 0.8) && !outside.containsKey(m.group(1))) {
                            outside.put(m.group(1), m.group(2) + " at R = " + fmt(r) + " GV");
                        }
                    }
                }
            }
        }
        List<String> lines = new ArrayList<>(first.lines());
        StringBuilder rs = new StringBuilder();
        for (double r : rigiditiesGV) {
            rs.append(rs.length() == 0 ? "" : ", ").append(fmt(r));
        }
        for (Map.Entry<String, List<String>> e : values.entrySet()) {
            lines.add("scattering " + e.getKey() + ": delta_s at R = " + rs + " GV: " + String.join(", ", e.getValue()));
            boolean atFirst = !e.getValue().get(0).equals("?") && outsideRange(Double.parseDouble(e.getValue().get(0)));
            if (outside.containsKey(e.getKey()) && !atFirst) {
                Program.ScatteringDef s = program.scatterings().get(e.getKey());
                diagnostics.report(Code.DELTA_OUT_OF_RANGE, s.span(), outside.get(e.getKey()));
            }
        }
        return new Report(lines);
    }

    private static boolean outsideRange(double d) {
        return d < 0.3 || d > 0.8;
    }

    /**
     * The Table-2 exponents (k, A, cr) of one law as {@code --explain} prints them — exact for power laws,
     * else at the reference point and the equilibrium wave energy of a block using the law — or empty
     * (with a warning) when they cannot be evaluated.
     */
    public static Optional<double[]> signature(Program program, String law, Diagnostics diagnostics) {
        Explain x = new Explain(program, null, diagnostics, 1);
        x.referencePoint(new ArrayList<>());
        Program.LawDef def = program.laws().get(law);
        if (def == null || org.crdl.ir.Dependencies.dependsOnWaveVector(def.body())) {
            return Optional.empty();
        }
        double e = program.scatterings().values().stream()
                .filter(s -> s.laws().stream().anyMatch(l -> l.name().equals(law)))
                .map(x::solve).flatMap(Optional::stream).map(WaveBalance.Solution::e).findFirst().orElse(Double.NaN);
        return x.exponents(def, e).map(v -> new double[] {v.k(), v.wave(), v.cr()});
    }

    private void referencePoint(List<String> lines) {
        if (phase.isPresent()) {
            try {
                state = new InterpretedPhase(phase.get(), program.parameterSet()).at(Species.proton(), rigidityGV * Constants.GV);
                resonance = Resonance.of(Species.proton(), rigidityGV * Constants.GV, state.fieldOr("B", Double.NaN));
                lines.add("# reference point: phase " + phase.get().name()
                        + ", protons at R = " + fmt(rigidityGV) + " GV; pure power laws are exact, others are evaluated there");
            } catch (ModelException e) {
                warn(phase.get().span(), "cannot evaluate phase " + phase.get().name() + " at R = " + fmt(rigidityGV) + " GV: " + e.getMessage());
                state = null;
            }
        }
    }

    /** The stability class of every scattering block at the reference phase (App. A table; see {@link Stability}). */
    public static Map<String, Stability> stability(Program program, String phaseName) {
        Explain x = new Explain(program, phaseName, new Diagnostics(), 1);
        x.run();
        return x.stability;
    }

    private Report run() {
        List<String> lines = new ArrayList<>();
        Map<String, Double> equilibrium = new HashMap<>();
        referencePoint(lines);
        for (Program.ScatteringDef s : program.scatterings().values()) {
            solve(s).ifPresent(sol -> equilibrium.put(s.name(), sol.e()));
        }
        for (Program.LawDef law : program.laws().values()) {
            if (org.crdl.ir.Dependencies.dependsOnWaveVector(law.body())) {
                lines.add(law.kind().keyword + " " + law.name() + ": fast-mode damping law Gamma(k, cos_theta), used by "
                        + "environments");
                continue;
            }
            double e = program.scatterings().values().stream()
                    .filter(s -> s.laws().stream().anyMatch(l -> l.name().equals(law.name()))
                            && equilibrium.containsKey(s.name()))
                    .map(s -> equilibrium.get(s.name())).findFirst().orElse(Double.NaN);
            Optional<Exponents> x = exponents(law, e);
            String p = law.kind() == Decl.LawKind.DAMPING ? "xi" : "zeta";
            lines.add(law.kind().keyword + " " + law.name() + ": " + x.map(v -> p + "_k=" + fmt(v.k()) + " " + p + "_A="
                    + fmt(v.wave()) + " " + p + "_cr=" + fmt(v.cr())).orElse(p + "_k=? " + p + "_A=? " + p + "_cr=?"));
        }
        for (Program.ScatteringDef s : program.scatterings().values()) {
            lines.add(block(s, equilibrium.getOrDefault(s.name(), Double.NaN)));
        }
        for (Map.Entry<String, Stability> st : stability.entrySet()) {
            lines.add("stability " + st.getKey() + ": " + st.getValue().label + " (crdl evolve predicts classification="
                    + st.getValue().predicted + "): " + st.getValue().reason);
        }
        return new Report(lines);
    }

    private Optional<WaveBalance.Solution> solve(Program.ScatteringDef s) {
        if (state == null || s.phenomenological()) {
            return Optional.empty();
        }
        try {
            InterpretedScattering m = new InterpretedScattering(program.modelName(), s, program.parameterSet());
            WaveBalance.Solution sol = WaveBalance.solve(m, state, resonance, CrState.fromPhase(state, resonance));
            return sol.regime() == WaveBalance.Regime.BALANCED ? Optional.of(sol) : Optional.empty();
        } catch (ModelException e) {
            warn(s.span(), "scattering " + s.name() + " cannot be solved at the reference point: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** The exponents of a law: exact when constant, else evaluated at the reference point with wave energy e. */
    private Optional<Exponents> exponents(Program.LawDef law, double e) {
        Slopes sl = slopes.get(law.name());
        if (sl.exact()) {
            return Optional.of(new Exponents(constant(sl.k()), constant(sl.wave()), constant(sl.cr())));
        }
        if (state == null) {
            warn(law.span(), law.kind().keyword + " " + law.name()
                    + " is not a pure power law; its exponents need a phase to be evaluated in (declare one or use --phase)");
            return Optional.empty();
        }
        double eRef = Double.isNaN(e) ? DEFAULT_E_OVER_EB * PlasmaQuantity.E_B.of(state, resonance) : e;
        try {
            Env env = Env.of(program.parameterSet()).withPhase(state).withResonance(resonance).withWave(eRef)
                    .withCr(CrState.fromPhase(state, resonance));
            return Optional.of(new Exponents(finite(Interpreter.value(sl.k(), env)),
                    finite(Interpreter.value(sl.wave(), env)), finite(Interpreter.value(sl.cr(), env))));
        } catch (ModelException ex) {
            warn(law.span(), "the exponents of " + law.kind().keyword + " " + law.name()
                    + " cannot be evaluated at the reference point: " + ex.getMessage());
            return Optional.empty();
        }
    }

    private static double finite(double v) {
        if (!Double.isFinite(v)) {
            throw new ModelException("the log-slope is " + v + " there (the law vanishes or diverges)");
        }
        return v;
    }

    private static double constant(Node n) {
        return ((Node.Const) n).value();
    }

    private String block(Program.ScatteringDef s, double e) {
        String head = "scattering " + s.name() + ": ";
        if (s.phenomenological()) {
            stability.put(s.name(), Stability.STABLE);
            Optional<Double> delta = phenomenologicalDelta(s);
            delta.filter(d -> d < 0.3 || d > 0.8).ifPresent(d ->
                    diagnostics.report(Code.DELTA_OUT_OF_RANGE, s.span(), String.format("%.2f", d)));
            return head + delta.map(d -> "delta_s=" + String.format("%.2f", d)).orElse("delta_s=?")
                    + " (phenomenological nu)";
        }
        double alpha = alphaCr(s);
        String alphaText = "alpha_cr=" + fmt(alpha);
        List<Exponents> src = new ArrayList<>();
        List<Exponents> dmp = new ArrayList<>();
        double[] weightsS = new double[s.sources().size()];
        double[] weightsD = new double[s.dampings().size()];
        if (!Double.isNaN(e)) {
            InterpretedScattering m = new InterpretedScattering(program.modelName(), s, program.parameterSet());
            m.bind(state, resonance, CrState.fromPhase(state, resonance));
            double[] t = m.terms(e);
            System.arraycopy(t, 0, weightsS, 0, weightsS.length);
            System.arraycopy(t, weightsS.length, weightsD, 0, weightsD.length);
        } else if (s.sources().size() == 1 && s.dampings().size() == 1) {
            weightsS[0] = 1;
            weightsD[0] = 1;
        } else {
            return head + "delta_s=? (" + alphaText + "; the local equilibrium could not be found at a reference phase)";
        }
        for (Program.LawDef l : s.sources()) {
            Optional<Exponents> x = exponents(l, e);
            if (x.isEmpty()) {
                return head + "delta_s=? (" + alphaText + ")";
            }
            src.add(x.get());
        }
        for (Program.LawDef l : s.dampings()) {
            Optional<Exponents> x = exponents(l, e);
            if (x.isEmpty()) {
                return head + "delta_s=? (" + alphaText + ")";
            }
            dmp.add(x.get());
        }
        warnings(s, src, dmp);
        stability.put(s.name(), Stability.of(src.stream().map(x -> new Stability.Exponents(x.k(), x.wave(), x.cr())).toList(),
                dmp.stream().map(x -> new Stability.Exponents(x.k(), x.wave(), x.cr())).toList()));
        if (src.isEmpty() || dmp.isEmpty()) {
            return head + "delta_s=? (" + alphaText + "; " + (src.isEmpty() ? "no sources" : "no damping") + ")";
        }
        Exponents zeta = mean(src, weightsS);
        Exponents xi = mean(dmp, weightsD);
        double denominator = 1 + xi.wave() - zeta.wave();
        if (Math.abs(denominator) < 1e-9) {
            return head + "delta_s=? (" + alphaText + "; no amplitude equilibrium: 1 + xi_A - zeta_A = 0)";
        }
        double delta = 1 + (zeta.k() - xi.k() + alpha * (zeta.cr() - xi.cr())) / denominator;
        if (delta < 0.3 || delta > 0.8) {
            diagnostics.report(Code.DELTA_OUT_OF_RANGE, s.span(), String.format("%.2f", delta));
        }
        return head + "delta_s=" + String.format("%.2f", delta) + " (" + alphaText + ")";
    }

    /** Rate-weighted mean exponents (weights are the law values at the equilibrium; negative ones count by size). */
    private static Exponents mean(List<Exponents> xs, double[] w) {
        double sw = 0;
        double k = 0;
        double a = 0;
        double c = 0;
        for (int i = 0; i < xs.size(); i++) {
            double wi = Math.abs(w[i]);
            sw += wi;
            k += wi * xs.get(i).k();
            a += wi * xs.get(i).wave();
            c += wi * xs.get(i).cr();
        }
        if (sw == 0) {
            return xs.get(0);
        }
        return new Exponents(k / sw, a / sw, c / sw);
    }

    private void warnings(Program.ScatteringDef s, List<Exponents> src, List<Exponents> dmp) {
        for (int i = 0; i < src.size(); i++) {
            Exponents z = src.get(i);
            if (Math.abs(z.cr() - 1) < 0.1 && dmp.stream().noneMatch(d -> Math.abs(d.cr() - 1) < 0.1)) {
                diagnostics.report(Code.SC_INSTABILITY, s.span(), s.sources().get(i).name(), fmt(z.cr()));
            }
            if (dmp.stream().allMatch(d -> z.wave() >= 1 + d.wave() - 1e-9)) {
                diagnostics.report(Code.UNSATURATED, s.span(), s.sources().get(i).name(), fmt(z.wave()));
            }
        }
    }

    /** δ_s = −∂ln(ν/β)/∂ln R = ∂ln ν/∂ln k + 1/γ² for a phenomenological ν. */
    private Optional<Double> phenomenologicalDelta(Program.ScatteringDef s) {
        Node slope = LogSlope.of(s.nu().get(), LogSlope.Variable.K_PAR);
        Node gamma = new Node.Ref(new Symbol.Resonance(ResonanceQuantity.GAMMA), s.span());
        Node delta = Simplifier.simplify(new Node.Add(slope, new Node.Div(new Node.Const(1, Dimension.NONE, s.span()),
                new Node.Mul(gamma, gamma, s.span()), s.span()), s.span()));
        try {
            Resonance r = resonance != null ? resonance : Resonance.of(Species.proton(), rigidityGV * Constants.GV, Double.NaN);
            Env env = Env.of(program.parameterSet()).withPhase(state).withResonance(r);
            return Optional.of(finite(Interpreter.value(delta, env)));
        } catch (ModelException e) {
            warn(s.span(), "delta_s of scattering " + s.name() + " cannot be evaluated: " + e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * α_cr = −∂ln ε/∂ln R of the CR quantity the block's laws read: the reference phase's e_cr
     * field (default 0.7), or P_cr. A P_cr the phase does not give is β² e_cr/3, whose slope
     * also carries β²: α_P = α_e − 2/γ² (the relativistic 0.7 only above a few GV).
     */
    private double alphaCr(Program.ScatteringDef block) {
        Optional<Program.FieldDef> e = phase.flatMap(p -> p.field("e_cr"));
        double alpha = DEFAULT_ALPHA_CR;
        if (e.isPresent() && state != null && e.get().rigidityDependent()) {
            alpha = fieldSlope(e.get()).orElse(DEFAULT_ALPHA_CR);
        }
        boolean readsP = block.laws().stream().anyMatch(l -> org.crdl.ir.Dependencies.of(l.body()).stream()
                .anyMatch(sym -> sym instanceof Symbol.Cr c && c.quantity() == Symbol.CrQuantity.P_CR));
        if (!readsP || state == null) {
            return alpha;
        }
        Optional<Program.FieldDef> p = phase.flatMap(ph -> ph.field("P_cr"));
        if (p.isPresent()) {
            return p.get().rigidityDependent() ? fieldSlope(p.get()).orElse(alpha) : 0.0;
        }
        return alpha - 2 / (resonance.gamma() * resonance.gamma());
    }

    /** Total ∂ln/∂ln k_par of a phase field: references to the phase's other fields are substituted first. */
    private Optional<Double> fieldSlope(Program.FieldDef f) {
        Node slope = LogSlope.of(withFields(f.value(), 0), LogSlope.Variable.K_PAR);
        try {
            Env env = Env.of(program.parameterSet()).withPhase(state).withResonance(resonance);
            return Optional.of(finite(Interpreter.value(slope, env)));
        } catch (ModelException ex) {
            return Optional.empty();
        }
    }

    /** Replace references to the reference phase's fields by their definitions (depth-limited; cycles are checked earlier). */
    private Node withFields(Node n, int depth) {
        Node inlined = Inliner.inline(n);
        if (depth > 32) {
            return inlined;
        }
        if (inlined instanceof Node.Ref r && r.symbol() instanceof Symbol.Field field) {
            Optional<Program.FieldDef> def = phase.flatMap(p -> p.field(field.name()));
            return def.map(d -> withFields(d.value(), depth + 1)).orElse(inlined);
        }
        return Inliner.Rebuild.map(inlined, c -> withFields(c, depth + 1));
    }

    private void warn(org.crdl.diag.SourceSpan at, String message) {
        diagnostics.report(Code.NO_REFERENCE, at, message);
    }

    /** Two decimals, trailing zeros dropped: 1, 0.5, 0.75, -0.2. */
    static String fmt(double v) {
        double r = Math.round(v * 100.0) / 100.0;
        if (r == 0) {
            return "0";
        }
        return BigDecimal.valueOf(r).stripTrailingZeros().toPlainString();
    }
}
