package org.crdl.sema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.crdl.diag.Code;
import org.crdl.diag.Diagnostics;
import org.crdl.diag.Suggestions;
import org.crdl.ir.ConstantEvaluator;
import org.crdl.ir.Dependencies;
import org.crdl.ir.Node;
import org.crdl.ir.Program;
import org.crdl.runtime.particles.ResonanceQuantity;
import org.crdl.runtime.plasma.PlasmaQuantity;
import org.crdl.runtime.units.Dimension;
import org.crdl.runtime.units.PhysicalConstant;
import org.crdl.syntax.CompilationUnit;
import org.crdl.syntax.Decl;
import org.crdl.syntax.Ident;

/**
 * Checks a loaded program and builds the typed IR: parameters (constant, in range), lets,
 * laws (a damping law is a rate, a source an energy density per time), phases, scattering
 * blocks (their law lists and settings). Collects every problem; returns a program only
 * when there is no error.
 */
public final class ProgramChecker {
    /** Default pitch-angle factor ν̂_s ("grey scattering", hopkins2022 L355). */
    public static final double DEFAULT_NU_HAT = 0.75;

    private final Declarations decls;
    private final Typer typer;
    private final Diagnostics diagnostics;
    private List<org.crdl.ir.Expectation> expectations = List.of();

    private ProgramChecker(List<CompilationUnit> units, Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
        this.decls = new Declarations(units, diagnostics);
        this.typer = new Typer(decls, diagnostics);
    }

    public static Optional<Program> check(List<CompilationUnit> units, Diagnostics diagnostics) {
        return new ProgramChecker(units, diagnostics).run();
    }

    /** A checked program with the typed {@code expect} statements of its root file (crdl test). */
    public record WithExpectations(Optional<Program> program, List<org.crdl.ir.Expectation> expectations) {
    }

    public static WithExpectations checkWithExpectations(List<CompilationUnit> units, Diagnostics diagnostics) {
        ProgramChecker checker = new ProgramChecker(units, diagnostics);
        Optional<Program> program = checker.run();
        return new WithExpectations(program, checker.expectations);
    }

    /**
     * Type an extra expression (the EXPR of `crdl eval`) against the declarations of a
     * program; names resolve as in a law.
     */
    public static Optional<Node> typeExpression(List<CompilationUnit> units, org.crdl.syntax.Expr expr,
                                                Diagnostics diagnostics) {
        ProgramChecker checker = new ProgramChecker(units, diagnostics);
        Node n = checker.typer.type(expr, Typer.Scope.global("expression"));
        if (n instanceof Node.Invalid || diagnostics.hasErrors()) {
            return Optional.empty();
        }
        return Optional.of(n);
    }

    private Optional<Program> run() {
        List<Program.ParamDef> params = params();
        Map<String, Program.LetDef> lets = new LinkedHashMap<>();
        decls.lets.forEach((name, d) -> {
            warnShadowing(d.name());
            lets.put(name, new Program.LetDef(name, typer.let(name), d.span()));
        });
        Map<String, Program.LawDef> laws = laws();
        Map<String, Program.PhaseDef> phases = new PhaseChecker(decls, typer, diagnostics).check();
        Map<String, Program.ScatteringDef> scatterings = new LinkedHashMap<>();
        decls.scatterings.forEach((name, d) -> {
            if (!StructureChecker.isStructureBlock(d)) {
                scattering(d, laws).ifPresent(s -> scatterings.put(name, s));
            }
        });
        org.crdl.ir.Structures structures = new StructureChecker(decls, typer, diagnostics).check(scatterings);
        GalaxyChecker galaxyChecker = new GalaxyChecker(decls, typer, diagnostics, decls.scatterings.keySet(),
                decls.phases.keySet());
        Map<String, org.crdl.ir.Galaxy.Def> galaxies = galaxyChecker.galaxies();
        List<org.crdl.ir.Galaxy.Observation> observations = galaxyChecker.observations(galaxies);
        Map<String, org.crdl.ir.Environment> environments = new EnvironmentChecker(decls, typer, diagnostics).check();
        expectations = new ExpectChecker(decls, typer, diagnostics, galaxyChecker, laws, scatterings, galaxies,
                observations).check();
        warnUnused();
        if (diagnostics.hasErrors()) {
            return Optional.empty();
        }
        Program program = new Program(decls.modelName(), decls.title(), decls.root.file(), decls.files(), params,
                lets, laws, phases, scatterings, galaxies, observations, environments, structures);
        DomainChecker.check(program, diagnostics);
        return diagnostics.hasErrors() ? Optional.empty() : Optional.of(program);
    }

