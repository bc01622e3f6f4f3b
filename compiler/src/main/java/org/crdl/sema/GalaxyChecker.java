package org.crdl.sema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.crdl.diag.Code;
import org.crdl.diag.Diagnostics;
import org.crdl.diag.SourceSpan;
import org.crdl.diag.Suggestions;
import org.crdl.ir.Dependencies;
import org.crdl.ir.Galaxy;
import org.crdl.ir.Node;
import org.crdl.ir.Symbol;
import org.crdl.runtime.particles.Species;
import org.crdl.runtime.units.Dimension;
import org.crdl.runtime.units.Rational;
import org.crdl.syntax.Decl;
import org.crdl.syntax.Expr;
import org.crdl.syntax.Ident;

/**
 * Gives {@code galaxy} and {@code observe} blocks their meaning (the grammar parses them
 * generically). Every setting is typed and dimension-checked like any expression; settings of
 * the geometry and sources must be constants or parameters, laws such as an escape time may
 * also depend on the rigidity. Unknown items get a suggestion; missing required ones are named.
 */
final class GalaxyChecker {
    static final Dimension DIFFUSIVITY = Dimension.LENGTH.pow(Rational.of(2)).over(Dimension.TIME);
    static final Dimension GRAMMAGE = Dimension.MASS.over(Dimension.AREA);

    /** Element symbols by charge number, for observables written as elements (B, C, Be …). */
    static final String[] ELEMENTS = {"n", "H", "He", "Li", "Be", "B", "C", "N", "O", "F", "Ne", "Na", "Mg", "Al", "Si",
        "P", "S", "Cl", "Ar", "K", "Ca", "Sc", "Ti", "V", "Cr", "Mn", "Fe", "Co", "Ni"};

    /** The species a galaxy transports when it does not list them. */
    static final List<String> DEFAULT_SPECIES = List.of("p", "He", "C", "N", "O", "B10", "B11", "Be7", "Be9", "Be10",
            "Li6", "Li7");

    private final Declarations decls;
    private final Typer typer;
    private final Diagnostics diagnostics;
    private final Set<String> scatterings;
    private final Set<String> phases;
    private final Set<String> environments;

    GalaxyChecker(Declarations decls, Typer typer, Diagnostics diagnostics, Set<String> scatterings, Set<String> phases) {
        this.decls = decls;
        this.typer = typer;
        this.diagnostics = diagnostics;
        this.scatterings = scatterings;
        this.phases = phases;
        this.environments = decls.environments.keySet();
    }

    /** What a setting's value may depend on. */
    private enum Allowed {
        /** numbers, units, constants, lets and parameters */
        CONSTANT,
        /** also the species kinematics at the rigidity (R, beta, v, gamma, p, E_kin …), not the field */
        RIGIDITY
    }

    // ---------------------------------------------------------------- galaxies

    Map<String, Galaxy.Def> galaxies() {
        Map<String, Galaxy.Def> out = new LinkedHashMap<>();
        decls.galaxies.forEach((name, d) -> galaxy(d).ifPresent(g -> out.put(name, g)));
        return out;
    }

    /**
     * The items of a galaxy with those of the galaxy it extends (recursively) that it does not
     * set itself; empty after reporting an unknown parent or a cycle.
     */
    private Optional<Decl.Block> inherited(Decl.Galaxy d, List<String> chain) {
        if (d.parent().isEmpty()) {
            return Optional.of(d.body());
        }
        Ident p = d.parent().get();
        Decl.Galaxy parent = decls.galaxies.get(p.name());
        if (parent == null) {
            diagnostics.report(Code.UNKNOWN_DECLARATION, p.span(), "galaxy", p.name(),
                    Suggestions.didYouMean(p.name(), decls.galaxies.keySet()));
            return Optional.empty();
        }
        if (chain.contains(p.name())) {
            List<String> cycle = new ArrayList<>(chain);
            cycle.add(p.name());
            diagnostics.report(Code.RECURSIVE, p.span(), d.name().name(), String.join(" extends ", cycle));
            return Optional.empty();
        }
        List<String> longer = new ArrayList<>(chain);
        longer.add(p.name());
        return inherited(parent, longer).map(base -> {
            java.util.Set<String> own = new java.util.HashSet<>();
            d.body().items().forEach(i -> own.add(i.key().name()));
            List<Decl.Item> all = new ArrayList<>();
            base.items().stream().filter(i -> !own.contains(i.key().name())).forEach(all::add);
            all.addAll(d.body().items());
            return new Decl.Block(d.body().span(), all);
        });
    }

    private Optional<Galaxy.Def> galaxy(Decl.Galaxy d) {
        int errors = count();
        Optional<Decl.Block> body = inherited(d, new ArrayList<>(List.of(d.name().name())));
        if (body.isEmpty()) {
            return Optional.empty();
        }
        Items items = new Items("galaxy " + d.name().name(), body.get(), List.of("transport", "scattering", "phase",
                "source", "species", "modulation", "energies", "cross_sections", "channel", "radiation"));
        Galaxy.Transport transport = items.block("transport").map(this::transport).orElse(null);
        if (transport == null && items.has("transport") == false) {
            missing(d.name().span(), "galaxy " + d.name().name(), "a transport block (transport flat_halo { … }, "
                    + "transport leaky_box { … } or transport layers { … })");
        }
        Optional<String> scattering = items.item("scattering").flatMap(x -> reference(x, scatterings,
                "scattering block"));
        Optional<String> phase = items.item("phase").flatMap(x -> reference(x, phases, "phase"));
        List<Galaxy.Source> sources = new ArrayList<>();
        for (Decl.Directive s : items.blocks("source")) {
            source(s).ifPresent(sources::add);
        }
        if (sources.isEmpty()) {
            missing(d.name().span(), "galaxy " + d.name().name(), "a source block (source supernovae { rate = … energy = … })");
        }
        List<String> species = items.item("species").map(this::speciesList).orElse(DEFAULT_SPECIES);
        Optional<Node> phi = items.item("modulation").flatMap(this::modulation);
        Galaxy.Energies energies = items.block("energies").map(this::energies).orElseGet(() -> defaultEnergies(d.span()));
        List<String> xs = items.item("cross_sections").map(this::crossSections).orElse(List.of());
        List<Galaxy.Channel> channels = new ArrayList<>();
        for (Decl.Directive c : items.blocks("channel")) {
            channel(c, species).ifPresent(channels::add);
        }
        if (transport instanceof Galaxy.FlatHalo) {
            if (scattering.isEmpty()) {
                missing(d.name().span(), "galaxy " + d.name().name(), "a scattering block that sets D_xx (scattering S)");
            }
        }
        Optional<Galaxy.Radiation> radiation = items.block("radiation").map(this::radiation);
        if ((transport instanceof Galaxy.Layers || transport instanceof Galaxy.Evolve) && items.item("species").isPresent()) {
            for (String s : species) {
                if (!Species.byName(s).map(Species::isNucleus).orElse(true)) {
                    diagnostics.report(Code.GALAXY_BAD_VALUE, items.item("species").get().span(), "species " + s
                            + " (no energy losses or secondary production in transport "
                            + (transport instanceof Galaxy.Layers ? "layers" : "evolve")
                            + "): electrons, positrons and antiprotons need transport flat_halo or leaky_box");
                    break;
                }
            }
        }
        if (count() > errors || transport == null) {
            return Optional.empty();
        }
        return Optional.of(new Galaxy.Def(d.name().name(), transport, scattering, phase, sources, species, phi, energies,
                xs, channels, d.span(), radiation));
    }

