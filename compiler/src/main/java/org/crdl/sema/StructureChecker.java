package org.crdl.sema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.crdl.diag.Code;
import org.crdl.diag.Diagnostic;
import org.crdl.diag.Diagnostics;
import org.crdl.diag.SourceSpan;
import org.crdl.diag.Suggestions;
import org.crdl.ir.ConstantEvaluator;
import org.crdl.ir.Dependencies;
import org.crdl.ir.Node;
import org.crdl.ir.Program;
import org.crdl.ir.Structures;
import org.crdl.ir.Symbol;
import org.crdl.runtime.particles.ResonanceQuantity;
import org.crdl.runtime.plasma.PlasmaQuantity;
import org.crdl.runtime.structures.Weight;
import org.crdl.runtime.units.Constants;
import org.crdl.runtime.units.Dimension;
import org.crdl.syntax.Decl;
import org.crdl.syntax.Expr;
import org.crdl.syntax.Ident;

/**
 * Gives {@code structure} declarations and the scattering blocks that name them their meaning
 * (butsky2024 digest §5.1):
 * <pre>
 * structure gyro_patches {
 *   dimensionality = 0                         // 𝒟: 0 point-like, 1 filament, 2 sheet (L87)
 *   ell_S = r_g                                // one size, or a range: ell_S in [r_g, 1 [pc]]
 *   ell_L = 10 * ell_S                         // long axis (default ell_S)
 *   f_V = 3e-7 * (ell_S / 1 [au])^(1/2)        // or n_s = … [cm^-3], or f_M = … with rho_s = …
 *   dB_over_B = 1                              // or tau_s = …, or nu_s = … [s^-1]
 *   phase = diffuse_ism                        // the background phase (its B sets r_g)
 *   background = quiet_ism                     // optional continuous inter-patch scattering block
 *   scale_height = 1 [kpc]                     // optional
 * }
 * scattering patchy { structures gyro_patches  weight = step  trapping_delay = on  residence_time = 10 [Myr] }
 * </pre>
 * Every item is unit-checked; the validation rules V2, V3, V5 and V6 are checked here when the
 * values are compile-time constants (the others need a rigidity grid: {@code Validation}).
 */
final class StructureChecker {
    private static final List<String> KEYS = List.of("dimensionality", "ell_S", "ell_L", "n_s", "f_V", "f_M", "rho_s",
            "nu_s", "tau_s", "dB_over_B", "phase", "background", "scale_height");
    private static final List<String> ABUNDANCE = List.of("n_s", "f_V", "f_M");
    private static final List<String> INTERNAL = List.of("nu_s", "tau_s", "dB_over_B");
    private static final List<String> BLOCK_SETTINGS = List.of("background", "weight", "trapping_delay", "residence_time");
    /** N_scat of `crdl rates` uses this residence time unless the block gives one: "≳ Myr" (butsky2024 L230). */
    static final double DEFAULT_RESIDENCE_TIME = Constants.MYR;

    private final Declarations decls;
    private final Typer typer;
    private final Diagnostics diagnostics;

    StructureChecker(Declarations decls, Typer typer, Diagnostics diagnostics) {
        this.decls = decls;
        this.typer = typer;
        this.diagnostics = diagnostics;
    }

    /** True when a scattering block names structures (it is checked here, not as a law block). */
    static boolean isStructureBlock(Decl.Scattering d) {
        return d.items().stream().anyMatch(i -> i instanceof Decl.StructureList);
    }

    Structures check(Map<String, Program.ScatteringDef> lawBlocks) {
        Map<String, Structures.Def> defs = new LinkedHashMap<>();
        decls.structures.forEach((name, d) -> structure(d, lawBlocks).ifPresent(s -> defs.put(name, s)));
        Map<String, Structures.Block> blocks = new LinkedHashMap<>();
        decls.scatterings.forEach((name, d) -> {
            if (isStructureBlock(d)) {
                block(d, defs, lawBlocks).ifPresent(b -> blocks.put(name, b));
            }
        });
        return new Structures(defs, blocks);
    }

    // ---- one structure ----

