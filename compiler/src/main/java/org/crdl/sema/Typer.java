package org.crdl.sema;

import java.util.ArrayList;
import java.util.HashMap;
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
import org.crdl.ir.Fn;
import org.crdl.ir.Node;
import org.crdl.ir.Symbol;
import org.crdl.runtime.particles.ResonanceQuantity;
import org.crdl.runtime.plasma.PhaseField;
import org.crdl.runtime.plasma.PlasmaQuantity;
import org.crdl.runtime.units.Dimension;
import org.crdl.runtime.units.PhysicalConstant;
import org.crdl.runtime.units.Rational;
import org.crdl.syntax.Decl;
import org.crdl.syntax.Expr;
import org.crdl.units.UnitEvaluator;

/**
 * Resolves names and checks dimensions, turning expressions into typed IR. Global
 * definitions (lets, laws, phase fields) are typed on first use, so declaration order
 * does not matter; a definition reached again while it is being typed is a recursion
 * error that names the whole chain.
 */
final class Typer implements Expr.Visitor<Node> {

    /** Where an expression is typed: a law (with its where bindings), a phase field, or the top level. */
    record Scope(String law, Map<String, Decl.Binding> where, String phase, String description, boolean size) {
        Scope(String law, Map<String, Decl.Binding> where, String phase, String description) {
            this(law, where, phase, description, false);
        }

        static Scope global(String description) {
            return new Scope(null, Map.of(), null, description);
        }

        /** Inside a structure declaration: like the top level, plus its short axis ell_S when {@code size}. */
        static Scope structure(String description, boolean size) {
            return new Scope(null, Map.of(), null, description, size);
        }

        static Scope law(Decl.Law law) {
            Map<String, Decl.Binding> where = new HashMap<>();
            law.where().forEach(b -> where.putIfAbsent(b.name().name(), b));
            return new Scope(law.name().name(), where, null, law.kind().keyword + " law " + law.name().name());
        }

        static Scope phase(String phase, String field) {
            return new Scope(null, Map.of(), phase, "field " + field + " of phase " + phase);
        }
    }

    private final Declarations decls;
    private final Diagnostics diagnostics;
    private final UnitEvaluator units;
    private final Map<String, Node> typed = new HashMap<>();
    private final List<String> inProgress = new ArrayList<>();
    private final Map<String, Integer> paramIndex = new HashMap<>();
    private Scope scope;

    Typer(Declarations decls, Diagnostics diagnostics) {
        this.decls = decls;
        this.diagnostics = diagnostics;
        this.units = new UnitEvaluator(diagnostics);
        int i = 0;
        for (String p : decls.params.keySet()) {
            paramIndex.put(p, i++);
        }
    }

    int paramIndex(String name) {
        return paramIndex.get(name);
    }

    // ---- definitions typed on demand ----

    Node let(String name) {
        Decl.Let d = decls.lets.get(name);
        return define("let " + name, name, d.name().span(), () -> type(d.value(), Scope.global("let " + name)));
    }

    Node law(String name) {
        Decl.Law d = decls.laws.get(name);
        return define("law " + name, name, d.name().span(), () -> type(d.body(), Scope.law(d)));
    }

    Node param(String name) {
        Decl.Param d = decls.params.get(name);
        return define("param " + name, name, d.name().span(), () -> type(d.value(), Scope.global("param " + name)));
    }

    Node where(String law, Decl.Binding b) {
        Decl.Law d = decls.laws.get(law);
        return define("where " + law + "." + b.name().name(), b.name().name(), b.name().span(),
                () -> type(b.value(), Scope.law(d)));
    }

    Node field(String phase, String field) {
        Decl.Field f = decls.phaseFields.get(phase).get(field);
        return define("field " + phase + "." + field, field, f.name().span(),
                () -> type(f.value(), Scope.phase(phase, field)));
    }

    /** Type a definition once; re-entering one still in progress is a recursion error. */
    private Node define(String key, String name, SourceSpan at, java.util.function.Supplier<Node> body) {
        Node done = typed.get(key);
        if (done != null) {
            return done;
        }
        int start = inProgress.indexOf(key);
        if (start >= 0) {
            List<String> chain = new ArrayList<>();
            for (String k : inProgress.subList(start, inProgress.size())) {
                chain.add(k.substring(k.indexOf(' ') + 1));
            }
            chain.add(key.substring(key.indexOf(' ') + 1));
            diagnostics.report(Code.RECURSIVE, at, name, String.join(" -> ", chain));
            Node invalid = new Node.Invalid(at);
            typed.put(key, invalid);
            return invalid;
        }
        inProgress.add(key);
        Scope saved = scope;
        try {
            Node result = body.get();
            typed.putIfAbsent(key, result);
            return typed.get(key);
        } finally {
            scope = saved;
            inProgress.remove(inProgress.size() - 1);
        }
    }