    /** {@code radiation { B = …  cmb = on  isrf = solar|none  greybody NAME { u = …  T = … } }} (Galaxy.Radiation) */
    private Galaxy.Radiation radiation(Decl.Directive dir) {
        Items items = new Items("radiation", dir.block().orElse(new Decl.Block(dir.span(), List.of())),
                List.of("B", "cmb", "isrf", "greybody"));
        Optional<Node> b = items.optional("B", Dimension.MAGNETIC_FIELD, Allowed.CONSTANT);
        boolean cmb = items.flag("cmb", true);
        boolean solar = true;
        Optional<Decl.Item> isrf = items.item("isrf");
        if (isrf.isPresent()) {
            Optional<String> v = singleName(isrf.get());
            if (v.isPresent() && v.get().equals("none")) {
                solar = false;
            } else if (v.isPresent() && !v.get().equals("solar")) {
                diagnostics.report(Code.GALAXY_BAD_VALUE, isrf.get().span(), "isrf is solar (Draine 2011 dust and starlight) "
                        + "or none, not " + v.get());
            }
        }
        List<Galaxy.GreyBody> bodies = new ArrayList<>();
        for (Decl.Directive g : items.blocks("greybody")) {
            if (g.args().size() != 1 || !(g.args().get(0) instanceof Expr.Name n) || g.block().isEmpty()) {
                diagnostics.report(Code.GALAXY_BAD_VALUE, g.span(), "a grey body is written greybody dust { u = 0.31 [eV cm^-3]"
                        + "  T = 20 [K] }");
                continue;
            }
            Items gi = new Items("greybody " + n.name(), g.block().get(), List.of("u", "T"));
            Node u = gi.required("u", Dimension.ENERGY_DENSITY, Allowed.CONSTANT, g.span(), "its energy density u = 0.5 [eV cm^-3]");
            Node t = gi.required("T", Dimension.TEMPERATURE, Allowed.CONSTANT, g.span(), "its temperature T = 4000 [K]");
            if (u != null && t != null) {
                bodies.add(new Galaxy.GreyBody(n.name(), u, t));
            }
        }
        return new Galaxy.Radiation(b, cmb, solar, bodies);
    }

    /**
     * Whether a galaxy can transport the species: the built-in nuclide table (nuclei, electron, positron, pbar) or an
     * isotope of the full network (Na23, Z ≥ 2). {@code e} (the resonance species of {@code crdl rates}) and {@code d}
     * are not transported.
     */
    static boolean transportable(String name) {
        return org.crdl.runtime.network.NuclideTable.builtIn().find(name).isPresent()
                || Species.byName(name).filter(s -> s.charge() >= 2 && s.isNucleus()).isPresent();
    }

    /** names a diagnostic suggests for an unknown species */
    static List<String> transportableNames() {
        List<String> out = new ArrayList<>();
        org.crdl.runtime.network.NuclideTable.builtIn().all().forEach(n -> out.add(n.name()));
        return out;
    }

    private int count() {
        return (int) diagnostics.errorCount();
    }

    private void missing(SourceSpan at, String what, String needs) {
        diagnostics.report(Code.GALAXY_MISSING_ITEM, at, what, needs);
    }

    /** A reference to a declaration, {@code scattering empirical} or {@code phase = warm_ism}; unknown names are reported. */
    private Optional<String> reference(Decl.Item item, Set<String> known, String kind) {
        Optional<String> name = singleName(item);
        if (name.isPresent() && !known.contains(name.get())) {
            diagnostics.report(Code.UNKNOWN_DECLARATION, BlockItems.singleValue(item).orElseThrow().span(), kind,
                    name.get(), Suggestions.didYouMean(name.get(), known));
            return Optional.empty();
        }
        return name;
    }

    /** The one name a directive like {@code scattering empirical} or a setting like {@code mode = diffusive} carries. */
    private Optional<String> singleName(Decl.Item item) {
        Optional<Expr> value = BlockItems.singleValue(item);
        if (value.isPresent() && value.get() instanceof Expr.Name n) {
            return Optional.of(n.name());
        }
        diagnostics.report(Code.GALAXY_BAD_VALUE, item.span(), item.key().name() + " takes one name, as in "
                + item.key().name() + " " + example(item.key().name()));
        return Optional.empty();
    }

    private static String example(String key) {
        return switch (key) {
            case "scattering" -> "empirical";
            case "phase" -> "warm_ism";
            case "mode" -> "diffusive";
            default -> "name";
        };
    }

    // ---------------------------------------------------------------- transport