    private Optional<Structures.Def> structure(Decl.Structure d, Map<String, Program.ScatteringDef> lawBlocks) {
        long errors = diagnostics.errorCount();
        String name = d.name().name();
        Map<String, Decl.StructureItem> items = items(d);
        // geometry
        OptionalDouble dim = dimensionality(d, items.get("dimensionality"));
        Decl.StructureItem size = items.get("ell_S");
        Node sizeMin = null;
        Node sizeMax = null;
        boolean range = false;
        if (size == null) {
            missing(d, "a short axis ell_S = value or ell_S in [ell_min, ell_max] (ell_min may be r_g)");
        } else if (size.isRange()) {
            range = true;
            sizeMin = law(d, "ell_min", size.lo().get(), Dimension.LENGTH, false);
            sizeMax = law(d, "ell_max", size.hi().get(), Dimension.LENGTH, false);
        } else {
            sizeMin = law(d, "ell_S", size.value().get(), Dimension.LENGTH, false);
            sizeMax = sizeMin;
        }
        Node longAxis = items.containsKey("ell_L") ? law(d, "ell_L", value(items.get("ell_L")), Dimension.LENGTH, true)
                : new Node.Ref(new Symbol.Size(), d.name().span());
        // abundance
        String abundanceKey = exactlyOne(d, items, ABUNDANCE, "abundance (n_s, f_V, or f_M with rho_s)");
        Node rhoS = items.containsKey("rho_s") ? law(d, "rho_s", value(items.get("rho_s")), Dimension.MASS_DENSITY, true)
                : null;
        Node abundance = null;
        boolean filling = true;
        if (abundanceKey != null) {
            Decl.StructureItem a = items.get(abundanceKey);
            switch (abundanceKey) {
                case "n_s" -> {
                    filling = false;
                    abundance = law(d, "n_s", value(a), Dimension.NUMBER_DENSITY, true);
                }
                case "f_V" -> abundance = law(d, "f_V", value(a), Dimension.NONE, true);
                default -> {
                    Node fm = law(d, "f_M", value(a), Dimension.NONE, true);
                    if (!items.containsKey("rho_s")) {
                        missing(d, "the internal density rho_s to turn the mass fraction f_M into a volume filling "
                                + "(f_V = f_M rho_ISM/rho_s, Eq. 10)");
                    } else if (fm != null && rhoS != null) {
                        abundance = div(mul(fm, plasma(PlasmaQuantity.RHO, a.span()), a.span()), rhoS, a.span());
                    }
                }
            }
        }
        // internal scattering → optical depth
        String internalKey = exactlyOne(d, items, INTERNAL, "internal scattering (nu_s, tau_s or dB_over_B)");
        Node tau = null;
        if (internalKey != null) {
            Decl.StructureItem t = items.get(internalKey);
            SourceSpan at = t.span();
            Node ell = new Node.Ref(new Symbol.Size(), at);
            switch (internalKey) {
                case "tau_s" -> tau = law(d, "tau_s", value(t), Dimension.NONE, true);
                case "nu_s" -> {
                    Node nu = law(d, "nu_s", value(t), Dimension.RATE, true);
                    tau = nu == null ? null : div(mul(nu, ell, at), resonance(ResonanceQuantity.V, at), at);   // L103
                }
                default -> {
                    Node db = law(d, "dB_over_B", value(t), Dimension.NONE, true);
                    // ν_s ~ (v/λ)|δB/B|² with λ ~ ℓ_S (L56, L214; digest §5.1 item 3), so τ_s = ν_s ℓ_S/v = |δB/B|²
                    tau = db == null ? null : mul(db, db, at);
                }
            }
        }
        Optional<Node> scaleHeight = items.containsKey("scale_height")
                ? Optional.ofNullable(law(d, "scale_height", value(items.get("scale_height")), Dimension.LENGTH, false))
                : Optional.empty();
        Optional<String> phase = phase(d, items.get("phase"));
        Optional<String> background = background(items.get("background"), lawBlocks);
        if (diagnostics.errorCount() > errors || dim.isEmpty() || phase.isEmpty() || sizeMin == null
                || sizeMax == null || longAxis == null || abundance == null || tau == null) {
            return Optional.empty();
        }
        Optional<Node> ratio = rhoS == null ? Optional.empty()
                : Optional.of(div(rhoS, plasma(PlasmaQuantity.RHO, d.name().span()), d.name().span()));
        constantRules(d, items, abundanceKey, filling, range, tau);
        return Optional.of(new Structures.Def(name, (int) dim.getAsDouble(), phase.get(), range, sizeMin, sizeMax,
                longAxis, filling, abundance, tau, ratio, scaleHeight, background, d.name().span(), d.span()));
    }

