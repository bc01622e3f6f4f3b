package org.crdl.sema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.crdl.diag.Code;
import org.crdl.diag.Diagnostics;
import org.crdl.diag.SourceSpan;
import org.crdl.diag.Suggestions;
import org.crdl.ir.ConstantEvaluator;
import org.crdl.ir.Dependencies;
import org.crdl.ir.Expectation;
import org.crdl.ir.Galaxy;
import org.crdl.ir.Node;
import org.crdl.ir.Program;
import org.crdl.runtime.units.Constants;
import org.crdl.runtime.units.Dimension;
import org.crdl.syntax.Decl;
import org.crdl.syntax.Expectations;
import org.crdl.syntax.Expr;
import org.crdl.syntax.Ident;

/**
 * Checks {@code expect} statements of the root file: the kind and soft words, that the block, phase,
 * law or galaxy exists, that each checked quantity is known, and — like any expression — that every
 * bound has the quantity's dimension and is a compile-time constant. Gives typed {@link Expectation}s.
 */
final class ExpectChecker {
    /** The columns of `crdl rates` that a rates expectation can check, with their dimensions. */
    static final Map<String, Dimension> RATE_COLUMNS = new LinkedHashMap<>();

    static {
        RATE_COLUMNS.put("nu", Dimension.RATE);
        RATE_COLUMNS.put("kappa", GalaxyChecker.DIFFUSIVITY);
        RATE_COLUMNS.put("D_xx", GalaxyChecker.DIFFUSIVITY);
        RATE_COLUMNS.put("e_A_over_e_B", Dimension.NONE);
        RATE_COLUMNS.put("delta_s", Dimension.NONE);
        RATE_COLUMNS.put("beta", Dimension.NONE);
    }

    /** The D_xx columns of `crdl turbulence` that a turbulence expectation can check. */
    static final List<String> TURBULENCE_COLUMNS = List.of("D_xx", "D_xx_alfven", "D_xx_fast");

    private static final List<String> KINDS = List.of("rates", "delta_s", "signature", "run", "turbulence");

    private final Declarations decls;
    private final Typer typer;
    private final Diagnostics diagnostics;
    private final GalaxyChecker galaxyChecker;
    private final Map<String, Program.LawDef> laws;
    private final Map<String, Program.ScatteringDef> scatterings;
    private final Map<String, Galaxy.Def> galaxies;
    private final List<Galaxy.Observation> observations;

    ExpectChecker(Declarations decls, Typer typer, Diagnostics diagnostics, GalaxyChecker galaxyChecker,
                  Map<String, Program.LawDef> laws, Map<String, Program.ScatteringDef> scatterings,
                  Map<String, Galaxy.Def> galaxies, List<Galaxy.Observation> observations) {
        this.decls = decls;
        this.typer = typer;
        this.diagnostics = diagnostics;
        this.galaxyChecker = galaxyChecker;
        this.laws = laws;
        this.scatterings = scatterings;
        this.galaxies = galaxies;
        this.observations = observations;
    }

    /** The expectations of the root file (imported files' expectations belong to their own tests). */
    List<Expectation> check() {
        List<Expectation> out = new ArrayList<>();
        for (Decl d : decls.root.decls()) {
            if (d instanceof Decl.Expect x) {
                expectation(x).ifPresent(out::add);
            }
        }
        return out;
    }

    private Optional<Expectation> expectation(Decl.Expect x) {
        String kind = x.kind().name();
        if (!KINDS.contains(kind)) {
            return fail(x.kind().span(), "unknown kind of expectation '" + kind + "': expected rates, delta_s, "
                    + "signature, run or turbulence" + Suggestions.didYouMean(kind, KINDS));
        }
        if (kind.equals("rates") && x.at().isPresent()) {
            return rates(x);
        }
        if (kind.equals("delta_s") && x.over().isPresent()) {
            return slope(x);
        }
        if (kind.equals("signature") && x.at().isEmpty() && x.over().isEmpty()) {
            return signature(x);
        }
        if (kind.equals("run") && x.at().isEmpty() && x.over().isEmpty()) {
            return run(x);
        }
        if (kind.equals("turbulence") && x.at().isPresent() && x.phase().isEmpty()) {
            return turbulence(x);
        }
        String form = switch (kind) {
            case "rates" -> "expect rates BLOCK in PHASE at R = 10 [GV]: nu within LO .. HI";
            case "delta_s" -> "expect delta_s of BLOCK in PHASE over 10 [GV] .. 100 [GV] within 0.4 .. 0.7";
            case "signature" -> "expect signature LAW: xi_k = 1, xi_A = 1";
            case "turbulence" -> "expect turbulence ENVIRONMENT at R = 100 [GV]: D_xx within LO .. HI";
            default -> "expect run GALAXY: chi2/N of B/C < 2, B/C at 10 [GeV] within 5 % of 0.2";
        };
        return fail(x.span(), "this expect " + kind + " statement has the wrong shape; write " + form);
    }