    private Galaxy.Transport transport(Decl.Directive dir) {
        Optional<String> kind = dir.args().size() == 1 && dir.args().get(0) instanceof Expr.Name n
                ? Optional.of(n.name()) : Optional.empty();
        List<String> kinds = List.of("flat_halo", "leaky_box", "layers", "evolve");
        if (kind.isEmpty() || !kinds.contains(kind.get())) {
            SourceSpan at = dir.args().isEmpty() ? dir.key().span() : dir.args().get(0).span();
            diagnostics.report(Code.GALAXY_UNKNOWN_ITEM, at, "transport", kind.orElse(dir.args().isEmpty() ? "" :
                    dir.args().get(0).span().text()), kind.map(k -> Suggestions.didYouMean(k, kinds)).orElse(""),
                    "the transport kinds are flat_halo, leaky_box, layers and evolve");
            return null;
        }
        Decl.Block body = dir.block().orElse(new Decl.Block(dir.span(), List.of()));
        return switch (kind.get()) {
            case "flat_halo" -> flatHalo(body, dir.span());
            case "leaky_box" -> leakyBox(body, dir.span());
            case "evolve" -> evolve(body, dir.span());
            default -> layers(body, dir.span());
        };
    }

    private static final List<String> DISK_KEYS = List.of("h", "n_disk", "helium", "ionized");

    private Galaxy.Disk disk(Items items, String where, SourceSpan at, String densityKey) {
        return new Galaxy.Disk(
                items.required("h", Dimension.LENGTH, Allowed.CONSTANT, at, "the disk half-thickness h = 100 [pc]"),
                items.required(densityKey, Dimension.NUMBER_DENSITY, Allowed.CONSTANT, at,
                        "the disk gas density " + densityKey + " = 1 [cm^-3]"),
                items.optional("helium", Dimension.NONE, Allowed.CONSTANT).orElse(constant(0.1, at)),
                items.optional("ionized", Dimension.NONE, Allowed.CONSTANT).orElse(constant(0.0, at)));
    }

    private Galaxy.FlatHalo flatHalo(Decl.Block body, SourceSpan at) {
        List<String> keys = new ArrayList<>(List.of("H", "v_A", "wind", "losses", "decay", "reacceleration", "dpp",
                "delta", "R_max"));
        keys.addAll(DISK_KEYS);
        Items items = new Items("transport flat_halo", body, keys);
        Node halfHeight = items.required("H", Dimension.LENGTH, Allowed.CONSTANT, at, "the halo half-height H = 4 [kpc]");
        Galaxy.Disk disk = disk(items, "flat_halo", at, "n_disk");
        Galaxy.Reacceleration reacc = reacceleration(items, at, "transport flat_halo");
        return new Galaxy.FlatHalo(halfHeight, disk, reacc,
                items.optional("wind", Dimension.VELOCITY, Allowed.CONSTANT).orElse(constant(0.0, Dimension.VELOCITY, at)),
                items.flag("losses", true), items.flag("decay", true),
                items.optional("R_max", Dimension.LENGTH, Allowed.CONSTANT), at);
    }

    /** {@code v_A}, {@code reacceleration = halo | disk}, {@code dpp = isotropic | galprop | dragon2}, {@code delta} */
    private Galaxy.Reacceleration reacceleration(Items items, SourceSpan at, String where) {
        Galaxy.ReaccelerationRegion region = items.choice("reacceleration", Galaxy.ReaccelerationRegion.HALO,
                Galaxy.ReaccelerationRegion.values());
        Galaxy.DppConvention dpp = items.choice("dpp", Galaxy.DppConvention.ISOTROPIC, Galaxy.DppConvention.values());
        Optional<Node> delta = items.optional("delta", Dimension.NONE, Allowed.CONSTANT);
        if (dpp != Galaxy.DppConvention.ISOTROPIC && delta.isEmpty() && !items.has("delta")) {
            missing(at, where, "delta = 0.45 (the D_xx slope the " + dpp.name().toLowerCase()
                    + " D_pp prefactor needs)");
        }
        return new Galaxy.Reacceleration(
                items.optional("v_A", Dimension.VELOCITY, Allowed.CONSTANT).orElse(constant(0.0, Dimension.VELOCITY, at)),
                region, dpp, delta);
    }

    private Galaxy.LeakyBox leakyBox(Decl.Block body, SourceSpan at) {
        List<String> keys = new ArrayList<>(List.of("escape_time", "grammage", "losses", "decay"));
        keys.addAll(DISK_KEYS);
        Items items = new Items("transport leaky_box", body, keys);
        Optional<Node> escape = items.optional("escape_time", Dimension.TIME, Allowed.RIGIDITY);
        Optional<Node> grammage = items.optional("grammage", GRAMMAGE, Allowed.RIGIDITY);
        if (escape.isPresent() && grammage.isPresent()) {
            diagnostics.report(Code.GALAXY_BAD_VALUE, at, "a leaky box takes an escape_time or a grammage law, not both");
        } else if (escape.isEmpty() && grammage.isEmpty() && !items.has("escape_time") && !items.has("grammage")) {
            missing(at, "transport leaky_box", "an escape_time = 20 [Myr] * (R / 1 [GV])^-0.5 or a grammage law");
        }
        return new Galaxy.LeakyBox(escape, grammage, disk(items, "leaky_box", at, "n_disk"), items.flag("losses", true),
                items.flag("decay", true), at);
    }

    private Galaxy.Layers layers(Decl.Block body, SourceSpan at) {
        Items items = new Items("transport layers", body, List.of("disk", "layer", "losses", "fragments", "v_A",
                "reacceleration", "dpp", "delta", "destruction"));
        Galaxy.Disk disk = items.block("disk").map(d -> {
            Decl.Block b = d.block().orElse(new Decl.Block(d.span(), List.of()));
            return disk(new Items("disk", b, List.of("h", "n", "helium", "ionized")), "disk", d.span(), "n");
        }).orElse(null);
        if (disk == null) {
            missing(at, "transport layers", "a disk block: disk { h = 200 [pc]  n = 1.25 [cm^-3] }");
        }
        List<Galaxy.Layer> layers = new ArrayList<>();
        for (Decl.Directive item : items.blocks("layer")) {
            layer(item).ifPresent(layers::add);
        }
        if (layers.isEmpty()) {
            missing(at, "transport layers", "at least one layer NAME { thickness = …  mode = diffusive|self_confined }");
        }
        boolean equalRigidity = items.choice("fragments", Fragments.PER_NUCLEON, Fragments.values())
                == Fragments.EQUAL_RIGIDITY;
        Galaxy.Reacceleration reacc = reacceleration(items, at, "transport layers");
        boolean selfConfined = layers.stream().anyMatch(l -> l.mode() == Galaxy.LayerMode.SELF_CONFINED);
        if (selfConfined && (items.has("v_A") || layers.stream().anyMatch(l -> l.alfvenSpeed().isPresent()
                || l.wind().isPresent()))) {
            diagnostics.report(Code.GALAXY_BAD_VALUE, items.item("v_A").map(Decl.Item::span).orElse(at), "reacceleration (v_A)"
                    + " and layer winds are not available with a self-confined layer: its protons set the diffusivity"
                    + " rigidity by rigidity (kempski2022 L70)");
        }
        return new Galaxy.Layers(disk, layers, items.flag("losses", true), equalRigidity, reacc,
                items.flag("destruction", false), at);
    }