    /** Type an expression in a scope. */
    Node type(Expr e, Scope s) {
        Scope saved = scope;
        scope = s;
        try {
            return e.accept(this);
        } finally {
            scope = saved;
        }
    }

    // ---- the dimension of a phase field named outside any phase ----

    /** Dimension of a field as laws see it: fixed for standard fields, else from the first phase declaring it. */
    Optional<Dimension> fieldDimension(String name) {
        Optional<PhaseField> standard = PhaseField.bySymbol(name);
        if (standard.isPresent()) {
            return Optional.of(standard.get().dimension());
        }
        for (Map.Entry<String, Map<String, Decl.Field>> p : decls.phaseFields.entrySet()) {
            if (p.getValue().containsKey(name)) {
                Node n = field(p.getKey(), name);
                return n instanceof Node.Invalid ? Optional.empty() : Optional.of(n.dim());
            }
        }
        return Optional.empty();
    }

    // ---- names ----

    @Override
    public Node visitName(Expr.Name e) {
        return resolve(e.name(), e.span());
    }

    private Node resolve(String name, SourceSpan span) {
        Scope s = scope;
        Decl.Binding binding = s.where().get(name);
        if (binding != null) {
            return ref(new Symbol.Where(s.law(), name, where(s.law(), binding)), span);
        }
        if (s.size() && org.crdl.ir.Symbol.Size.NAME.equals(name)) {
            return new Node.Ref(new Symbol.Size(), span);
        }
        Decl value = decls.values.get(name);
        if (value instanceof Decl.Param) {
            Node v = param(name);
            return v instanceof Node.Invalid ? v : new Node.Ref(new Symbol.Param(name, paramIndex(name), v.dim()), span);
        } else if (value instanceof Decl.Let) {
            return ref(new Symbol.Let(name, let(name)), span);
        } else if (value instanceof Decl.Law law) {
            return ref(new Symbol.Law(name, law.kind(), law(name)), span);
        }
        if (s.phase() != null) {
            return resolveInPhase(name, span, s.phase());
        }
        Optional<PlasmaQuantity> plasma = PlasmaQuantity.bySymbol(name);
        if (plasma.isPresent()) {
            return new Node.Ref(new Symbol.Plasma(plasma.get()), span);
        }
        Optional<Symbol.CrQuantity> cr = Symbol.CrQuantity.bySymbol(name);
        if (cr.isPresent()) {
            return new Node.Ref(new Symbol.Cr(cr.get()), span);
        }
        if (isDeclaredField(name)) {
            Optional<Dimension> dim = fieldDimension(name);
            return dim.<Node>map(d -> new Node.Ref(new Symbol.Field(name, d), span)).orElseGet(() -> new Node.Invalid(span));
        }
        return builtin(name, span);
    }

    private boolean isDeclaredField(String name) {
        return PhaseField.bySymbol(name).isPresent()
                || decls.phaseFields.values().stream().anyMatch(f -> f.containsKey(name));
    }

    /** Inside a phase: its own fields first, then derived quantities, resonance and constants. */
    private Node resolveInPhase(String name, SourceSpan span, String phase) {
        Map<String, Decl.Field> fields = decls.phaseFields.get(phase);
        if (fields.containsKey(name)) {
            Node f = field(phase, name);
            return f instanceof Node.Invalid ? f : new Node.Ref(new Symbol.Field(name, f.dim()), span);
        }
        Optional<PlasmaQuantity> plasma = PlasmaQuantity.bySymbol(name);
        if (plasma.isPresent()) {
            return new Node.Ref(new Symbol.Plasma(plasma.get()), span);
        }
        if ("e".equals(name)) {
            diagnostics.report(Code.UNKNOWN_NAME, span, name,
                    ": the wave energy e is the unknown of the wave balance and is not available in a phase field");
            return new Node.Invalid(span);
        }
        if (Symbol.CrQuantity.bySymbol(name).isPresent() || isDeclaredField(name)) {
            diagnostics.report(Code.UNKNOWN_NAME, span, name, " in phase " + phase + ": the phase does not define it"
                    + Suggestions.didYouMean(name, fields.keySet()).replace("; did", ", did"));
            return new Node.Invalid(span);
        }
        return builtin(name, span);
    }