    // ---------------------------------------------------------------- rates and delta_s

    private Optional<Expectation> rates(Decl.Expect x) {
        Expectations.At at = x.at().get();
        boolean ok = word(at.word(), "at") & word(at.variable(), "R");
        Optional<Program.ScatteringDef> block = block(x.subject());
        Optional<String> phase = phase(x.phase());
        ok &= phaseGiven(x);
        OptionalDouble r = rigidity(at.value(), "the rigidity of an expectation");
        List<Expectation.Check> checks = new ArrayList<>();
        for (Expectations.Check c : x.checks()) {
            ok &= noQualifier(c, "a rates expectation");
            String q = c.quantity() instanceof Expr.Name n ? n.name() : null;
            Dimension dim = q == null ? null : RATE_COLUMNS.get(q);
            if (dim == null && q != null && block.isPresent()) {
                dim = block.get().laws().stream().filter(l -> l.name().equals(q)).findFirst()
                        .map(l -> l.kind() == Decl.LawKind.DAMPING ? Dimension.RATE : Dimension.ENERGY_DENSITY_RATE)
                        .orElse(null);
            }
            if (dim == null) {
                List<String> known = new ArrayList<>(RATE_COLUMNS.keySet());
                block.ifPresent(b -> b.laws().forEach(l -> known.add(l.name())));
                diagnostics.report(Code.EXPECT_FORM, c.quantity().span(), "a rates expectation checks one of "
                        + String.join(", ", known) + "; found '" + c.quantity().span().text() + "'"
                        + (q == null ? "" : Suggestions.didYouMean(q, known)));
                ok = false;
                continue;
            }
            Optional<Expectation.Bound> bound = bound(c.bound(), dim, q);
            if (bound.isEmpty()) {
                ok = false;
                continue;
            }
            checks.add(new Expectation.Check(q, dim, Optional.empty(), Optional.empty(), Double.NaN, bound.get(),
                    c.span()));
        }
        if (!ok || block.isEmpty() || (x.phase().isPresent() && phase.isEmpty()) || r.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Expectation(Expectation.Kind.RATES, block.get().name(), phase, r.getAsDouble(),
                Double.NaN, Double.NaN, checks, x.span()));
    }

    private Optional<Expectation> slope(Decl.Expect x) {
        Expectations.Over over = x.over().get();
        boolean ok = word(over.ofWord(), "of") & word(over.overWord(), "over");
        Optional<Program.ScatteringDef> block = block(x.subject());
        Optional<String> phase = phase(x.phase());
        ok &= phaseGiven(x);
        OptionalDouble lo = rigidity(over.lo(), "the lower rigidity of a delta_s expectation");
        OptionalDouble hi = rigidity(over.hi(), "the upper rigidity of a delta_s expectation");
        if (lo.isPresent() && hi.isPresent() && !(hi.getAsDouble() > lo.getAsDouble())) {
            diagnostics.report(Code.EXPECT_FORM, over.span(), "the rigidity interval must be increasing and non-empty");
            ok = false;
        }
        Expectations.Check c = x.checks().get(0);
        Optional<Expectation.Bound> bound = bound(c.bound(), Dimension.NONE, "delta_s");
        if (!ok || block.isEmpty() || (x.phase().isPresent() && phase.isEmpty()) || lo.isEmpty() || hi.isEmpty()
                || bound.isEmpty()) {
            return Optional.empty();
        }
        Expectation.Check check = new Expectation.Check("delta_s", Dimension.NONE, Optional.empty(), Optional.empty(),
                Double.NaN, bound.get(), c.span());
        return Optional.of(new Expectation(Expectation.Kind.DELTA_S, block.get().name(), phase, Double.NaN,
                lo.getAsDouble(), hi.getAsDouble(), List.of(check), x.span()));
    }

    private Optional<Program.ScatteringDef> block(Ident name) {
        Program.ScatteringDef s = scatterings.get(name.name());
        if (s == null && !decls.scatterings.containsKey(name.name())) {
            diagnostics.report(Code.UNKNOWN_DECLARATION, name.span(), "scattering block", name.name(),
                    Suggestions.didYouMean(name.name(), decls.scatterings.keySet()));
        }
        return Optional.ofNullable(s);
    }