    /** {@code transport evolve { … }}: time-dependent self-consistent transport (see {@link Galaxy.Evolve}). */
    private Galaxy.Evolve evolve(Decl.Block body, SourceSpan at) {
        Items items = new Items("transport evolve", body, List.of("H", "disk", "halo", "rigidity", "cells", "start",
                "start_spectrum", "t_max", "tolerance", "waves", "streaming", "field", "flux_limit"));
        Node halfHeight = items.required("H", Dimension.LENGTH, Allowed.CONSTANT, at, "the halo half-height H = 8 [kpc]");
        Galaxy.Disk disk = null;
        Galaxy.EvolveRegion diskRegion = null;
        Optional<Decl.Directive> d = items.block("disk");
        if (d.isPresent()) {
            Decl.Block b = d.get().block().orElse(new Decl.Block(d.get().span(), List.of()));
            Items di = new Items("disk", b, List.of("h", "n", "helium", "ionized", "phase", "scattering", "streaming"));
            disk = disk(di, "disk", d.get().span(), "n");
            diskRegion = evolveRegion("disk", di, d.get().span());
        } else {
            missing(at, "transport evolve", "a disk block: disk { h = 100 [pc]  n = 1 [cm^-3]  phase = P  scattering = S }");
        }
        Galaxy.EvolveRegion halo = null;
        Optional<Decl.Directive> hb = items.block("halo");
        if (hb.isPresent()) {
            Decl.Block b = hb.get().block().orElse(new Decl.Block(hb.get().span(), List.of()));
            halo = evolveRegion("halo", new Items("halo", b, List.of("phase", "scattering", "streaming")), hb.get().span());
        } else {
            missing(at, "transport evolve", "a halo block: halo { phase = P  scattering = S }");
        }
        double gv = org.crdl.runtime.units.Constants.GV;
        Node rMin = constant(0.1 * gv, Dimension.POTENTIAL, at);
        Node rMax = constant(1e4 * gv, Dimension.POTENTIAL, at);
        Node points = constant(40, at);
        Optional<Decl.Directive> rb = items.block("rigidity");
        if (rb.isPresent()) {
            Decl.Block b = rb.get().block().orElse(new Decl.Block(rb.get().span(), List.of()));
            Items ri = new Items("rigidity", b, List.of("min", "max", "points"));
            rMin = ri.optional("min", Dimension.POTENTIAL, Allowed.CONSTANT).orElse(rMin);
            rMax = ri.optional("max", Dimension.POTENTIAL, Allowed.CONSTANT).orElse(rMax);
            points = ri.optional("points", Dimension.NONE, Allowed.CONSTANT).orElse(points);
        }
        Node cells = items.optional("cells", Dimension.NONE, Allowed.CONSTANT).orElse(constant(64, at));
        String start = items.item("start").flatMap(this::singleName).orElse("normal");
        if (!List.of("normal", "low", "high", "user").contains(start)) {
            diagnostics.report(Code.GALAXY_BAD_VALUE, items.item("start").get().span(),
                    "start is normal, low, high or user, not " + start);
        }
        Optional<Node> spectrum = items.optional("start_spectrum", Dimension.ENERGY_DENSITY, Allowed.RIGIDITY);
        if (start.equals("user") && !items.has("start_spectrum")) {
            missing(items.item("start").get().span(), "start = user",
                    "start_spectrum = 0.6 [eV cm^-3] * (R / 1 [GV])^(-0.7) (e'_cr at the mid-plane)");
        }
        Node tMax = items.optional("t_max", Dimension.TIME, Allowed.CONSTANT)
                .orElse(constant(500 * org.crdl.runtime.units.Constants.MYR, Dimension.TIME, at));
        Node tolerance = items.optional("tolerance", Dimension.NONE, Allowed.CONSTANT).orElse(constant(1e-4, at));
        boolean ode = choice(items, "waves", List.of("balance", "ode"), "balance").equals("ode");
        boolean tangled = choice(items, "field", List.of("tangled", "vertical"), "tangled").equals("tangled");
        return new Galaxy.Evolve(halfHeight, disk, diskRegion, halo, rMin, rMax, points, cells, start, spectrum, tMax,
                tolerance, ode, items.flag("streaming", false), tangled, items.flag("flux_limit", true), at);
    }

    private String choice(Items items, String key, List<String> options, String fallback) {
        Optional<Decl.Item> i = items.item(key);
        if (i.isEmpty()) {
            return fallback;
        }
        Optional<String> v = singleName(i.get());
        if (v.isPresent() && !options.contains(v.get())) {
            diagnostics.report(Code.GALAXY_BAD_VALUE, i.get().span(), key + " is " + String.join(" or ", options)
                    + ", not " + v.get());
            return fallback;
        }
        return v.orElse(fallback);
    }

    private Galaxy.EvolveRegion evolveRegion(String name, Items items, SourceSpan at) {
        Optional<String> phase = items.item("phase").flatMap(x -> reference(x, phases, "phase"));
        Optional<String> scattering = items.item("scattering").flatMap(x -> reference(x, scatterings,
                "scattering block"));
        if (!items.has("phase")) {
            missing(at, "evolve region " + name, "phase = P (its fields set v_A, e_B and the laws' inputs)");
        }
        if (!items.has("scattering")) {
            missing(at, "evolve region " + name, "scattering = S (bound with the evolved CR state at every step)");
        }
        Optional<Boolean> streaming = items.has("streaming") ? Optional.of(items.flag("streaming", false)) : Optional.empty();
        return new Galaxy.EvolveRegion(name, phase.orElse(""), scattering.orElse(""), streaming);
    }

