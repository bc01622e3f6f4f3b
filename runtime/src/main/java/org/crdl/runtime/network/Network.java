package org.crdl.runtime.network;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.crdl.runtime.plasma.ModelException;
import org.crdl.runtime.units.Constants;

/**
 * The spallation and decay network of the species a model transports: the nuclides in solving
 * order, the production channels into each species, decay links, and the interaction rates in a
 * {@link Gas}. Immutable.
 *
 * <p><b>Order.</b> Species are sorted parents first: a topological order of the graph
 * "parent → fragment" plus "radioactive parent → decay product", ties broken heaviest first
 * (larger A, then larger Z). Within one mass number this puts ¹⁰Be before ¹⁰B. Solving the
 * species in this order, every secondary sees all of its parents. A cycle (possible only with a
 * user table holding same-A charge-exchange channels against a decay) is a {@link ModelException}.
 *
 * <p><b>Rates</b> at kinetic energy per nucleon E_n (same for parent and fragment):
 * <pre>
 *   destruction Γ_i      = n_H v [σ_i^H + y_He ε(A_i) σ_i^H]              [s^-1]
 *   production  Γ_{j→i}  = n_H v [σ_{j→i}^H + y_He ε(A_j) σ_{j→i}^H]      [s^-1 per parent]
 * </pre>
 * with σ^H from {@link InelasticCrossSection} and {@link PartialCrossSections}, ε from
 * {@link HeliumScaling} (hopkins2021 §2.6, L803–810: Ṅ_sec = Σ n v σ N). Electrons, positrons and
 * antiprotons are in no channel; their destruction (positron and antiproton annihilation) is
 * {@link org.crdl.runtime.leptons.Destruction}.
 */
public final class Network {
    private final NuclideTable table;
    private final List<Nuclide> order;
    private final Map<String, Integer> index;
    private final PartialCrossSections partials;
    private final InelasticCrossSection inelastic;
    private final HeliumScaling helium;
    private final List<List<Production>> productionsInto;
    private final List<List<Integer>> decayParents;

    /** A production channel between two species of this network (indices into {@link #nuclides()}). */
    public record Production(int parent, int daughter, PartialCrossSections.Channel channel) {
    }

    private Network(Builder b, List<Nuclide> order) {
        this.table = b.table;
        this.order = List.copyOf(order);
        this.partials = b.partials;
        this.inelastic = b.inelastic;
        this.helium = b.helium;
        Map<String, Integer> idx = new LinkedHashMap<>();
        for (int i = 0; i < order.size(); i++) {
            idx.put(order.get(i).name(), i);
        }
        this.index = Collections.unmodifiableMap(idx);
        List<List<Production>> prods = new ArrayList<>();
        List<List<Integer>> decays = new ArrayList<>();
        for (int d = 0; d < order.size(); d++) {
            List<Production> pl = new ArrayList<>();
            List<Integer> dl = new ArrayList<>();
            for (int p = 0; p < order.size(); p++) {
                PartialCrossSections.Channel c = PartialCrossSections.Channel.of(order.get(p), order.get(d));
                if (p != d && nuclei(order.get(p), order.get(d)) && partials.channels().contains(c)) {
                    if (p > d) {
                        throw new IllegalStateException("order violates channel " + c);
                    }
                    pl.add(new Production(p, d, c));
                }
                if (order.get(d).name().equals(order.get(p).decayProduct())) {
                    dl.add(p);
                }
            }
            prods.add(List.copyOf(pl));
            decays.add(List.copyOf(dl));
        }
        this.productionsInto = List.copyOf(prods);
        this.decayParents = List.copyOf(decays);
    }