    private Map<String, Decl.StructureItem> items(Decl.Structure d) {
        Map<String, Decl.StructureItem> out = new LinkedHashMap<>();
        for (Decl.StructureItem item : d.items()) {
            String key = item.key().name();
            if (!KEYS.contains(key)) {
                diagnostics.report(Code.STRUCTURE_UNKNOWN_ITEM, item.key().span(), key, d.name().name(),
                        Suggestions.didYouMean(key, KEYS), String.join(", ", KEYS));
                continue;
            }
            Decl.StructureItem first = out.get(key);
            if (first != null) {
                diagnostics.report(Diagnostic.of(Code.DUPLICATE, item.key().span(), key)
                        .withNote(first.key().span(), "'" + key + "' was first given here"));
                continue;
            }
            if (item.isRange() && !key.equals("ell_S")) {
                diagnostics.report(Code.STRUCTURE_BAD_VALUE, item.span(), "only ell_S takes a range (ell_S in [lo, hi]); "
                        + "write " + key + " = value");
                continue;
            }
            out.put(key, item);
        }
        return out;
    }

    private static Expr value(Decl.StructureItem item) {
        return item.value().orElseThrow();
    }

    private void missing(Decl.Structure d, String what) {
        diagnostics.report(Code.STRUCTURE_MISSING, d.name().span(), d.name().name(), what);
    }

    private String exactlyOne(Decl.Structure d, Map<String, Decl.StructureItem> items, List<String> keys, String what) {
        List<String> given = keys.stream().filter(items::containsKey).toList();
        if (given.isEmpty()) {
            missing(d, "an " + what);
            return null;
        }
        if (given.size() > 1) {
            diagnostics.report(Code.STRUCTURE_CONFLICT, items.get(given.get(1)).key().span(), d.name().name(),
                    String.join(" and ", given), what);
            return null;
        }
        return given.get(0);
    }

    private OptionalDouble dimensionality(Decl.Structure d, Decl.StructureItem item) {
        if (item == null) {
            missing(d, "its dimensionality = 0 (point-like), 1 (filament) or 2 (sheet), butsky2024 L87");
            return OptionalDouble.empty();
        }
        Node n = law(d, "dimensionality", value(item), Dimension.NONE, false);
        if (n == null) {
            return OptionalDouble.empty();
        }
        OptionalDouble v = ConstantEvaluator.evaluate(n);
        if (v.isEmpty() || !(v.getAsDouble() == 0 || v.getAsDouble() == 1 || v.getAsDouble() == 2)) {
            diagnostics.report(Code.STRUCTURE_BAD_VALUE, value(item).span(), "dimensionality must be the constant 0 "
                    + "(point-like), 1 (filament) or 2 (sheet) (butsky2024 L87)");
            return OptionalDouble.empty();
        }
        return v;
    }

    /** A law of a structure item: its dimension, and no wave energy, CR state or wavevector; ell_S only where allowed. */
    private Node law(Decl.Structure d, String key, Expr e, Dimension expected, boolean size) {
        String where = key + " of structure " + d.name().name();
        Node n = typer.type(e, Typer.Scope.structure(where, size));
        if (n instanceof Node.Invalid) {
            return null;
        }
        if (n.isCondition() || !n.dim().equals(expected)) {
            diagnostics.report(Code.STRUCTURE_DIMENSION, e.span(), key, d.name().name(), expected, n.dim());
            return null;
        }
        if (Dependencies.of(n).stream().anyMatch(s -> s instanceof Symbol.Wave || s instanceof Symbol.Cr
                || s instanceof Symbol.WaveVector)) {
            diagnostics.report(Code.STRUCTURE_BAD_VALUE, e.span(), where + " may not depend on the wave energy e, the "
                    + "CR state or a wavevector (it may use ell_S, the rigidity, the phase, parameters and constants)");
            return null;
        }
        return n;
    }

    private Optional<String> phase(Decl.Structure d, Decl.StructureItem item) {
        if (item == null) {
            missing(d, "the background phase = P it sits in (its B sets r_g = R/B)");
            return Optional.empty();
        }
        if (!(value(item) instanceof Expr.Name p)) {
            diagnostics.report(Code.STRUCTURE_BAD_VALUE, value(item).span(), "phase takes the name of a phase");
            return Optional.empty();
        }
        if (!decls.phases.containsKey(p.name())) {
            diagnostics.report(Code.UNKNOWN_DECLARATION, p.span(), "phase", p.name(),
                    Suggestions.didYouMean(p.name(), decls.phases.keySet()));
            return Optional.empty();
        }
        if (!decls.phaseFields.getOrDefault(p.name(), Map.of()).containsKey("B")) {
            diagnostics.report(Code.STRUCTURE_MISSING, p.span(), d.name().name(), "a phase that defines B: "
                    + "structures scatter cosmic rays with l_S >= r_g = R/B (Eq. 3), and phase " + p.name()
                    + " has no B");
            return Optional.empty();
        }
        return Optional.of(p.name());
    }