    private Optional<Galaxy.Layer> layer(Decl.Directive dir) {
        if (dir.args().size() != 1 || !(dir.args().get(0) instanceof Expr.Name name)) {
            diagnostics.report(Code.GALAXY_BAD_VALUE, dir.span(), "a layer needs a name: layer warm { … }");
            return Optional.empty();
        }
        Decl.Block body = dir.block().orElse(new Decl.Block(dir.span(), List.of()));
        Items items = new Items("layer " + name.name(), body, List.of("thickness", "mode", "phase", "scattering", "kappa",
                "turbulence", "wind", "v_A"));
        Node thickness = items.required("thickness", Dimension.LENGTH, Allowed.CONSTANT, dir.span(),
                "its thickness = 500 [pc]");
        Galaxy.LayerMode mode = Galaxy.LayerMode.DIFFUSIVE;
        Optional<Decl.Item> m = items.item("mode");
        if (m.isPresent()) {
            Optional<String> v = singleName(m.get());
            if (v.isPresent() && v.get().equals("self_confined")) {
                mode = Galaxy.LayerMode.SELF_CONFINED;
            } else if (v.isPresent() && !v.get().equals("diffusive")) {
                diagnostics.report(Code.GALAXY_BAD_VALUE, m.get().span(), "mode is diffusive or self_confined, not "
                        + v.get());
            }
        }
        Optional<String> phase = items.item("phase").flatMap(x -> reference(x, phases, "phase"));
        Optional<String> scattering = items.item("scattering").flatMap(x -> reference(x, scatterings,
                "scattering block"));
        Optional<Node> kappa = items.optional("kappa", DIFFUSIVITY, Allowed.RIGIDITY);
        Optional<String> turbulence = items.item("turbulence").flatMap(x -> reference(x, environments,
                "environment"));
        int given = (items.has("scattering") ? 1 : 0) + (items.has("kappa") ? 1 : 0) + (items.has("turbulence") ? 1 : 0);
        if (mode == Galaxy.LayerMode.DIFFUSIVE && given == 0) {
            missing(dir.span(), "diffusive layer " + name.name(),
                    "kappa = … [cm^2 s^-1], scattering = S or turbulence = ENVIRONMENT");
        } else if (given > 1) {
            diagnostics.report(Code.GALAXY_BAD_VALUE, dir.span(), "layer " + name.name()
                    + " takes one of kappa, scattering and turbulence");
        }
        if (mode == Galaxy.LayerMode.SELF_CONFINED && !items.has("phase")) {
            missing(dir.span(), "self-confined layer " + name.name(), "phase = P (its n, T and B set v_A and the NLL rate)");
        }
        Optional<Node> wind = items.optional("wind", Dimension.VELOCITY, Allowed.CONSTANT);
        if (mode == Galaxy.LayerMode.SELF_CONFINED && items.has("wind")) {
            diagnostics.report(Code.GALAXY_BAD_VALUE, items.item("wind").get().span(), "a self-confined layer streams at"
                    + " its own Alfvén speed; wind is a setting of diffusive layers");
        }
        Optional<Node> alfven = items.optional("v_A", Dimension.VELOCITY, Allowed.CONSTANT);
        if (mode == Galaxy.LayerMode.SELF_CONFINED && items.has("v_A")) {
            diagnostics.report(Code.GALAXY_BAD_VALUE, items.item("v_A").get().span(), "a self-confined layer streams at"
                    + " its phase's Alfvén speed; v_A (reacceleration) is a setting of diffusive layers");
        }
        return Optional.of(new Galaxy.Layer(name.name(), thickness, mode, phase, scattering, kappa, turbulence, wind,
                alfven, dir.span()));
    }

    // ---------------------------------------------------------------- sources