    /** Resonance context, wave energy, constants; otherwise an unknown name with a suggestion. */
    private Node builtin(String name, SourceSpan span) {
        Optional<ResonanceQuantity> res = ResonanceQuantity.bySymbol(name);
        if (res.isPresent()) {
            return new Node.Ref(new Symbol.Resonance(res.get()), span);
        }
        if ("e".equals(name)) {
            return new Node.Ref(new Symbol.Wave(), span);
        }
        Optional<Symbol.WaveVectorQuantity> wv = Symbol.WaveVectorQuantity.bySymbol(name);
        if (wv.isPresent() && scope.phase() == null) {
            return new Node.Ref(new Symbol.WaveVector(wv.get()), span);
        }
        Optional<PhysicalConstant> c = PhysicalConstant.bySymbol(name);
        if (c.isPresent()) {
            return new Node.Ref(new Symbol.Constant(c.get()), span);
        }
        diagnostics.report(Code.UNKNOWN_NAME, span, name, Suggestions.didYouMean(name, visibleNames()));
        return new Node.Invalid(span);
    }

    private Node ref(Symbol s, SourceSpan span) {
        if (s instanceof Symbol.Let l && l.value() instanceof Node.Invalid
                || s instanceof Symbol.Law l2 && l2.body() instanceof Node.Invalid
                || s instanceof Symbol.Where w && w.value() instanceof Node.Invalid) {
            return new Node.Invalid(span);
        }
        return new Node.Ref(s, span);
    }

    /** Every name visible in the current scope, for suggestions. */
    private Set<String> visibleNames() {
        Set<String> names = new LinkedHashSet<>(scope.where().keySet());
        names.addAll(decls.values.keySet());
        if (scope.phase() != null) {
            names.addAll(decls.phaseFields.get(scope.phase()).keySet());
        } else {
            decls.phaseFields.values().forEach(f -> names.addAll(f.keySet()));
            for (PhaseField f : PhaseField.values()) {
                names.add(f.symbol());
            }
            names.add("e");
            names.add("k");
            names.add("cos_theta");
        }
        for (PlasmaQuantity q : PlasmaQuantity.values()) {
            names.add(q.symbol());
        }
        for (ResonanceQuantity q : ResonanceQuantity.values()) {
            names.add(q.symbol());
        }
        for (PhysicalConstant c : PhysicalConstant.values()) {
            names.add(c.symbol());
        }
        return names;
    }

    // ---- literals ----

    @Override
    public Node visitNumber(Expr.Number e) {
        return new Node.Const(e.value(), Dimension.NONE, e.span());
    }

    @Override
    public Node visitQuantity(Expr.Quantity e) {
        Optional<UnitEvaluator.Value> u = units.evaluate(e.unit());
        return u.<Node>map(v -> new Node.Const(e.value() * v.factor(), v.dimension(), e.span()))
                .orElseGet(() -> new Node.Invalid(e.span()));
    }

    @Override
    public Node visitText(Expr.Text e) {
        diagnostics.report(Code.NOT_A_QUANTITY, e.span(), "a string");
        return new Node.Invalid(e.span());
    }

    // ---- operators ----

    /** A quantity operand, or Invalid (reported) when a condition is used as a number. */
    private Node quantity(Expr e) {
        Node n = e.accept(this);
        if (n.isCondition()) {
            diagnostics.report(Code.NOT_A_QUANTITY, e.span(), "a condition");
            return new Node.Invalid(e.span());
        }
        return n;
    }

    private Node condition(Expr e) {
        Node n = e.accept(this);
        if (!(n instanceof Node.Invalid) && !n.isCondition()) {
            diagnostics.report(Code.NOT_A_CONDITION, e.span(), "a quantity [" + n.dim() + "]");
            return new Node.Invalid(e.span());
        }
        return n;
    }