    /** Without {@code in PHASE} the model may have at most one phase. */
    private boolean phaseGiven(Decl.Expect x) {
        if (x.phase().isEmpty() && decls.phases.size() > 1) {
            diagnostics.report(Code.EXPECT_FORM, x.subject().span(), "the model has " + decls.phases.size()
                    + " phases (" + String.join(", ", decls.phases.keySet()) + "); say which with 'in PHASE' after "
                    + x.subject().name());
            return false;
        }
        return true;
    }

    private Optional<String> phase(Optional<Ident> name) {
        if (name.isEmpty()) {
            return Optional.empty();
        }
        Ident p = name.get();
        if (!decls.phases.containsKey(p.name())) {
            diagnostics.report(Code.UNKNOWN_DECLARATION, p.span(), "phase", p.name(),
                    Suggestions.didYouMean(p.name(), decls.phases.keySet()));
            return Optional.empty();
        }
        return Optional.of(p.name());
    }

    /** A constant rigidity, in GV. */
    private OptionalDouble rigidity(Expr e, String what) {
        OptionalDouble v = constant(e, Dimension.POTENTIAL, what);
        return v.isPresent() ? OptionalDouble.of(v.getAsDouble() / Constants.GV) : v;
    }

    // ---------------------------------------------------------------- signatures

    private Optional<Expectation> signature(Decl.Expect x) {
        Ident lawName = x.subject();
        Decl.Law decl = decls.laws.get(lawName.name());
        if (decl == null) {
            return fail(lawName.span(), "unknown law '" + lawName.name() + "'"
                    + Suggestions.didYouMean(lawName.name(), decls.laws.keySet()));
        }
        Program.LawDef law = laws.get(lawName.name());
        if (law == null) {
            return Optional.empty();
        }
        if (Dependencies.dependsOnWaveVector(law.body())) {
            return fail(lawName.span(), "'" + lawName.name() + "' is a fast-mode damping law of k and cos_theta; "
                    + "Table-2 signatures belong to the laws of scattering blocks");
        }
        String p = law.kind() == Decl.LawKind.DAMPING ? "xi" : "zeta";
        List<String> names = List.of(p + "_k", p + "_A", p + "_cr");
        List<Expectation.Check> checks = new ArrayList<>();
        boolean ok = true;
        for (Expectations.Check c : x.checks()) {
            ok &= noQualifier(c, "a signature");
            String q = c.quantity() instanceof Expr.Name n ? n.name() : null;
            if (q == null || !names.contains(q)) {
                diagnostics.report(Code.EXPECT_FORM, c.quantity().span(), law.kind().keyword + " law " + lawName.name()
                        + " has the exponents " + String.join(", ", names) + "; found '" + c.quantity().span().text()
                        + "'" + (q == null ? "" : Suggestions.didYouMean(q, names)));
                ok = false;
                continue;
            }
            Optional<Expectation.Bound> bound = bound(c.bound(), Dimension.NONE, q);
            if (bound.isEmpty()) {
                ok = false;
                continue;
            }
            checks.add(new Expectation.Check(q, Dimension.NONE, Optional.empty(), Optional.empty(), Double.NaN,
                    bound.get(), c.span()));
        }
        return ok ? Optional.of(new Expectation(Expectation.Kind.SIGNATURE, lawName.name(), Optional.empty(),
                Double.NaN, Double.NaN, Double.NaN, checks, x.span())) : Optional.empty();
    }

    // ---------------------------------------------------------------- turbulent environments

    private Optional<Expectation> turbulence(Decl.Expect x) {
        Expectations.At at = x.at().get();
        boolean ok = word(at.word(), "at") & word(at.variable(), "R");
        Ident env = x.subject();
        if (!decls.environments.containsKey(env.name())) {
            diagnostics.report(Code.UNKNOWN_DECLARATION, env.span(), "environment", env.name(),
                    Suggestions.didYouMean(env.name(), decls.environments.keySet()));
            ok = false;
        }
        OptionalDouble r = rigidity(at.value(), "the rigidity of an expectation");
        List<Expectation.Check> checks = new ArrayList<>();
        for (Expectations.Check c : x.checks()) {
            ok &= noQualifier(c, "a turbulence expectation");
            String q = c.quantity() instanceof Expr.Name n ? n.name() : null;
            if (q == null || !TURBULENCE_COLUMNS.contains(q)) {
                diagnostics.report(Code.EXPECT_FORM, c.quantity().span(), "a turbulence expectation checks one of "
                        + String.join(", ", TURBULENCE_COLUMNS) + "; found '" + c.quantity().span().text() + "'"
                        + (q == null ? "" : Suggestions.didYouMean(q, TURBULENCE_COLUMNS)));
                ok = false;
                continue;
            }
            Optional<Expectation.Bound> bound = bound(c.bound(), GalaxyChecker.DIFFUSIVITY, q);
            if (bound.isEmpty()) {
                ok = false;
                continue;
            }
            checks.add(new Expectation.Check(q, GalaxyChecker.DIFFUSIVITY, Optional.empty(), Optional.empty(),
                    Double.NaN, bound.get(), c.span()));
        }
        if (!ok || r.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Expectation(Expectation.Kind.TURBULENCE, env.name(), Optional.empty(), r.getAsDouble(),
                Double.NaN, Double.NaN, checks, x.span()));
    }

