package org.crdl.sema;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.TreeSet;
import org.crdl.diag.Code;
import org.crdl.diag.Diagnostics;
import org.crdl.diag.SourceSpan;
import org.crdl.diag.Suggestions;
import org.crdl.ir.Dependencies;
import org.crdl.ir.Environment;
import org.crdl.ir.Node;
import org.crdl.ir.Symbol;
import org.crdl.runtime.plasma.PlasmaQuantity;
import org.crdl.runtime.turbulence.Conventions;
import org.crdl.runtime.turbulence.ModeFamily;
import org.crdl.runtime.units.Dimension;
import org.crdl.syntax.Decl;
import org.crdl.syntax.Expr;

/**
 * Gives {@code environment} blocks their meaning:
 * <pre>
 * environment halo {
 *   phase = halo                      // n, T, B, beta_plasma, v_A_ideal …; L_inj, M_A, L_region by default
 *   L = 100 [pc]   M_A = 1            // injection scale and Alfvénic Mach number
 *   modes alfven, fast
 *   damping fast_landau               // CRDL damping laws of the fast-mode wavevector (k, cos_theta)
 *   conventions code2020_halo { mu_prefactor = eighth }   // fornieri2021 digest §6.4, physical by default
 *   angle_average = on                // kempski2022 (A7) θ-average of the damping
 * }
 * </pre>
 */
final class EnvironmentChecker {
    private static final List<String> KEYS = List.of("phase", "L", "M_A", "beta", "v_A", "modes", "damping", "size",
            "conventions", "angle_average");
    /** A named convention option: its values (a runtime enum) and how it sets a Conventions. */
    private record Option<E extends Enum<E>>(Class<E> values, BiFunction<Conventions, E, Conventions> set) {
        Conventions apply(Conventions c, Enum<?> value) {
            return set.apply(c, values.cast(value));
        }
    }

    private static final Map<String, Option<?>> OPTIONS = new LinkedHashMap<>();

    static {
        OPTIONS.put("xi_mapping", new Option<>(Conventions.XiMapping.class, Conventions::withXiMapping));
        OPTIONS.put("mu_prefactor", new Option<>(Conventions.MuPrefactor.class, Conventions::withMuPrefactor));
        OPTIONS.put("criterion", new Option<>(Conventions.DiffusiveCriterion.class, Conventions::withDiffusiveCriterion));
        OPTIONS.put("truncation", new Option<>(Conventions.TruncationCombination.class, Conventions::withTruncation));
        OPTIONS.put("fast_mode_cap", new Option<>(Conventions.FastModeCap.class, Conventions::withFastModeCap));
        OPTIONS.put("resonance_width", new Option<>(Conventions.ResonanceWidth.class, Conventions::withResonanceWidth));
        OPTIONS.put("gyro_branches", new Option<>(Conventions.GyroBranches.class, Conventions::withGyroBranches));
        OPTIONS.put("constants", new Option<>(Conventions.ConstantSet.class, Conventions::withConstants));
    }

    private final Declarations decls;
    private final Typer typer;
    private final Diagnostics diagnostics;

    EnvironmentChecker(Declarations decls, Typer typer, Diagnostics diagnostics) {
        this.decls = decls;
        this.typer = typer;
        this.diagnostics = diagnostics;
    }

    Map<String, Environment> check() {
        Map<String, Environment> out = new LinkedHashMap<>();
        decls.environments.forEach((name, d) -> environment(d).ifPresent(e -> out.put(name, e)));
        return out;
    }