    /** A background block: a phenomenological scattering block (nu, D_xx or kappa). */
    private Optional<String> background(Decl.StructureItem item, Map<String, Program.ScatteringDef> lawBlocks) {
        if (item == null) {
            return Optional.empty();
        }
        return backgroundName(value(item), lawBlocks);
    }

    private Optional<String> backgroundName(Expr e, Map<String, Program.ScatteringDef> lawBlocks) {
        if (!(e instanceof Expr.Name b)) {
            diagnostics.report(Code.STRUCTURE_BAD_VALUE, e.span(), "background takes the name of a scattering block");
            return Optional.empty();
        }
        if (!decls.scatterings.containsKey(b.name())) {
            diagnostics.report(Code.UNKNOWN_DECLARATION, b.span(), "scattering block", b.name(),
                    Suggestions.didYouMean(b.name(), decls.scatterings.keySet()));
            return Optional.empty();
        }
        Program.ScatteringDef def = lawBlocks.get(b.name());
        if (def == null && isStructureBlock(decls.scatterings.get(b.name()))
                || def != null && !def.phenomenological()) {
            diagnostics.report(Code.STRUCTURE_BAD_VALUE, b.span(), "the background '" + b.name() + "' must be a "
                    + "continuous scattering block with a phenomenological nu, D_xx or kappa (the inter-patch medium)");
            return Optional.empty();
        }
        return def == null ? Optional.empty() : Optional.of(b.name());
    }

    /** V2, V3, V5, V6 when their values are compile-time constants (one-size populations for f_V, f_M). */
    private void constantRules(Decl.Structure d, Map<String, Decl.StructureItem> items, String abundanceKey,
                               boolean filling, boolean range, Node tau) {
        String name = d.name().name();
        OptionalDouble t = ConstantEvaluator.evaluate(tau);
        Decl.StructureItem internal = INTERNAL.stream().map(items::get).filter(java.util.Objects::nonNull).findFirst()
                .orElseThrow();
        if (t.isPresent() && t.getAsDouble() < 1) {
            diagnostics.report(Code.STRUCTURE_V2, value(internal).span(), "structure " + name + ": tau_s = "
                    + fmt(t.getAsDouble()) + " < 1: " + org.crdl.runtime.structures.Rule.V2.meaning);
        }
        if (range || !filling) {
            return;
        }
        Decl.StructureItem a = items.get(abundanceKey);
        OptionalDouble f = ConstantEvaluator.evaluate(typer.type(value(a), Typer.Scope.structure("", true)));
        if (f.isEmpty()) {
            return;
        }
        if (abundanceKey.equals("f_V") && f.getAsDouble() >= 1) {
            diagnostics.report(Code.STRUCTURE_V5, value(a).span(), "structure " + name + ": f_V = " + fmt(f.getAsDouble())
                    + " >= 1: " + org.crdl.runtime.structures.Rule.V5.meaning);
        }
        if (abundanceKey.equals("f_M") && f.getAsDouble() >= 1) {
            diagnostics.report(Code.STRUCTURE_V6, value(a).span(), "structure " + name + ": f_M = " + fmt(f.getAsDouble())
                    + " >= 1: " + org.crdl.runtime.structures.Rule.V6.meaning);
        }
        if (abundanceKey.equals("f_V") && t.isPresent() && f.getAsDouble() * t.getAsDouble() >= 1) {
            diagnostics.report(Code.STRUCTURE_V3, value(a).span(), "structure " + name + ": tau_s f_V = "
                    + fmt(f.getAsDouble() * t.getAsDouble()) + " >= 1: " + org.crdl.runtime.structures.Rule.V3.meaning);
        }
    }

    // ---- scattering blocks of structures ----