    /**
     * W0506 for a {@code param} or {@code let} of the model's own file whose name occurs nowhere else in
     * the model and the files it uses (kempski2022's sigma_spall was such an input). Counted on the
     * lexer's name tokens, comments excluded; a same-named setting key or local binding counts as a use,
     * so the check can miss an unused input but never flags a used one. Files that declare no galaxy,
     * scattering block, law or environment (libraries of phases and constants) are not checked.
     */
    private void warnUnused() {
        boolean consumer = decls.root.decls().stream().anyMatch(d -> d instanceof Decl.Galaxy || d instanceof Decl.Scattering
                || d instanceof Decl.Environment || d instanceof Decl.Law);
        if (!consumer) {
            return; // a library of phases and constants: its inputs are read by the models that use it
        }
        Map<String, Integer> uses = new java.util.HashMap<>();
        for (org.crdl.syntax.CompilationUnit u : decls.units) {
            org.crdl.grammar.CrdlLexer lexer = new org.crdl.grammar.CrdlLexer(
                    org.antlr.v4.runtime.CharStreams.fromString(u.file().text()));
            lexer.removeErrorListeners();
            for (org.antlr.v4.runtime.Token t : lexer.getAllTokens()) {
                if (t.getType() == org.crdl.grammar.CrdlLexer.NAME) {
                    uses.merge(t.getText(), 1, Integer::sum);
                }
            }
        }
        decls.params.values().forEach(d -> unused("parameter", d.name(), uses));
        decls.lets.values().forEach(d -> unused("let", d.name(), uses));
    }

    private void unused(String kind, Ident name, Map<String, Integer> uses) {
        if (name.span().file().equals(decls.root.file()) && uses.getOrDefault(name.name(), 0) <= 1) {
            diagnostics.report(Code.UNUSED, name.span(), kind, name.name());
        }
    }

    private void warnShadowing(Ident name) {
        String n = name.name();
        String kind = PlasmaQuantity.bySymbol(n).isPresent() ? "phase-derived quantity"
                : ResonanceQuantity.bySymbol(n).isPresent() ? "resonance variable"
                : "e".equals(n) ? "wave energy"
                : PhysicalConstant.bySymbol(n).isPresent() ? "constant" : null;
        if (kind != null) {
            diagnostics.report(Code.SHADOWS, name.span(), n, kind);
        }
    }

    // ---- parameters ----

    private List<Program.ParamDef> params() {
        List<Program.ParamDef> out = new ArrayList<>();
        for (Decl.Param d : decls.params.values()) {
            String name = d.name().name();
            warnShadowing(d.name());
            Node value = typer.param(name);
            Optional<Double> v = constant(value, d.value(), "the value of parameter '" + name + "'");
            if (v.isEmpty()) {
                continue;
            }
            double lo = Double.NaN;
            double hi = Double.NaN;
            if (d.range().isPresent()) {
                Decl.Range r = d.range().get();
                Optional<Double> l = bound(name, r.lo(), value.dim());
                Optional<Double> h = bound(name, r.hi(), value.dim());
                if (l.isEmpty() || h.isEmpty()) {
                    continue;
                }
                lo = l.get();
                hi = h.get();
                if (v.get() < lo || v.get() > hi) {
                    diagnostics.report(Code.OUT_OF_RANGE, d.value().span(), name, fmt(v.get()), fmt(lo), fmt(hi),
                            value.dim().isNone() ? "" : " (cgs values, in " + value.dim() + ")");
                    continue;
                }
            }
            out.add(new Program.ParamDef(name, typer.paramIndex(name), v.get(), value.dim(), lo, hi, d.span()));
        }
        return out;
    }

    private Optional<Double> bound(String param, org.crdl.syntax.Expr e, Dimension expected) {
        Node n = typer.type(e, Typer.Scope.global("range of " + param));
        if (n instanceof Node.Invalid) {
            return Optional.empty();
        }
        if (!n.dim().equals(expected)) {
            diagnostics.report(Code.RANGE_DIMENSION, e.span(), param, n.dim(), expected);
            return Optional.empty();
        }
        return constant(n, e, "a range bound of parameter '" + param + "'");
    }