    private Optional<Environment> environment(Decl.Environment d) {
        long errors = diagnostics.errorCount();
        String where = "environment " + d.name().name();
        Map<String, Decl.Item> items = items(d.body(), where);
        Optional<String> phase = name(items.get("phase"));
        if (items.get("phase") == null) {
            missing(d.name().span(), where, "a phase = P (its n, T and B set the plasma)");
        } else if (phase.isPresent() && !decls.phases.containsKey(phase.get())) {
            diagnostics.report(Code.UNKNOWN_DECLARATION, value(items.get("phase")).span(), "phase", phase.get(),
                    Suggestions.didYouMean(phase.get(), decls.phases.keySet()));
            phase = Optional.empty();
        }
        Optional<String> phaseName = phase;
        Map<String, Decl.Field> fields = phase.map(p -> decls.phaseFields.get(p)).orElse(Map.of());
        // an item that is given but wrong has been reported; only a missing one falls back to the phase field
        Node l = items.containsKey("L") ? setting(items, "L", Dimension.LENGTH, where).orElse(null)
                : fieldDefault(fields, phaseName, "L_inj", Dimension.LENGTH, d.name().span(), where,
                        "an injection scale L = 100 [pc] (or a phase field L_inj)");
        Node ma = items.containsKey("M_A") ? setting(items, "M_A", Dimension.NONE, where).orElse(null)
                : fieldDefault(fields, phaseName, "M_A", Dimension.NONE, d.name().span(), where,
                        "an Alfvenic Mach number M_A = 1 (or a phase field M_A)");
        Optional<Node> size = setting(items, "size", Dimension.LENGTH, where)
                .or(() -> phaseName.isPresent() && fields.containsKey("L_region")
                        ? Optional.of(typer.field(phaseName.get(), "L_region")) : Optional.empty());
        Set<ModeFamily> modes = modes(items.get("modes"));
        List<String> damping = damping(items.get("damping"), where, phase.map(decls.phaseFields::get));
        Conventions conventions = conventions(items.get("conventions"));
        boolean average = flag(items.get("angle_average"));
        Optional<Node> beta = setting(items, "beta", Dimension.NONE, where);
        Optional<Node> alfvenSpeed = setting(items, "v_A", Dimension.VELOCITY, where);
        if (phase.isPresent()) {
            Set<String> missing = new TreeSet<>();
            missingInputs("B", fields.keySet(), missing);
            if (!items.containsKey("beta")) {
                missingInputs(PlasmaQuantity.BETA_PLASMA.symbol(), fields.keySet(), missing);
            }
            if (!items.containsKey("v_A")) {
                missingInputs(PlasmaQuantity.V_A_IDEAL.symbol(), fields.keySet(), missing);
            }
            if (!missing.isEmpty()) {
                diagnostics.report(Code.GALAXY_MISSING_ITEM, value(items.get("phase")).span(), where,
                        "phase fields " + String.join(", ", missing) + " in phase " + phase.get()
                                + " (B sets the Alfven cutoff; beta and v_A follow from n, T and B unless given)");
            }
        }
        if (diagnostics.errorCount() > errors || l == null || ma == null || phase.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Environment(d.name().name(), phase.get(), l, ma, beta, alfvenSpeed, modes, damping,
                size, conventions, average, d.span()));
    }

    /** The block's items by key (each at most once). */
    private Map<String, Decl.Item> items(Decl.Block block, String where) {
        Map<String, Decl.Item> out = new LinkedHashMap<>();
        BlockItems.collect(block, KEYS, Set.of(), where, diagnostics).forEach((k, l) -> out.put(k, l.get(0)));
        return out;
    }

    private void missing(SourceSpan at, String what, String needs) {
        diagnostics.report(Code.GALAXY_MISSING_ITEM, at, what, needs);
    }

    private static Expr value(Decl.Item item) {
        return BlockItems.singleValue(item).orElse(null);
    }

    private Optional<String> name(Decl.Item item) {
        if (item == null) {
            return Optional.empty();
        }
        if (value(item) instanceof Expr.Name n) {
            return Optional.of(n.name());
        }
        diagnostics.report(Code.GALAXY_BAD_VALUE, item.span(), item.key().name() + " takes a name");
        return Optional.empty();
    }

    private Optional<Node> setting(Map<String, Decl.Item> items, String key, Dimension dim, String where) {
        Decl.Item item = items.get(key);
        if (item == null) {
            return Optional.empty();
        }
        if (!(item instanceof Decl.Assign a)) {
            diagnostics.report(Code.GALAXY_BAD_VALUE, item.span(), key + " is written " + key + " = value");
            return Optional.empty();
        }
        Node n = typer.type(a.value(), Typer.Scope.global(key + " in " + where));
        if (n instanceof Node.Invalid) {
            return Optional.empty();
        }
        if (n.isCondition() || !n.dim().equals(dim)) {
            diagnostics.report(Code.GALAXY_DIMENSION, a.value().span(), key + " in " + where, dim, n.dim());
            return Optional.empty();
        }
        // settings are evaluated in the environment's phase: its fields and derived quantities may be used
        if (Dependencies.of(n).stream().anyMatch(s -> s instanceof Symbol.Resonance || s instanceof Symbol.Wave
                || s instanceof Symbol.Cr || s instanceof Symbol.WaveVector)) {
            diagnostics.report(Code.GALAXY_NOT_CONSTANT, a.value().span(), key + " in " + where,
                    "the CR resonance, the waves or the CR state (it may use the phase, parameters and constants)");
            return Optional.empty();
        }
        return Optional.of(n);
    }

    private Node fieldDefault(Map<String, Decl.Field> fields, Optional<String> phase, String field, Dimension dim,
                              SourceSpan at, String where, String needs) {
        if (phase.isPresent() && fields.containsKey(field)) {
            Node n = typer.field(phase.get(), field);
            if (!(n instanceof Node.Invalid) && n.dim().equals(dim)) {
                return n;
            }
        }
        if (phase.isPresent()) {
            missing(at, where, needs);
        }
        return null;
    }

    private Set<ModeFamily> modes(Decl.Item item) {
        if (item == null) {
            return EnumSet.allOf(ModeFamily.class);
        }
        Set<ModeFamily> out = EnumSet.noneOf(ModeFamily.class);
        for (Expr e : BlockItems.values(item)) {
            String n = e instanceof Expr.Name name ? name.name() : e.span().text();
            switch (n) {
                case "alfven" -> out.add(ModeFamily.ALFVEN);
                case "fast" -> out.add(ModeFamily.FAST);
                default -> diagnostics.report(Code.GALAXY_BAD_VALUE, e.span(), "modes are alfven and fast, not " + n);
            }
        }
        return out.isEmpty() ? EnumSet.allOf(ModeFamily.class) : out;
    }