    private Optional<Galaxy.Source> source(Decl.Directive dir) {
        String name = dir.args().size() == 1 && dir.args().get(0) instanceof Expr.Name n ? n.name() : "source";
        Decl.Block body = dir.block().orElse(new Decl.Block(dir.span(), List.of()));
        Items items = new Items("source " + name, body, List.of("rate", "energy", "spectrum", "slope", "variable",
                "break", "disk_radius", "abundances", "spectrum_for"));
        Node rate = items.required("rate", Dimension.RATE, Allowed.CONSTANT, dir.span(), "an event rate = 1 / (100 [yr])");
        Node energy = items.required("energy", Dimension.ENERGY, Allowed.CONSTANT, dir.span(),
                "the CR energy per event, energy = 1e50 [erg]");
        Galaxy.SpectrumVariable variable = Galaxy.SpectrumVariable.RIGIDITY;
        Node slope = null;
        Optional<Decl.Item> spectrum = items.item("spectrum");
        if (spectrum.isPresent()) {
            Expr e = BlockItems.singleValue(spectrum.get()).orElse(null);
            if (e == null) {
                diagnostics.report(Code.GALAXY_BAD_VALUE, spectrum.get().span(), "spectrum is written spectrum = R^(-4.3)");
            } else if (e instanceof Expr.Binary b && b.op() == Expr.BinaryOp.POW && b.left() instanceof Expr.Name base
                    && (base.name().equals("R") || base.name().equals("p"))) {
                variable = base.name().equals("R") ? Galaxy.SpectrumVariable.RIGIDITY
                        : Galaxy.SpectrumVariable.MOMENTUM_PER_NUCLEON;
                Node exponent = value(b.right(), Dimension.NONE, Allowed.CONSTANT, "the exponent of spectrum");
                slope = exponent == null ? null : new Node.Neg(exponent, exponent.span());
            } else {
                diagnostics.report(Code.GALAXY_BAD_VALUE, e.span(), "spectrum is a power law in rigidity or momentum "
                        + "per nucleon, R^(-4.3) or p^(-4.3) (the phase-space slope; add break items for breaks)");
            }
        }
        Optional<Node> explicitSlope = items.optional("slope", Dimension.NONE, Allowed.CONSTANT);
        if (explicitSlope.isPresent()) {
            slope = explicitSlope.get();
        }
        if (slope == null && spectrum.isEmpty()) {
            missing(dir.span(), "source " + name, "a spectrum = R^(-4.3) (or slope = 4.3)");
        }
        Optional<Decl.Item> var = items.item("variable");
        if (var.isPresent()) {
            Optional<String> v = singleName(var.get());
            if (v.isPresent() && v.get().equals("momentum_per_nucleon")) {
                variable = Galaxy.SpectrumVariable.MOMENTUM_PER_NUCLEON;
            } else if (v.isPresent() && !v.get().equals("rigidity")) {
                diagnostics.report(Code.GALAXY_BAD_VALUE, var.get().span(),
                        "variable is rigidity or momentum_per_nucleon, not " + v.get());
            }
        }
        List<Galaxy.Break> breaks = breaks(items, variable);
        Map<String, Galaxy.SpeciesSpectrum> spectra = new LinkedHashMap<>();
        for (Decl.Directive sd : items.blocks("spectrum_for")) {
            if (sd.args().size() != 1 || !(sd.args().get(0) instanceof Expr.Name sp)) {
                diagnostics.report(Code.GALAXY_BAD_VALUE, sd.span(), "a species spectrum is written spectrum_for p { slope = 4.4"
                        + "  break 300 [GV] 4.2 }");
                continue;
            }
            if (!transportable(sp.name())) {
                diagnostics.report(Code.GALAXY_UNKNOWN_SPECIES, sp.span(), sp.name(),
                        Suggestions.didYouMean(sp.name(), transportableNames()));
                continue;
            }
            Items inner = new Items("spectrum_for " + sp.name(), sd.block().orElse(new Decl.Block(sd.span(), List.of())),
                    List.of("slope", "break", "energy_fraction"));
            Node s1 = inner.required("slope", Dimension.NONE, Allowed.CONSTANT, sd.span(), "its phase-space slope = 4.4");
            List<Galaxy.Break> b1 = breaks(inner, variable);
            Optional<Node> fraction = inner.optional("energy_fraction", Dimension.NONE, Allowed.CONSTANT);
            if (s1 != null) {
                spectra.put(sp.name(), new Galaxy.SpeciesSpectrum(s1, b1, fraction));
            }
        }
        Node radius = items.optional("disk_radius", Dimension.LENGTH, Allowed.CONSTANT)
                .orElse(constant(10 * org.crdl.runtime.units.Constants.KPC, Dimension.LENGTH, dir.span()));
        Map<String, Node> abundances = new LinkedHashMap<>();
        Optional<Decl.Directive> ab = items.block("abundances");
        if (ab.isPresent()) {
            Decl.Block b = ab.get().block().orElse(new Decl.Block(ab.get().span(), List.of()));
            for (Decl.Item a : b.items()) {
                if (!(a instanceof Decl.Assign assign)) {
                    diagnostics.report(Code.GALAXY_BAD_VALUE, a.span(), "abundances are written p = 1  He = 0.1 …");
                    continue;
                }
                if (!transportable(assign.key().name())) {
                    diagnostics.report(Code.GALAXY_UNKNOWN_SPECIES, assign.key().span(), assign.key().name(),
                            Suggestions.didYouMean(assign.key().name(), transportableNames()));
                    continue;
                }
                if (spectra.containsKey(assign.key().name()) && spectra.get(assign.key().name()).energyFraction().isPresent()) {
                    diagnostics.report(Code.GALAXY_BAD_VALUE, assign.key().span(), assign.key().name() + " is injected with "
                            + "an energy_fraction in its spectrum_for; give it no abundance as well");
                    continue;
                }
                Node v = value(assign.value(), Dimension.NONE, Allowed.CONSTANT, "the abundance of " + assign.key().name());
                if (v != null) {
                    abundances.put(assign.key().name(), v);
                }
            }
        } else {
            abundances.put("p", constant(1.0, dir.span()));
        }
        if (rate == null || energy == null || slope == null) {
            return Optional.empty();
        }
        return Optional.of(new Galaxy.Source(name, rate, energy, slope, variable, breaks, radius, abundances, spectra,
                dir.span()));
    }

    /** {@code break POSITION SLOPE} items of a source or species spectrum */
    private List<Galaxy.Break> breaks(Items items, Galaxy.SpectrumVariable variable) {
        List<Galaxy.Break> breaks = new ArrayList<>();
        for (Decl.Directive bd : items.blocks("break")) {
            if (bd.args().size() != 2) {
                diagnostics.report(Code.GALAXY_BAD_VALUE, bd.span(), "a break is written break 300 [GV] 4.1 (position, "
                        + "then the phase-space slope above it)");
                continue;
            }
            Dimension position = variable == Galaxy.SpectrumVariable.RIGIDITY ? Dimension.POTENTIAL : Dimension.MOMENTUM;
            Node at = value(bd.args().get(0), position, Allowed.CONSTANT, "a break position");
            Node s = value(bd.args().get(1), Dimension.NONE, Allowed.CONSTANT, "the slope above a break");
            if (at != null && s != null) {
                breaks.add(new Galaxy.Break(at, s));
            }
        }
        return breaks;
    }

    // ---------------------------------------------------------------- species, modulation, energies

    /** How fragments inherit their energy in {@code layers}: {@code fragments = per_nucleon | equal_rigidity}. */
    private enum Fragments {
        PER_NUCLEON, EQUAL_RIGIDITY
    }

    private List<String> speciesList(Decl.Item item) {
        List<String> out = new ArrayList<>();
        List<Expr> values = BlockItems.values(item);
        if (values.size() == 1 && values.get(0) instanceof Expr.Name all && all.name().equals("all")) {
            return org.crdl.runtime.network.FullNetwork.SPECIES;
        }
        for (Expr e : BlockItems.values(item)) {
            if (e instanceof Expr.Name n && transportable(n.name())) {
                if (!out.contains(n.name())) {
                    out.add(n.name());
                } else {
                    diagnostics.report(Code.GALAXY_DUPLICATE_ITEM, e.span(), "species " + n.name());
                }
            } else {
                String text = e instanceof Expr.Name n ? n.name() : e.span().text();
                String hint = text.equals("e") ? "; did you mean 'electron'? ('e' is the resonance species of crdl rates)"
                        : Suggestions.didYouMean(text, transportableNames());
                diagnostics.report(Code.GALAXY_UNKNOWN_SPECIES, e.span(), text, hint + " (known species: "
                                + String.join(", ", transportableNames()) + " and isotopes such as Na23)");
            }
        }
        return out.isEmpty() ? DEFAULT_SPECIES : out;
    }