    /** The value of a node that must be a compile-time constant, or empty (reported). */
    private Optional<Double> constant(Node n, org.crdl.syntax.Expr e, String what) {
        if (n instanceof Node.Invalid) {
            return Optional.empty();
        }
        OptionalDouble v = ConstantEvaluator.evaluate(n);
        if (v.isEmpty()) {
            String why = Dependencies.dependsOnParams(n) ? " (it may not read other parameters)"
                    : " (it may use only numbers, units, constants and constant lets)";
            diagnostics.report(Code.NOT_CONSTANT, e.span(), what, why);
            return Optional.empty();
        }
        if (!Double.isFinite(v.getAsDouble())) {
            diagnostics.report(Code.NOT_FINITE, e.span(), what, DomainChecker.describe(v.getAsDouble()));
            return Optional.empty();
        }
        return Optional.of(v.getAsDouble());
    }

    /** Shortest readable form of a value: 0.9, 3.08568E+21. */
    private static String fmt(double x) {
        return new java.math.BigDecimal(String.format("%.6g", x)).stripTrailingZeros().toString();
    }

    // ---- laws ----

    private Map<String, Program.LawDef> laws() {
        Map<String, Program.LawDef> out = new LinkedHashMap<>();
        for (Decl.Law d : decls.laws.values()) {
            String name = d.name().name();
            warnShadowing(d.name());
            d.where().forEach(b -> typer.where(name, b));
            Node body = typer.law(name);
            if (body instanceof Node.Invalid) {
                continue;
            }
            if (body.isCondition()) {
                diagnostics.report(Code.NOT_A_QUANTITY, d.body().span(), "a condition");
                continue;
            }
            boolean ok = d.kind() == Decl.LawKind.DAMPING ? body.dim().equals(Dimension.RATE)
                    : body.dim().equals(Dimension.ENERGY_DENSITY_RATE);
            if (!ok) {
                diagnostics.report(d.kind() == Decl.LawKind.DAMPING ? Code.DAMPING_KIND : Code.SOURCE_KIND,
                        d.body().span(), name, body.dim());
                continue;
            }
            out.put(name, new Program.LawDef(name, d.kind(), body, d.span()));
        }
        return out;
    }

    // ---- scattering blocks ----