    // ---------------------------------------------------------------- run observables

    private Optional<Expectation> run(Decl.Expect x) {
        Ident g = x.subject();
        Galaxy.Def galaxy = galaxies.get(g.name());
        if (galaxy == null) {
            if (!decls.galaxies.containsKey(g.name())) {
                diagnostics.report(Code.UNKNOWN_DECLARATION, g.span(), "galaxy", g.name(),
                        Suggestions.didYouMean(g.name(), decls.galaxies.keySet()));
            }
            return Optional.empty();
        }
        Set<String> species = new LinkedHashSet<>(galaxy.species());
        boolean ok = true;
        List<Expectation.Check> checks = new ArrayList<>();
        for (Expectations.Check c : x.checks()) {
            Optional<Expectation.Check> check = isChi2(c.quantity()) ? chi2(c, species) : observableAt(c, species);
            ok &= check.isPresent();
            check.ifPresent(checks::add);
        }
        return ok ? Optional.of(new Expectation(Expectation.Kind.RUN, galaxy.name(), Optional.empty(), Double.NaN,
                Double.NaN, Double.NaN, checks, x.span())) : Optional.empty();
    }

    private static boolean isChi2(Expr e) {
        return e instanceof Expr.Binary b && b.op() == Expr.BinaryOp.DIV && b.left() instanceof Expr.Name l
                && l.name().equals("chi2") && b.right() instanceof Expr.Name r && r.name().equals("N");
    }

    /** {@code chi2/N of B/C [against "file"] < 2}: the target must be observed against data. */
    private Optional<Expectation.Check> chi2(Expectations.Check c, Set<String> species) {
        if (c.word().isEmpty() || !word(c.word().get(), "of")) {
            return fail(c.quantity().span(), "write chi2/N of OBSERVABLE, e.g. chi2/N of B/C < 2");
        }
        Optional<Galaxy.Target> target = galaxyChecker.target(c.argument().get(), species);
        if (target.isEmpty()) {
            return Optional.empty();
        }
        List<String> files = new ArrayList<>();
        observations.stream().filter(o -> o.target().label().equals(target.get().label()))
                .forEach(o -> files.addAll(o.files()));
        Optional<String> dataset = c.against().map(Expr.Text::value);
        if (files.isEmpty()) {
            return fail(c.argument().get().span(), target.get().label() + " is not compared with data: add "
                    + "observe " + target.get().label() + " against \"FILE\"");
        }
        if (dataset.isPresent() && !files.contains(dataset.get())) {
            return fail(c.against().get().span(), target.get().label() + " is observed against "
                    + String.join(", ", files) + ", not \"" + dataset.get() + "\"");
        }
        if (dataset.isEmpty() && files.size() > 1) {
            return fail(c.argument().get().span(), target.get().label() + " is observed against " + files.size()
                    + " datasets (" + String.join(", ", files) + "); say which with against \"FILE\"");
        }
        Optional<Expectation.Bound> bound = bound(c.bound(), Dimension.NONE, "chi2/N");
        return bound.map(b -> new Expectation.Check("chi2/N", Dimension.NONE, target, Optional.of(dataset.orElse(
                files.get(0))), Double.NaN, b, c.span()));
    }