    private Optional<Node> modulation(Decl.Item item) {
        Expr phi;
        if (item instanceof Decl.Assign a) {
            phi = a.value();
        } else {
            List<Expr> args = ((Decl.Directive) item).args();
            if (args.size() == 2 && args.get(0) instanceof Expr.Name n && n.name().equals("force_field")) {
                phi = args.get(1);
            } else if (args.size() == 1) {
                phi = args.get(0);
            } else {
                diagnostics.report(Code.GALAXY_BAD_VALUE, item.span(), "modulation is written "
                        + "modulation force_field 0.6 [GV] (the force-field potential phi)");
                return Optional.empty();
            }
        }
        return Optional.ofNullable(value(phi, Dimension.POTENTIAL, Allowed.CONSTANT, "the modulation potential"));
    }

    private Galaxy.Energies energies(Decl.Directive item) {
        Decl.Block b = item.block().orElse(new Decl.Block(item.span(), List.of()));
        Items items = new Items("energies", b, List.of("min", "max", "per_decade"));
        Galaxy.Energies d = defaultEnergies(item.span());
        return new Galaxy.Energies(items.optional("min", Dimension.ENERGY, Allowed.CONSTANT).orElse(d.min()),
                items.optional("max", Dimension.ENERGY, Allowed.CONSTANT).orElse(d.max()),
                items.optional("per_decade", Dimension.NONE, Allowed.CONSTANT).orElse(d.perDecade()));
    }

    /** 10 MeV/n to 10 TeV/n, 20 points per decade (the transport solver's accuracy table). */
    private static Galaxy.Energies defaultEnergies(SourceSpan at) {
        double gev = org.crdl.runtime.units.Constants.GEV;
        return new Galaxy.Energies(constant(0.01 * gev, Dimension.ENERGY, at), constant(1e4 * gev, Dimension.ENERGY, at),
                constant(20, at));
    }

    private List<String> crossSections(Decl.Item item) {
        List<Expr> args = BlockItems.values(item);
        List<String> out = new ArrayList<>();
        for (Expr e : args) {
            if (e instanceof Expr.Text t) {
                out.add(t.value());
            } else {
                out.clear();
                break;
            }
        }
        if (out.isEmpty()) {
            diagnostics.report(Code.GALAXY_BAD_VALUE, item.span(), "cross_sections takes file names in quotes, as in "
                    + "cross_sections \"crxsecs_fragmentation_Evoli2019_cumulative_modified.dat\", \"webber_xsec.dat\"");
        }
        return out;
    }

    /** {@code channel PARENT DAUGHTER σ}: both transported species, σ an area (cross section). */
    private Optional<Galaxy.Channel> channel(Decl.Directive dir, List<String> species) {
        List<Expr> args = dir.args();
        if (args.size() != 3 || !(args.get(0) instanceof Expr.Name p) || !(args.get(1) instanceof Expr.Name d)) {
            diagnostics.report(Code.GALAXY_BAD_VALUE, dir.span(), "a channel is written channel C B11 61 [mb] (parent, "
                    + "fragment, cross section on hydrogen)");
            return Optional.empty();
        }
        for (Expr.Name n : List.of(p, d)) {
            if (!species.contains(n.name())) {
                diagnostics.report(Code.GALAXY_UNKNOWN_SPECIES, n.span(), n.name(), " among the transported species ("
                        + String.join(", ", species) + ")" + Suggestions.didYouMean(n.name(), species));
                return Optional.empty();
            }
        }
        Node sigma = value(args.get(2), Dimension.AREA, Allowed.CONSTANT, "the cross section of channel " + p.name()
                + " → " + d.name());
        return sigma == null ? Optional.empty() : Optional.of(new Galaxy.Channel(p.name(), d.name(), sigma, dir.span()));
    }

    // ---------------------------------------------------------------- observations

    List<Galaxy.Observation> observations(Map<String, Galaxy.Def> galaxies) {
        Set<String> species = new LinkedHashSet<>();
        galaxies.values().forEach(g -> species.addAll(g.species()));
        if (species.isEmpty()) {
            species.addAll(DEFAULT_SPECIES);
        }
        List<Galaxy.Observation> out = new ArrayList<>();
        for (Decl.Observe o : decls.observes) {
            Optional<Galaxy.Target> target = target(o.target(), species);
            Optional<Boolean> modulated = Optional.empty();
            Optional<Node> min = Optional.empty();
            Optional<Node> max = Optional.empty();
            if (o.body().isPresent()) {
                Items items = new Items("observe", o.body().get(), List.of("modulated", "min", "max"));
                if (items.has("modulated")) {
                    modulated = Optional.of(items.flag("modulated", true));
                }
                min = items.optional("min", Dimension.ENERGY, Allowed.CONSTANT);
                max = items.optional("max", Dimension.ENERGY, Allowed.CONSTANT);
            }
            List<String> files = new ArrayList<>();
            o.against().forEach(t -> files.add(t.value()));
            if (target.isPresent()) {
                out.add(new Galaxy.Observation(target.get(), files, modulated, min, max, o.span()));
            }
        }
        return out;
    }

    Optional<Galaxy.Target> target(Expr e, Set<String> species) {
        if (e instanceof Expr.Binary b && b.op() == Expr.BinaryOp.DIV) {
            Optional<List<String>> num = sum(b.left(), species);
            Optional<List<String>> den = sum(b.right(), species);
            if (num.isPresent() && den.isPresent()) {
                return Optional.of(new Galaxy.Ratio(label(b.left()), num.get(), label(b.right()), den.get()));
            }
            return Optional.empty();
        }
        return isotopes(e, species).map(list -> new Galaxy.Flux(((Expr.Name) e).name(), list));
    }

    /** a ratio's side as written: "B", "positron", "(positron + electron)" */
    private static String label(Expr e) {
        return e instanceof Expr.Name n ? n.name() : "(" + e.span().text().replaceAll("[()]", "").replaceAll("\\s+", " ").trim() + ")";
    }

    /**
     * One side of a ratio: an isotope or element, or a sum of them in parentheses ({@code positron/(positron + electron)},
     * the positron fraction); a species may appear once per side.
     */
    private Optional<List<String>> sum(Expr e, Set<String> species) {
        Expr inner = e;
        if (inner instanceof Expr.Binary b && b.op() == Expr.BinaryOp.ADD) {
            Optional<List<String>> l = sum(b.left(), species);
            Optional<List<String>> r = sum(b.right(), species);
            if (l.isEmpty() || r.isEmpty()) {
                return Optional.empty();
            }
            List<String> out = new ArrayList<>(l.get());
            for (String s : r.get()) {
                if (out.contains(s)) {
                    diagnostics.report(Code.GALAXY_BAD_VALUE, b.right().span(), s + " appears twice in the sum");
                    return Optional.empty();
                }
                out.add(s);
            }
            return Optional.of(out);
        }
        return isotopes(inner, species);
    }