    private Optional<Program.ScatteringDef> scattering(Decl.Scattering d, Map<String, Program.LawDef> laws) {
        String name = d.name().name();
        List<Program.LawDef> sources = new ArrayList<>();
        List<Program.LawDef> dampings = new ArrayList<>();
        Optional<Node> nu = Optional.empty();
        double nuHat = DEFAULT_NU_HAT;
        Program.WaveMode mode = Program.WaveMode.TOTAL;
        boolean ok = true;
        for (Decl.ScatteringItem item : d.items()) {
            if (item instanceof Decl.LawList list) {
                for (Ident law : list.laws()) {
                    ok &= lawRef(law, list.kind(), laws, list.kind() == Decl.LawKind.SOURCE ? sources : dampings);
                }
                continue;
            }
            Decl.Setting s = (Decl.Setting) item;
            switch (s.key().name()) {
                case "nu" -> {
                    Node n = typer.type(s.value(), Typer.Scope.global("nu of scattering " + name));
                    if (n instanceof Node.Invalid) {
                        ok = false;
                    } else if (!n.dim().equals(Dimension.RATE) || n.isCondition()) {
                        diagnostics.report(Code.NU_KIND, s.value().span(), n.dim());
                        ok = false;
                    } else if (Dependencies.dependsOnWave(n)) {
                        diagnostics.report(Code.BAD_SETTING_VALUE, s.value().span(),
                                "nu may not depend on the wave energy e: a phenomenological rate replaces the wave balance");
                        ok = false;
                    } else {
                        nu = Optional.of(n);
                    }
                }
                case "D_xx", "kappa" -> {
                    // phenomenological diffusion: ν̄_s = v²/(9 D_xx) (isotropic, DESIGN §7) or v²/(3 κ_∥)
                    Node n = typer.type(s.value(), Typer.Scope.global(s.key().name() + " of scattering " + name));
                    if (n instanceof Node.Invalid) {
                        ok = false;
                    } else if (n.isCondition() || !n.dim().equals(GalaxyChecker.DIFFUSIVITY)) {
                        diagnostics.report(Code.BAD_SETTING_VALUE, s.value().span(), s.key().name()
                                + " must be a diffusion coefficient [cm^2 s^-1], found [" + n.dim() + "]");
                        ok = false;
                    } else if (Dependencies.dependsOnWave(n)) {
                        diagnostics.report(Code.BAD_SETTING_VALUE, s.value().span(), s.key().name()
                                + " may not depend on the wave energy e");
                        ok = false;
                    } else {
                        nu = Optional.of(nuFromDiffusion(n, s.key().name().equals("kappa") ? 3 : 9));
                    }
                }
                case "nu_hat" -> {
                    Node n = typer.type(s.value(), Typer.Scope.global("nu_hat of scattering " + name));
                    Optional<Double> v = constant(n, s.value(), "nu_hat");
                    if (v.isPresent() && !n.dim().isNone()) {
                        diagnostics.report(Code.DIMENSIONLESS_SETTING, s.value().span(), "nu_hat", n.dim());
                        ok = false;
                    } else if (v.isPresent() && !(v.get() >= 1e-3 && v.get() <= 1e3)) {
                        diagnostics.report(Code.BAD_SETTING_VALUE, s.value().span(),
                                "nu_hat must lie between 1e-3 and 1e3, found " + v.get()
                                        + " (it is the O(1) pitch-angle factor of hopkins2022 eq. 6)");
                        ok = false;
                    } else if (v.isPresent()) {
                        nuHat = v.get();
                    } else {
                        ok = false;
                    }
                }
                case "waves" -> {
                    if (s.value() instanceof org.crdl.syntax.Expr.Name w
                            && (w.name().equals("total") || w.name().equals("split"))) {
                        mode = w.name().equals("split") ? Program.WaveMode.SPLIT : Program.WaveMode.TOTAL;
                    } else {
                        diagnostics.report(Code.BAD_SETTING_VALUE, s.value().span(),
                                "waves must be 'total' (e = e+ + e-, the default) or 'split' (forward and backward waves)");
                        ok = false;
                    }
                }
                default -> {
                    diagnostics.report(Code.UNKNOWN_SETTING, s.key().span(), s.key().name(),
                            Suggestions.didYouMean(s.key().name(), List.of("sources", "damping", "nu", "D_xx", "kappa", "nu_hat", "waves")));
                    ok = false;
                }
            }
        }
        if (!ok) {
            return Optional.empty();
        }
        if (nu.isPresent() && (!sources.isEmpty() || !dampings.isEmpty())) {
            diagnostics.report(Code.SCATTERING_SHAPE, d.name().span(), name,
                    "gives both a phenomenological nu and wave-balance laws; use one or the other");
            return Optional.empty();
        }
        if (nu.isEmpty() && sources.isEmpty() && dampings.isEmpty()) {
            diagnostics.report(Code.SCATTERING_SHAPE, d.name().span(), name,
                    "is empty: give sources and damping laws, or a phenomenological nu");
            return Optional.empty();
        }
        return Optional.of(new Program.ScatteringDef(name, sources, dampings, nu, nuHat, mode, d.span()));
    }

    /** ν̄_s = v² / (factor · D): the scattering rate a phenomenological diffusion coefficient implies. */
    private static Node nuFromDiffusion(Node d, int factor) {
        org.crdl.diag.SourceSpan at = d.span();
        Node v = new Node.Ref(new org.crdl.ir.Symbol.Resonance(org.crdl.runtime.particles.ResonanceQuantity.V), at);
        return new Node.Div(new Node.Mul(v, v, at),
                new Node.Mul(new Node.Const(factor, Dimension.NONE, at), d, at), at);
    }

    private boolean lawRef(Ident ref, Decl.LawKind wanted, Map<String, Program.LawDef> laws,
                           List<Program.LawDef> into) {
        Decl.Law decl = decls.laws.get(ref.name());
        if (decl == null) {
            diagnostics.report(Code.UNKNOWN_DECLARATION, ref.span(), wanted.keyword + " law", ref.name(),
                    Suggestions.didYouMean(ref.name(), decls.laws.keySet()));
            return false;
        }
        if (decl.kind() != wanted) {
            diagnostics.report(Code.WRONG_LAW_KIND, ref.span(), ref.name(), decl.kind().keyword, wanted.keyword);
            return false;
        }
        Program.LawDef law = laws.get(ref.name());
        if (law == null) {
            return false;
        }
        if (Dependencies.dependsOnWaveVector(law.body())) {
            diagnostics.report(Code.BAD_SETTING_VALUE, ref.span(), "'" + ref.name() + "' reads k or cos_theta: it damps "
                    + "fast magnetosonic modes in an environment, not the resonant waves of a scattering block");
            return false;
        }
        if (into.stream().anyMatch(l -> l.name().equals(ref.name()))) {
            diagnostics.report(Code.DUPLICATE, ref.span(), ref.name());
            return false;
        }
        into.add(law);
        return true;
    }
}