    private static boolean invalid(Node... nodes) {
        for (Node n : nodes) {
            if (n instanceof Node.Invalid) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Node visitUnary(Expr.Unary e) {
        if (e.op() == Expr.UnaryOp.NOT) {
            Node c = condition(e.operand());
            return invalid(c) ? c : new Node.Not(c, e.span());
        }
        Node a = quantity(e.operand());
        if (invalid(a) || e.op() == Expr.UnaryOp.PLUS) {
            return a;
        }
        return new Node.Neg(a, e.span());
    }

    @Override
    public Node visitBinary(Expr.Binary e) {
        Expr.BinaryOp op = e.op();
        if (op.isLogical()) {
            Node l = condition(e.left());
            Node r = condition(e.right());
            if (invalid(l, r)) {
                return new Node.Invalid(e.span());
            }
            return new Node.Logic(op == Expr.BinaryOp.AND ? Node.LogicOp.AND : Node.LogicOp.OR, l, r, e.span());
        }
        Node l = quantity(e.left());
        Node r = quantity(e.right());
        if (invalid(l, r)) {
            return new Node.Invalid(e.span());
        }
        if (op.isComparison()) {
            if (!l.dim().equals(r.dim())) {
                diagnostics.report(Code.COMPARE_DIMENSIONS, e.span(), l.dim(), r.dim());
                return new Node.Invalid(e.span());
            }
            return new Node.Compare(Node.CompareOp.valueOf(op.name()), l, r, e.span());
        }
        switch (op) {
            case ADD, SUB -> {
                if (!l.dim().equals(r.dim())) {
                    diagnostics.report(Code.ADD_DIMENSIONS, e.span(), op == Expr.BinaryOp.ADD ? "add" : "subtract",
                            l.dim(), r.dim());
                    return new Node.Invalid(e.span());
                }
                return op == Expr.BinaryOp.ADD ? new Node.Add(l, r, e.span()) : new Node.Sub(l, r, e.span());
            }
            case MUL -> {
                return new Node.Mul(l, r, e.span());
            }
            case DIV -> {
                return new Node.Div(l, r, e.span());
            }
            default -> {
                return power(e, l, r);
            }
        }
    }

    private Node power(Expr.Binary e, Node base, Node exponent) {
        if (!exponent.dim().isNone()) {
            diagnostics.report(Code.EXPONENT_DIMENSION, e.right().span(), exponent.dim());
            return new Node.Invalid(e.span());
        }
        if (base.dim().isNone()) {
            return new Node.Pow(base, exponent, Dimension.NONE, e.span());
        }
        OptionalDouble value = ConstantEvaluator.evaluate(exponent);
        if (value.isEmpty()) {
            String why = org.crdl.ir.Dependencies.dependsOnParams(exponent)
                    ? " (parameters can change at run time, which would change the dimension)" : "";
            diagnostics.report(Code.EXPONENT_NOT_CONSTANT, e.right().span(), base.dim(), why);
            return new Node.Invalid(e.span());
        }
        Rational r = Rational.approximate(value.getAsDouble());
        if (r == null || r.den() > 100) {
            diagnostics.report(Code.EXPONENT_NOT_RATIONAL, e.right().span(), value.getAsDouble(), base.dim());
            return new Node.Invalid(e.span());
        }
        return new Node.Pow(base, exponent, base.dim().pow(r), e.span());
    }

    @Override
    public Node visitConditional(Expr.Conditional e) {
        Node c = condition(e.condition());
        Node yes = quantity(e.then());
        Node no = quantity(e.otherwise());
        if (invalid(c, yes, no)) {
            return new Node.Invalid(e.span());
        }
        if (!yes.dim().equals(no.dim())) {
            diagnostics.report(Code.BRANCH_DIMENSIONS, e.span(), yes.dim(), no.dim());
            return new Node.Invalid(e.span());
        }
        return new Node.Cond(c, yes, no, e.span());
    }

    @Override
    public Node visitCall(Expr.Call e) {
        String name = e.function().name();
        Optional<Fn> fn = Fn.bySymbol(name);
        if (fn.isEmpty()) {
            diagnostics.report(Code.UNKNOWN_FUNCTION, e.function().span(), name,
                    Suggestions.didYouMean(name, Fn.symbols()));
            e.args().forEach(this::quantity);
            return new Node.Invalid(e.span());
        }
        Fn f = fn.get();
        int n = e.args().size();
        if (f.arity() > 0 && n != f.arity() || f.arity() < 0 && n < 2) {
            String wanted = f.arity() > 0 ? f.arity() + " argument" + (f.arity() == 1 ? "" : "s") : "two or more arguments";
            diagnostics.report(Code.ARITY, e.span(), name, wanted, n);
            return new Node.Invalid(e.span());
        }
        List<Node> args = new ArrayList<>();
        for (Expr a : e.args()) {
            args.add(quantity(a));
        }
        if (invalid(args.toArray(new Node[0]))) {
            return new Node.Invalid(e.span());
        }
        Dimension d0 = args.get(0).dim();
        if (f.needsDimensionless()) {
            if (!d0.isNone()) {
                diagnostics.report(Code.FUNCTION_NEEDS_DIMENSIONLESS, e.args().get(0).span(), name, d0);
                return new Node.Invalid(e.span());
            }
            return new Node.Call(f, args, Dimension.NONE, e.span());
        }
        if (f == Fn.SQRT) {
            return new Node.Call(f, args, d0.pow(Rational.HALF), e.span());
        }
        for (int i = 1; i < args.size(); i++) {
            if (!args.get(i).dim().equals(d0)) {
                diagnostics.report(Code.ARGUMENT_DIMENSIONS, e.args().get(i).span(), name, d0, args.get(i).dim());
                return new Node.Invalid(e.span());
            }
        }
        return new Node.Call(f, args, d0, e.span());
    }
}