    /** {@code B/C at 10 [GeV] within 5 % of 0.2}: a ratio's top-of-atmosphere value at a kinetic energy per nucleon. */
    private Optional<Expectation.Check> observableAt(Expectations.Check c, Set<String> species) {
        if (c.word().isEmpty() || !word(c.word().get(), "at")) {
            return fail(c.quantity().span(), "a run expectation checks chi2/N of OBSERVABLE or OBSERVABLE at ENERGY, "
                    + "e.g. B/C at 10 [GeV] within 5 % of 0.2");
        }
        if (c.against().isPresent()) {
            return fail(c.against().get().span(), "'against' belongs to chi2/N checks");
        }
        Optional<Galaxy.Target> target = galaxyChecker.target(c.quantity(), species);
        if (target.isEmpty()) {
            return Optional.empty();
        }
        if (!(target.get() instanceof Galaxy.Ratio)) {
            return fail(c.quantity().span(), "only ratios (B/C, Be10/Be9) can be checked at an energy; "
                    + "fluxes are checked through chi2/N");
        }
        OptionalDouble ek = constant(c.argument().get(), Dimension.ENERGY, "the energy of an expectation");
        Optional<Expectation.Bound> bound = bound(c.bound(), Dimension.NONE, target.get().label());
        if (ek.isEmpty() || bound.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Expectation.Check(target.get().label(), Dimension.NONE, target, Optional.empty(),
                ek.getAsDouble() / Constants.GEV, bound.get(), c.span()));
    }

    // ---------------------------------------------------------------- bounds and values

    private Optional<Expectation.Bound> bound(Expectations.Bound b, Dimension dim, String quantity) {
        if (b instanceof Expectations.Range r) {
            if (!word(r.within(), "within")) {
                return Optional.empty();
            }
            OptionalDouble lo = constant(r.lo(), dim, "a bound of " + quantity);
            OptionalDouble hi = constant(r.hi(), dim, "a bound of " + quantity);
            if (lo.isEmpty() || hi.isEmpty()) {
                return Optional.empty();
            }
            if (lo.getAsDouble() > hi.getAsDouble()) {
                return fail(r.span(), "the range of " + quantity + " is empty: the lower bound is above the upper");
            }
            return Optional.of(new Expectation.Range(lo.getAsDouble(), hi.getAsDouble()));
        }
        if (b instanceof Expectations.Near n) {
            if (!word(n.within(), "within") | !word(n.ofWord(), "of")) {
                return Optional.empty();
            }
            OptionalDouble tol = constant(n.tolerance(), n.percent() ? Dimension.NONE : dim,
                    n.percent() ? "a percentage" : "the tolerance of " + quantity);
            OptionalDouble ref = constant(n.reference(), dim, "the reference value of " + quantity);
            if (tol.isEmpty() || ref.isEmpty()) {
                return Optional.empty();
            }
            if (tol.getAsDouble() < 0) {
                return fail(n.tolerance().span(), "a tolerance must not be negative");
            }
            return Optional.of(new Expectation.Near(ref.getAsDouble(),
                    n.percent() ? tol.getAsDouble() / 100 : tol.getAsDouble(), n.percent()));
        }
        Expectations.Compare c = (Expectations.Compare) b;
        OptionalDouble v = constant(c.value(), dim, "the limit of " + quantity);
        return v.isPresent() ? Optional.of(new Expectation.Compare(c.op(), v.getAsDouble())) : Optional.empty();
    }

    /** A compile-time constant of the given dimension (cgs), or empty after a diagnostic with a caret. */
    private OptionalDouble constant(Expr e, Dimension dim, String what) {
        Node n = typer.type(e, Typer.Scope.global(what));
        if (n instanceof Node.Invalid) {
            return OptionalDouble.empty();
        }
        if (n.isCondition() || !n.dim().equals(dim)) {
            diagnostics.report(Code.EXPECT_DIMENSION, e.span(), what, dim, n.isCondition() ? "a condition" : n.dim());
            return OptionalDouble.empty();
        }
        OptionalDouble v = ConstantEvaluator.evaluate(n);
        if (v.isEmpty() || !Double.isFinite(v.getAsDouble())) {
            diagnostics.report(Code.NOT_CONSTANT, e.span(), what, " (it may use only numbers, units, constants "
                    + "and constant lets)");
            return OptionalDouble.empty();
        }
        return v;
    }

    private boolean noQualifier(Expectations.Check c, String what) {
        if (c.word().isPresent() || c.against().isPresent()) {
            SourceSpan at = c.word().map(Ident::span).orElseGet(() -> c.against().get().span());
            diagnostics.report(Code.EXPECT_FORM, at, what + " checks a single quantity: write e.g. nu within LO .. HI");
            return false;
        }
        return true;
    }

    private boolean word(Ident found, String expected) {
        if (!found.name().equals(expected)) {
            diagnostics.report(Code.EXPECT_FORM, found.span(), "expected '" + expected + "' here, found '"
                    + found.name() + "'");
            return false;
        }
        return true;
    }

    private <T> Optional<T> fail(SourceSpan at, String message) {
        diagnostics.report(Code.EXPECT_FORM, at, message);
        return Optional.empty();
    }
}