    /**
     * The built-in network: built-in nuclide table, {@link BuiltInFragmentation},
     * {@link InelasticCrossSection#standard()} and {@link HeliumScaling#GEOMETRIC}.
     */
    public static Network builtIn(String... species) {
        return builder().species(species).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Assembles a network; every part has the built-in default. */
    public static final class Builder {
        private NuclideTable table = NuclideTable.builtIn();
        private final List<String> names = new ArrayList<>();
        private PartialCrossSections partials = BuiltInFragmentation.instance();
        private InelasticCrossSection inelastic = InelasticCrossSection.standard();
        private HeliumScaling helium = HeliumScaling.GEOMETRIC;

        public Builder table(NuclideTable t) {
            this.table = t;
            return this;
        }

        public Builder species(String... species) {
            names.addAll(List.of(species));
            return this;
        }

        public Builder species(Collection<String> species) {
            names.addAll(species);
            return this;
        }

        public Builder partials(PartialCrossSections p) {
            this.partials = p;
            return this;
        }

        public Builder inelastic(InelasticCrossSection i) {
            this.inelastic = i;
            return this;
        }

        public Builder helium(HeliumScaling h) {
            this.helium = h;
            return this;
        }

        public Network build() {
            if (names.isEmpty()) {
                throw new ModelException("a network needs at least one species");
            }
            Map<String, Nuclide> chosen = new LinkedHashMap<>();
            for (String n : names) {
                Nuclide nu = table.get(n);
                if (chosen.put(nu.name(), nu) != null) {
                    throw new ModelException("species " + n + " is listed twice in the network");
                }
            }
            return new Network(this, sort(new ArrayList<>(chosen.values())));
        }

        /** Kahn's algorithm, heaviest first among the ready nodes. */
        private List<Nuclide> sort(List<Nuclide> nodes) {
            Map<String, List<Nuclide>> children = new HashMap<>();
            Map<String, Integer> inDegree = new HashMap<>();
            for (Nuclide n : nodes) {
                inDegree.put(n.name(), 0);
                children.put(n.name(), new ArrayList<>());
            }
            for (Nuclide p : nodes) {
                for (Nuclide d : nodes) {
                    boolean frag = p != d && nuclei(p, d) && partials.channels().contains(PartialCrossSections.Channel.of(p, d));
                    boolean decay = d.name().equals(p.decayProduct());
                    if (frag || decay) {
                        children.get(p.name()).add(d);
                        inDegree.merge(d.name(), 1, Integer::sum);
                    }
                }
            }
            Comparator<Nuclide> heavyFirst = Comparator.comparingInt(Nuclide::a).reversed()
                    .thenComparing(Comparator.comparingInt(Nuclide::z).reversed());
            PriorityQueue<Nuclide> ready = new PriorityQueue<>(heavyFirst);
            nodes.stream().filter(n -> inDegree.get(n.name()) == 0).forEach(ready::add);
            List<Nuclide> out = new ArrayList<>();
            while (!ready.isEmpty()) {
                Nuclide n = ready.poll();
                out.add(n);
                for (Nuclide c : children.get(n.name())) {
                    if (inDegree.merge(c.name(), -1, Integer::sum) == 0) {
                        ready.add(c);
                    }
                }
            }
            if (out.size() != nodes.size()) {
                List<String> stuck = new ArrayList<>();
                nodes.stream().filter(n -> !out.contains(n)).forEach(n -> stuck.add(n.name()));
                throw new ModelException("the reaction network has a cycle among " + stuck
                        + " (fragmentation and decay links must form a parents-first order)");
            }
            return out;
        }
    }

    /** fragmentation links only nuclei: leptons and antiprotons have their own sources (leptons package) */
    static boolean nuclei(Nuclide parent, Nuclide daughter) {
        return parent.isNucleus() && daughter.isNucleus();
    }

    public NuclideTable table() {
        return table;
    }

    /** the species in solving order (parents first) */
    public List<Nuclide> nuclides() {
        return order;
    }

    public int size() {
        return order.size();
    }

    public Nuclide nuclide(int i) {
        return order.get(i);
    }

    /** index of a species in {@link #nuclides()}, or a {@link ModelException} naming the network */
    public int indexOf(String name) {
        Integer i = index.get(NuclideTable.canonical(name));
        if (i == null) {
            throw new ModelException("species '" + name + "' is not transported; the network has " + index.keySet());
        }
        return i;
    }

    public boolean contains(String name) {
        return index.containsKey(NuclideTable.canonical(name));
    }

    /** channels producing species {@code daughter} from heavier species of this network */
    public List<Production> productionsInto(int daughter) {
        return productionsInto.get(daughter);
    }

    /** species of this network that decay into {@code daughter} */
    public List<Integer> decayParentsOf(int daughter) {
        return decayParents.get(daughter);
    }

    public PartialCrossSections partials() {
        return partials;
    }

    public HeliumScaling helium() {
        return helium;
    }

    /** σ_inel on hydrogen [mb] */
    public double inelasticHydrogenMb(int i, double ekGeVPerNucleon) {
        return inelastic.hydrogenMb(order.get(i), ekGeVPerNucleon);
    }

    /** σ_{parent→daughter} on hydrogen [mb] */
    public double partialHydrogenMb(Production p, double ekGeVPerNucleon) {
        return partials.hydrogenMb(p.channel(), ekGeVPerNucleon);
    }

    private static final double MB = 1e-27;

    /** speed v [cm s^-1] of species i at kinetic energy per nucleon E_n [erg] */
    public double speed(int i, double ekPerNucleonErg) {
        Nuclide n = order.get(i);
        double mc2 = n.species().mass() * Constants.C * Constants.C / n.a();
        double g = 1.0 + ekPerNucleonErg / mc2;
        return Constants.C * Math.sqrt(1.0 - 1.0 / (g * g));
    }

    /** Lorentz factor γ of species i at E_n [erg] */
    public double lorentzGamma(int i, double ekPerNucleonErg) {
        Nuclide n = order.get(i);
        return 1.0 + ekPerNucleonErg * n.a() / (n.species().mass() * Constants.C * Constants.C);
    }

    /** destruction rate n_H v σ_inel (1 + y_He ε) [s^-1] of species i at E_n [erg] in {@code gas} */
    public double destructionRate(int i, double ekPerNucleonErg, Gas gas) {
        if (!order.get(i).isNucleus()) {
            return check(org.crdl.runtime.leptons.Destruction.rate(order.get(i), ekPerNucleonErg, gas),
                    "destruction rate of " + order.get(i).name(), ekPerNucleonErg);
        }
        double sigma = inelastic.hydrogenMb(order.get(i), ekPerNucleonErg / Constants.GEV) * MB;
        double eps = helium.factor(order.get(i).a());
        double r = gas.hydrogenDensity() * speed(i, ekPerNucleonErg) * sigma * (1 + gas.heliumRatio() * eps);
        return check(r, "destruction rate of " + order.get(i).name(), ekPerNucleonErg);
    }

    /** production rate n_H v σ_{j→i} (1 + y_He ε(A_j)) [s^-1 per parent] at E_n [erg] */
    public double productionRate(Production p, double ekPerNucleonErg, Gas gas) {
        double sigma = partials.hydrogenMb(p.channel(), ekPerNucleonErg / Constants.GEV) * MB;
        double eps = helium.factor(order.get(p.parent()).a());
        double r = gas.hydrogenDensity() * speed(p.parent(), ekPerNucleonErg) * sigma * (1 + gas.heliumRatio() * eps);
        return check(r, "production rate " + order.get(p.parent()).name() + "→" + order.get(p.daughter()).name(),
                ekPerNucleonErg);
    }

    private static double check(double r, String what, double ekErg) {
        if (!(r >= 0) || !Double.isFinite(r)) {
            throw new ModelException(what + " is " + r + " s^-1 at E = " + ekErg / Constants.GEV
                    + " GeV/n; cross sections must be finite and ≥ 0");
        }
        return r;
    }

    @Override
    public String toString() {
        List<String> n = new ArrayList<>();
        order.forEach(x -> n.add(x.name()));
        return "Network" + n;
    }
}