    private List<String> damping(Decl.Item item, String where, Optional<Map<String, Decl.Field>> phaseFields) {
        List<String> out = new ArrayList<>();
        if (item == null) {
            return out;
        }
        for (Expr e : BlockItems.values(item)) {
            if (!(e instanceof Expr.Name n)) {
                diagnostics.report(Code.GALAXY_BAD_VALUE, e.span(), "damping lists damping laws by name");
                continue;
            }
            Decl.Law law = decls.laws.get(n.name());
            if (law == null || law.kind() != Decl.LawKind.DAMPING) {
                diagnostics.report(Code.UNKNOWN_DECLARATION, e.span(), "damping law", n.name(),
                        Suggestions.didYouMean(n.name(), decls.laws.keySet()));
                continue;
            }
            Node body = typer.law(n.name());
            for (Symbol s : Dependencies.of(body)) {
                if (s instanceof Symbol.Resonance || s instanceof Symbol.Cr || s instanceof Symbol.Wave) {
                    diagnostics.report(Code.GALAXY_BAD_VALUE, e.span(), "damping law " + n.name() + " reads "
                            + s.name() + ": a fast-mode damping law of " + where
                            + " depends on the wavevector (k, cos_theta) and the phase, not on the CR resonance");
                    break;
                }
            }
            phaseFields.ifPresent(fields -> requireFields(body, fields, n, where));
            out.add(n.name());
        }
        return out;
    }

    /**
     * Every phase field the law reads, directly or through a derived quantity (v_A_ideal reads n
     * and B unless the phase overrides it), must be a field of the environment's phase: checked
     * here, not when the truncation search first evaluates the law.
     */
    private void requireFields(Node body, Map<String, Decl.Field> fields, Expr.Name law, String where) {
        Set<String> missing = new TreeSet<>();
        for (Symbol s : Dependencies.of(body)) {
            if (s instanceof Symbol.Field f && !fields.containsKey(f.name())) {
                missing.add(f.name());
            } else if (s instanceof Symbol.Plasma p) {
                missingInputs(p.quantity().symbol(), fields.keySet(), missing);
            }
        }
        if (!missing.isEmpty()) {
            diagnostics.report(Code.GALAXY_BAD_VALUE, law.span(), "damping law " + law.name() + " reads "
                    + String.join(", ", missing) + ", which the phase of " + where + " does not define");
        }
    }

    private static void missingInputs(String quantity, Set<String> fields, Set<String> missing) {
        PhaseChecker.plasmaInputs(quantity, fields, new TreeSet<>(), missing);
    }

    /** {@code conventions physical} or {@code conventions code2020_halo { mu_prefactor = eighth … }}. */
    private Conventions conventions(Decl.Item item) {
        if (item == null) {
            return Conventions.physical();
        }
        Conventions c = Conventions.physical();
        Expr base = value(item);
        if (base instanceof Expr.Name n) {
            switch (n.name()) {
                case "physical" -> c = Conventions.physical();
                case "code2020_halo" -> c = Conventions.code2020Halo();
                case "code2020_disk" -> c = Conventions.code2020Disk();
                default -> diagnostics.report(Code.GALAXY_BAD_VALUE, base.span(), "conventions are physical, "
                        + "code2020_halo or code2020_disk (fornieri2021 digest §6.4), not " + n.name());
            }
        }
        if (item instanceof Decl.Directive d && d.block().isPresent()) {
            for (Decl.Item o : d.block().get().items()) {
                c = option(c, o);
            }
        }
        return c;
    }

    private Conventions option(Conventions c, Decl.Item o) {
        String key = o.key().name();
        Option<?> option = OPTIONS.get(key);
        if (option == null) {
            diagnostics.report(Code.GALAXY_UNKNOWN_ITEM, o.key().span(), "convention", key,
                    Suggestions.didYouMean(key, OPTIONS.keySet()), "the options are " + String.join(", ", OPTIONS.keySet()));
            return c;
        }
        String name = value(o) instanceof Expr.Name n ? n.name() : "";
        List<String> names = new ArrayList<>();
        for (Enum<?> constant : option.values().getEnumConstants()) {
            names.add(constant.name().toLowerCase(Locale.ROOT));
            if (constant.name().equalsIgnoreCase(name)) {
                return option.apply(c, constant);
            }
        }
        diagnostics.report(Code.GALAXY_BAD_VALUE, o.span(), key + " is one of " + String.join(", ", names));
        return c;
    }

    private boolean flag(Decl.Item item) {
        if (item == null) {
            return false;
        }
        Optional<Boolean> v = BlockItems.onOff(item);
        if (v.isEmpty()) {
            diagnostics.report(Code.GALAXY_BAD_VALUE, item.span(), item.key().name() + " is on or off");
        }
        return v.orElse(false);
    }
}