    /** An isotope name (B10, p) or an element symbol (B = B10 + B11 of the transported species). */
    private Optional<List<String>> isotopes(Expr e, Set<String> species) {
        if (!(e instanceof Expr.Name n)) {
            diagnostics.report(Code.GALAXY_BAD_VALUE, e.span(), "observe takes a species or element (p, He, C, B10) "
                    + "or a ratio of two (B/C, Be10/Be9)");
            return Optional.empty();
        }
        String name = n.name();
        if (species.contains(name)) {
            return Optional.of(List.of(name));
        }
        int z = java.util.Arrays.asList(ELEMENTS).indexOf(name);
        if (z > 0) {
            List<String> members = new ArrayList<>();
            for (String s : species) {
                Species sp = Species.byName(s).orElseThrow();
                if (sp.charge() == z && sp.isNucleus()) {
                    members.add(s);
                }
            }
            if (!members.isEmpty()) {
                return Optional.of(members);
            }
        }
        diagnostics.report(Code.GALAXY_UNKNOWN_SPECIES, e.span(), name, " among the transported species ("
                + String.join(", ", species) + ")" + Suggestions.didYouMean(name, species));
        return Optional.empty();
    }

    // ---------------------------------------------------------------- typed values

    private static Node constant(double v, SourceSpan at) {
        return new Node.Const(v, Dimension.NONE, at);
    }

    private static Node constant(double v, Dimension d, SourceSpan at) {
        return new Node.Const(v, d, at);
    }

    /** Type a setting and check its dimension and what it depends on; null after reporting a problem. */
    private Node value(Expr e, Dimension expected, Allowed allowed, String what) {
        Node n = typer.type(e, Typer.Scope.global(what));
        if (n instanceof Node.Invalid) {
            return null;
        }
        if (n.isCondition() || !n.dim().equals(expected)) {
            diagnostics.report(Code.GALAXY_DIMENSION, e.span(), what, expected, n.isCondition() ? "a condition" : n.dim());
            return null;
        }
        for (Symbol s : Dependencies.of(n)) {
            String bad = null;
            if (s instanceof Symbol.Field || s instanceof Symbol.Plasma) {
                bad = "a phase (" + s.name() + ")";
            } else if (s instanceof Symbol.Wave || s instanceof Symbol.Cr || s instanceof Symbol.WaveVector) {
                bad = "the wave or CR state (" + s.name() + ")";
            } else if (s instanceof Symbol.Resonance r) {
                if (allowed == Allowed.CONSTANT) {
                    bad = "the rigidity (" + s.name() + ")";
                } else if (r.quantity().needsField()) {
                    bad = "the magnetic field (" + s.name() + " needs B; use R, beta, v, gamma, p or E_kin)";
                }
            }
            if (bad != null) {
                diagnostics.report(Code.GALAXY_NOT_CONSTANT, e.span(), what, bad);
                return null;
            }
        }
        return n;
    }

    /** The items of one block, by key, with unknown and repeated keys reported. */
    private final class Items {
        private final String where;
        private final Map<String, List<Decl.Item>> byKey;

        Items(String where, Decl.Block block, List<String> known) {
            this.where = where;
            this.byKey = BlockItems.collect(block, known, Set.of("source", "layer", "break", "channel", "spectrum_for", "greybody"),
                    where, diagnostics);
        }

        boolean has(String key) {
            return byKey.containsKey(key);
        }

        List<Decl.Item> all(String key) {
            return byKey.getOrDefault(key, List.of());
        }

        Optional<Decl.Item> item(String key) {
            List<Decl.Item> l = all(key);
            return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
        }

        /** The item written as a block, {@code key name { … }}; {@code key = value} is reported. */
        Optional<Decl.Directive> block(String key) {
            List<Decl.Directive> l = blocks(key);
            return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
        }

        List<Decl.Directive> blocks(String key) {
            List<Decl.Directive> out = new ArrayList<>();
            for (Decl.Item i : all(key)) {
                if (i instanceof Decl.Directive d) {
                    out.add(d);
                } else {
                    diagnostics.report(Code.GALAXY_BAD_VALUE, i.span(), key + " in " + where
                            + " is not a setting: write it without '=', as " + key + " …");
                }
            }
            return out;
        }

        Optional<Node> optional(String key, Dimension dim, Allowed allowed) {
            return item(key).flatMap(i -> {
                if (!(i instanceof Decl.Assign a)) {
                    diagnostics.report(Code.GALAXY_BAD_VALUE, i.span(), key + " is written " + key + " = value");
                    return Optional.empty();
                }
                return Optional.ofNullable(value(a.value(), dim, allowed, key + " in " + where));
            });
        }

        Node required(String key, Dimension dim, Allowed allowed, SourceSpan at, String description) {
            if (!has(key)) {
                missing(at, where, description);
                return null;
            }
            return optional(key, dim, allowed).orElse(null);
        }

        /** {@code key = name} among the enum's constants (lower case); the fallback when absent */
        <E extends Enum<E>> E choice(String key, E fallback, E[] values) {
            Optional<Decl.Item> i = item(key);
            if (i.isEmpty()) {
                return fallback;
            }
            Optional<String> v = singleName(i.get());
            if (v.isEmpty()) {
                return fallback;
            }
            List<String> names = new ArrayList<>();
            for (E e : values) {
                names.add(e.name().toLowerCase(java.util.Locale.ROOT));
                if (e.name().equalsIgnoreCase(v.get())) {
                    return e;
                }
            }
            diagnostics.report(Code.GALAXY_BAD_VALUE, i.get().span(), key + " is one of " + String.join(", ", names)
                    + ", not " + v.get());
            return fallback;
        }

        boolean flag(String key, boolean fallback) {
            Optional<Decl.Item> i = item(key);
            if (i.isEmpty()) {
                return fallback;
            }
            Optional<Boolean> v = BlockItems.onOff(i.get());
            if (v.isEmpty()) {
                diagnostics.report(Code.GALAXY_BAD_VALUE, i.get().span(), key + " is on or off");
            }
            return v.orElse(fallback);
        }
    }
}
