package org.crdl.sema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.crdl.diag.Code;
import org.crdl.diag.Diagnostic;
import org.crdl.diag.Diagnostics;
import org.crdl.diag.SourceSpan;
import org.crdl.ir.Dependencies;
import org.crdl.ir.Node;
import org.crdl.ir.Program;
import org.crdl.ir.Symbol;
import org.crdl.runtime.particles.ResonanceQuantity;
import org.crdl.runtime.plasma.PhaseField;
import org.crdl.runtime.plasma.PlasmaQuantity;
import org.crdl.runtime.units.Dimension;
import org.crdl.runtime.units.PhysicalConstant;
import org.crdl.syntax.Decl;

/**
 * Types every phase's fields and orders them for evaluation: a field is evaluated after
 * the fields it reads (directly, through lets and laws, or through a derived quantity such
 * as v_A_ideal reading B and rho). Checks standard field dimensions, consistency of custom
 * fields across phases, names that would hide built-ins, and that B does not depend on the
 * rigidity (it is needed to build the resonance).
 */
final class PhaseChecker {
    private final Declarations decls;
    private final Typer typer;
    private final Diagnostics diagnostics;
    private final Map<String, FieldOrigin> customDims = new HashMap<>();

    private record FieldOrigin(Dimension dim, String phase, SourceSpan span) {
    }

    PhaseChecker(Declarations decls, Typer typer, Diagnostics diagnostics) {
        this.decls = decls;
        this.typer = typer;
        this.diagnostics = diagnostics;
    }

    Map<String, Program.PhaseDef> check() {
        Map<String, Program.PhaseDef> out = new LinkedHashMap<>();
        for (Map.Entry<String, Decl.Phase> e : decls.phases.entrySet()) {
            out.put(e.getKey(), phase(e.getValue()));
        }
        return out;
    }

    private Program.PhaseDef phase(Decl.Phase decl) {
        String name = decl.name().name();
        Map<String, Decl.Field> fields = decls.phaseFields.get(name);
        Map<String, Node> typed = new LinkedHashMap<>();
        for (Map.Entry<String, Decl.Field> f : fields.entrySet()) {
            Decl.Field field = f.getValue();
            if (!checkName(field)) {
                continue;
            }
            Node n = typer.field(name, f.getKey());
            if (n.isCondition()) {
                diagnostics.report(Code.NOT_A_QUANTITY, field.value().span(), "a condition");
                continue;
            }
            if (n instanceof Node.Invalid || !checkDimension(name, field, n)) {
                continue;
            }
            typed.put(f.getKey(), n);
        }
        List<String> order = evaluationOrder(name, fields, typed);
        Map<String, Boolean> rigidity = new HashMap<>();
        List<Program.FieldDef> defs = new ArrayList<>();
        for (String f : order) {
            Node n = typed.get(f);
            boolean dependsOnR = Dependencies.dependsOnResonance(n)
                    || reads(n, typed).keySet().stream().anyMatch(x -> rigidity.getOrDefault(x, false));
            rigidity.put(f, dependsOnR);
            if (Dependencies.dependsOnWave(n) || Dependencies.dependsOnWaveVector(n)) {
                diagnostics.report(Code.UNKNOWN_NAME, fields.get(f).value().span(),
                        Dependencies.dependsOnWave(n) ? "e" : "k",
                        Dependencies.dependsOnWave(n) ? ": the wave energy e is not available in a phase field"
                                : ": the fast-mode wavevector (k, cos_theta) is not available in a phase field");
                continue;
            }
            defs.add(new Program.FieldDef(f, n, dependsOnR, fields.get(f).span()));
        }
        if (rigidity.getOrDefault("B", false)) {
            diagnostics.report(Code.FIELD_NEEDS_FIELD, fields.get("B").value().span(), "B", "the rigidity");
        }
        return new Program.PhaseDef(name, decl.parent().map(p -> p.name()), defs, decl.span());
    }

    /** Field names may not hide resonance names, the wave energy or constants. */
    private boolean checkName(Decl.Field field) {
        String n = field.name().name();
        String kind = ResonanceQuantity.bySymbol(n).isPresent() ? "resonance variable"
                : "e".equals(n) ? "wave energy"
                : PhysicalConstant.bySymbol(n).isPresent() ? "constant" : null;
        if (kind != null) {
            diagnostics.report(Code.SHADOWS_BUILTIN, field.name().span(), n, kind);
            return false;
        }
        return true;
    }