    private Optional<Structures.Block> block(Decl.Scattering d, Map<String, Structures.Def> defs,
                                             Map<String, Program.ScatteringDef> lawBlocks) {
        long errors = diagnostics.errorCount();
        String name = d.name().name();
        List<String> structures = new ArrayList<>();
        Optional<String> background = Optional.empty();
        Weight weight = Weight.STEP;
        boolean trapping = true;
        double residence = DEFAULT_RESIDENCE_TIME;
        for (Decl.ScatteringItem item : d.items()) {
            if (item instanceof Decl.StructureList list) {
                for (Ident s : list.structures()) {
                    if (!decls.structures.containsKey(s.name())) {
                        diagnostics.report(Code.UNKNOWN_DECLARATION, s.span(), "structure", s.name(),
                                Suggestions.didYouMean(s.name(), decls.structures.keySet()));
                    } else if (structures.contains(s.name())) {
                        diagnostics.report(Code.DUPLICATE, s.span(), s.name());
                    } else {
                        structures.add(s.name());
                    }
                }
            } else if (item instanceof Decl.LawList list) {
                diagnostics.report(Code.STRUCTURE_BLOCK, list.span(), name, "names structures, so it cannot also "
                        + "solve a wave balance; put the continuous part in its own block and name it as background");
            } else {
                Decl.Setting s = (Decl.Setting) item;
                switch (s.key().name()) {
                    case "background" -> background = backgroundName(s.value(), lawBlocks);
                    case "weight" -> {
                        if (s.value() instanceof Expr.Name w && (w.name().equals("step") || w.name().equals("exponential"))) {
                            weight = Weight.byKeyword(w.name());
                        } else {
                            diagnostics.report(Code.STRUCTURE_BAD_VALUE, s.value().span(), "weight must be 'step' "
                                    + "(w = 1 for tau_s >= 1, the paper's criterion L103) or 'exponential' (w = 1 - e^-tau_s)");
                        }
                    }
                    case "trapping_delay" -> {
                        Optional<Boolean> on = onOff(s.value());
                        if (on.isEmpty()) {
                            diagnostics.report(Code.STRUCTURE_BAD_VALUE, s.value().span(),
                                    "trapping_delay must be on (residence time x (1 + tau_s f_V)) or off");
                        } else {
                            trapping = on.get();
                        }
                    }
                    case "residence_time" -> {
                        Node n = typer.type(s.value(), Typer.Scope.global("residence_time of scattering " + name));
                        OptionalDouble v = n instanceof Node.Invalid ? OptionalDouble.empty() : ConstantEvaluator.evaluate(n);
                        if (n instanceof Node.Invalid) {
                            break;
                        } else if (!n.dim().equals(Dimension.TIME) || v.isEmpty() || !(v.getAsDouble() > 0)) {
                            diagnostics.report(Code.STRUCTURE_BAD_VALUE, s.value().span(), "residence_time must be a "
                                    + "positive constant time [s] (found [" + n.dim() + "])");
                        } else {
                            residence = v.getAsDouble();
                        }
                    }
                    default -> diagnostics.report(Code.STRUCTURE_BLOCK, s.key().span(), name, "names structures; its "
                            + "settings are " + String.join(", ", BLOCK_SETTINGS) + ", not '" + s.key().name() + "'"
                            + Suggestions.didYouMean(s.key().name(), BLOCK_SETTINGS));
                }
            }
        }
        if (background.isEmpty()) {
            background = structureBackground(d, structures, defs);
        }
        if (diagnostics.errorCount() > errors || structures.stream().anyMatch(s -> !defs.containsKey(s))) {
            return Optional.empty();
        }
        return Optional.of(new Structures.Block(name, structures, background, weight, trapping, residence,
                d.name().span(), d.span()));
    }

    /** The background named by the block's structures: all that name one must agree. */
    private Optional<String> structureBackground(Decl.Scattering d, List<String> structures,
                                                 Map<String, Structures.Def> defs) {
        List<String> named = structures.stream().map(defs::get).filter(java.util.Objects::nonNull)
                .map(Structures.Def::background).flatMap(Optional::stream).distinct().toList();
        if (named.size() > 1) {
            diagnostics.report(Code.STRUCTURE_BLOCK, d.name().span(), d.name().name(), "names structures with different "
                    + "backgrounds (" + String.join(", ", named) + "); give one with background = S");
            return Optional.empty();
        }
        return named.stream().findFirst();
    }

    private static Optional<Boolean> onOff(Expr e) {
        if (e instanceof Expr.Name n) {
            return switch (n.name()) {
                case "on", "true" -> Optional.of(true);
                case "off", "false" -> Optional.of(false);
                default -> Optional.empty();
            };
        }
        return Optional.empty();
    }

    // ---- IR helpers ----

    private static Node mul(Node a, Node b, SourceSpan at) {
        return new Node.Mul(a, b, at);
    }

    private static Node div(Node a, Node b, SourceSpan at) {
        return new Node.Div(a, b, at);
    }

    private static Node plasma(PlasmaQuantity q, SourceSpan at) {
        return new Node.Ref(new Symbol.Plasma(q), at);
    }

    private static Node resonance(ResonanceQuantity q, SourceSpan at) {
        return new Node.Ref(new Symbol.Resonance(q), at);
    }

    private static String fmt(double x) {
        return new java.math.BigDecimal(String.format(java.util.Locale.ROOT, "%.4g", x)).stripTrailingZeros().toPlainString();
    }
}