    private boolean checkDimension(String phase, Decl.Field field, Node n) {
        String name = field.name().name();
        Optional<Dimension> expected = PhaseField.bySymbol(name).map(PhaseField::dimension)
                .or(() -> PlasmaQuantity.bySymbol(name).map(PlasmaQuantity::dimension));
        if (expected.isPresent()) {
            if (!expected.get().equals(n.dim())) {
                diagnostics.report(Code.FIELD_DIMENSION, field.value().span(), name, n.dim(), expected.get(), "");
                return false;
            }
            return true;
        }
        FieldOrigin first = customDims.get(name);
        if (first == null) {
            customDims.put(name, new FieldOrigin(n.dim(), phase, field.name().span()));
        } else if (!first.dim().equals(n.dim())) {
            diagnostics.report(Diagnostic.of(Code.FIELD_DIMENSION, field.value().span(), name, n.dim(), first.dim(),
                    " (as in phase " + first.phase() + ")").withNote(first.span(), "'" + name + "' is first set here"));
            return false;
        }
        return true;
    }

    /**
     * Fields of this phase that {@code n} reads, each with the derived quantity it is read
     * through ("" when read directly).
     */
    private static Map<String, String> reads(Node n, Map<String, Node> fields) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Symbol s : Dependencies.of(n)) {
            if (s instanceof Symbol.Field f) {
                out.putIfAbsent(f.name(), "");
            } else if (s instanceof Symbol.Plasma p) {
                Set<String> inputs = new LinkedHashSet<>();
                plasmaInputs(p.quantity().symbol(), fields.keySet(), inputs, new LinkedHashSet<>());
                inputs.forEach(i -> out.putIfAbsent(i, i.equals(p.name()) ? "" : p.name()));
            }
        }
        return out;
    }

    /**
     * The fields a derived quantity reads: the override field of its own name, or its inputs,
     * expanded through further derived quantities. Inputs that are neither go to {@code missing}.
     */
    static void plasmaInputs(String quantity, Set<String> fields, Set<String> present, Set<String> missing) {
        plasmaInputs(quantity, fields, present, missing, new LinkedHashSet<>());
    }

    private static void plasmaInputs(String quantity, Set<String> fields, Set<String> present, Set<String> missing,
                                     Set<String> seen) {
        if (!seen.add(quantity)) {
            return;
        }
        if (fields.contains(quantity)) {
            present.add(quantity);
            return;
        }
        Optional<PlasmaQuantity> q = PlasmaQuantity.bySymbol(quantity);
        if (q.isEmpty()) {
            missing.add(quantity);
            return;
        }
        q.get().inputs().forEach(input -> plasmaInputs(input, fields, present, missing, seen));
    }

    /** Topological order of the fields; a cycle (through derived quantities too) is a recursion error. */
    private List<String> evaluationOrder(String phase, Map<String, Decl.Field> decls, Map<String, Node> typed) {
        Map<String, Map<String, String>> deps = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : typed.entrySet()) {
            Map<String, String> r = reads(e.getValue(), typed);
            r.keySet().retainAll(typed.keySet());
            deps.put(e.getKey(), r);
        }
        List<String> order = new ArrayList<>();
        Map<String, Integer> state = new HashMap<>();
        for (String f : deps.keySet()) {
            visit(f, deps, state, order, new ArrayList<>(), phase, decls);
        }
        return order;
    }

    /** Depth-first topological sort; {@code path} holds "field" and "via derived" steps for the cycle message. */
    private void visit(String f, Map<String, Map<String, String>> deps, Map<String, Integer> state, List<String> order,
                       List<String> path, String phase, Map<String, Decl.Field> decls) {
        int s = state.getOrDefault(f, 0);
        if (s == 2) {
            return;
        }
        if (s == 1) {
            List<String> cycle = new ArrayList<>(path.subList(path.lastIndexOf(f), path.size()));
            cycle.add(f);
            diagnostics.report(Code.RECURSIVE, decls.get(f).name().span(), f,
                    String.join(" -> ", cycle) + " in phase " + phase);
            return;
        }
        state.put(f, 1);
        path.add(f);
        for (Map.Entry<String, String> d : deps.get(f).entrySet()) {
            if (!d.getValue().isEmpty()) {
                path.add(d.getValue());
            }
            visit(d.getKey(), deps, state, order, path, phase, decls);
            if (!d.getValue().isEmpty()) {
                path.remove(path.size() - 1);
            }
        }
        path.remove(path.size() - 1);
        state.put(f, 2);
        order.add(f);
    }
}
