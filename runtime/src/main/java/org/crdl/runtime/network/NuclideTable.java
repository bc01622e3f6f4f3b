package org.crdl.runtime.network;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.crdl.runtime.particles.Species;
import org.crdl.runtime.plasma.ModelException;
import org.crdl.runtime.units.Constants;

/**
 * The nuclide table: charge, mass, half-life and decay product of every nucleus the network can
 * transport. Immutable; {@link #withHalfLife} and {@link #with} return modified copies.
 *
 * <p>Built-in entries (names as in {@link Species}; aliases {@code He4, C12, N14, O16}):
 * p, He3, He (⁴He), Li6, Li7, Be7, Be9, Be10, B10, B11, C (¹²C), C13, N (¹⁴N), N15, O (¹⁶O),
 * Ne, Mg, Si, Fe, and the non-nuclei {@code electron}, {@code positron}, {@code pbar} (energies per
 * particle; no fragmentation; their gains and losses are in {@code org.crdl.runtime.leptons}).
 * Masses are those of {@link Species} (A·m_u for nuclei).
 *
 * <p>Decisions, each a table entry a model may override:
 * <ul>
 *   <li><b>¹⁰Be → ¹⁰B</b>, t_1/2 = {@value #BE10_HALF_LIFE_MYR} Myr, the modern value
 *       (Chmeleff et al. 2010, NIM B 268, 192; Korschinek et al. 2010, NIM B 268, 187:
 *       1.387 ± 0.012 Myr). hopkins2021 (L771–772) and the DRAGON2 {@code isotope_list.dat} use the
 *       older 1.51 Myr ({@link #BE10_HALF_LIFE_HOPKINS2021_MYR}); obtain it with
 *       {@code builtIn().withHalfLife("Be10", 1.51 * Constants.MYR)}.</li>
 *   <li><b>⁷Be is stable</b>: it decays only by electron capture (t_1/2 = 53.2 d for the atom),
 *       which is suppressed for a fully stripped cosmic-ray nucleus above ~100 MeV/n; GALPROP and
 *       DRAGON treat it as stable in the same way.</li>
 *   <li>Every other built-in nuclide is stable (the table holds no other long-lived emitter).</li>
 * </ul>
 */
public final class NuclideTable {
    /** ¹⁰Be half-life used by the built-in table [Myr] (Chmeleff 2010; Korschinek 2010). */
    public static final double BE10_HALF_LIFE_MYR = 1.387;
    /** ¹⁰Be half-life quoted by hopkins2021 (L771–772) and isotope_list.dat [Myr]. */
    public static final double BE10_HALF_LIFE_HOPKINS2021_MYR = 1.51;

    private static final Map<String, String> ALIASES = Map.of("He4", "He", "C12", "C", "N14", "N", "O16", "O");

    private final Map<String, Nuclide> byName;

    private NuclideTable(Map<String, Nuclide> byName) {
        this.byName = Collections.unmodifiableMap(new LinkedHashMap<>(byName));
    }

    /** The built-in table described in the class comment. */
    public static NuclideTable builtIn() {
        Map<String, Nuclide> m = new LinkedHashMap<>();
        for (String n : List.of("p", "He3", "He", "Li6", "Li7", "Be7", "Be9")) {
            m.put(n, Nuclide.stable(species(n)));
        }
        m.put("Be10", Nuclide.radioactive(species("Be10"), BE10_HALF_LIFE_MYR * Constants.MYR, "B10"));
        for (String n : List.of("B10", "B11", "C", "C13", "N", "N15", "O", "Ne", "Mg", "Si", "Fe")) {
            m.put(n, Nuclide.stable(species(n)));
        }
        addAntimatterAndLeptons(m);
        return new NuclideTable(m);
    }

    /** electron, positron and pbar: stable, in no fragmentation channel (Network excludes non-nuclei) */
    private static void addAntimatterAndLeptons(Map<String, Nuclide> m) {
        for (String n : List.of(Species.ELECTRON, Species.POSITRON, Species.ANTIPROTON)) {
            m.put(n, Nuclide.stable(species(n)));
        }
    }

    private static Species species(String name) {
        return Species.byName(name).orElseThrow(() -> new IllegalStateException("no built-in species " + name));
    }

    /** The canonical name for a name or alias ("C12" → "C"). */
    public static String canonical(String name) {
        String alias = ALIASES.get(name);
        if (alias != null) {
            return alias;
        }
        return Species.byName(name).map(Species::name).orElse(name);
    }

    /** Nuclides shorter-lived than this (rest-frame, naked) are ghosts: they decay at once and are not transported. */
    public static final double GHOST_HALF_LIFE_YEARS = 1000;

    /**
     * The full table of a DRAGON2 {@code isotope_list.dat}: every nucleus with Z ≤ 28 (protons as
     * {@code p}), with the naked-nucleus half-life and decay mode of the file:
     * <ul>
     *   <li>STABLE, pure electron capture (EC) and double-β (BB, ⁴⁸Ca at 6×10²⁶ s) are stable: a fully
     *       stripped nucleus cannot capture an electron (DRAGON2's BaseModel runs with K-capture off);</li>
     *   <li>β⁻ (B-, ECB-) decays to (Z+1, A) and β⁺ (B+, ECB+) to (Z−1, A), with the naked half-life;</li>
     *   <li>nuclei with t_1/2 below {@value #GHOST_HALF_LIFE_YEARS} yr are <b>ghosts</b>, not transported
     *       (¹¹C, ¹⁰C, ⁸Li, ¹²B, ³²Si …): the cumulative cross-section tables already fold their production
     *       into their long-lived end products (data/README.md), see {@link #ghostEnd};</li>
     *   <li>a decay product outside the table (⁴⁰K → ⁴⁰Ca) is kept as a name; the network drops it.</li>
     * </ul>
     * The ¹⁰Be half-life is the file's 1.51 Myr (as in DRAGON2), not the built-in 1.387 Myr.
     */
    public static NuclideTable fromIsotopeList(Path file) {
        Map<String, Nuclide> m = new LinkedHashMap<>();
        for (IsotopeEntry e : readEntries(file)) {
            if (e.z() > 28 || (e.z() == 1 && e.a() > 1) || isGhost(e)) {
                continue;
            }
            Species sp = Species.isotope(e.z(), e.a());
            int product = e.decayDeltaZ();
            m.put(sp.name(), product == 0 ? Nuclide.stable(sp)
                    : Nuclide.radioactive(sp, e.nakedHalfLife(), productName(e.z() + product, e.a())));
        }
        if (!m.containsKey("p")) {
            m.put("p", Nuclide.stable(Species.proton()));
        }
        addAntimatterAndLeptons(m);
        return new NuclideTable(m);
    }

    private static String productName(int z, int a) {
        return z >= 1 && z < Species.ELEMENTS.length ? Species.isotope(z, a).name() : "Z" + z + "A" + a;
    }

    static boolean isGhost(IsotopeEntry e) {
        return e.decayDeltaZ() != 0 && e.nakedHalfLife() < GHOST_HALF_LIFE_YEARS * 365.25 * 86400;
    }

    /**
     * Where the production of nucleus (Z, A) ends up: itself when the file lists it as long-lived,
     * else the end of its chain of ghost decays (for folding non-cumulative tables).
     */
    public static ChargeMass ghostEnd(List<IsotopeEntry> entries, int z, int a) {
        for (int guard = 0; guard < 10; guard++) {
            final int zz = z;
            final int aa = a;
            Optional<IsotopeEntry> e = entries.stream().filter(x -> x.z() == zz && x.a() == aa).findFirst();
            if (e.isEmpty() || !isGhost(e.get())) {
                return new ChargeMass(z, a);
            }
            z += e.get().decayDeltaZ();
        }
        return new ChargeMass(z, a);
    }

    /** One row of isotope_list.dat: Z, A, naked half-life [s] (infinite when stable) and decay mode. */
    public record IsotopeEntry(int z, int a, double nakedHalfLife, String mode) {
        /** +1 for β⁻, −1 for β⁺, 0 for stable, EC-only and double-β (see {@link #fromIsotopeList}) */
        public int decayDeltaZ() {
            if (Double.isInfinite(nakedHalfLife)) {
                return 0;
            }
            return switch (mode) {
                case "B-", "ECB-" -> 1;
                case "B+", "ECB+" -> -1;
                default -> 0;
            };
        }
    }

    /** The rows of an isotope_list.dat (A, Z, T_1/2, naked T_1/2, mode, element). */
    public static List<IsotopeEntry> readEntries(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ModelException("cannot read isotope list " + file + ": " + e.getMessage(), e);
        }
        List<IsotopeEntry> out = new ArrayList<>();
        int lineNo = 0;
        for (String line : lines) {
            lineNo++;
            String[] t = line.trim().split("\\s+");
            if (t.length < 4 || !t[0].matches("\\d+")) {
                continue;
            }
            try {
                int a = Integer.parseInt(t[0]);
                int z = Integer.parseInt(t[1]);
                double naked = Double.parseDouble(t[3].toUpperCase(Locale.ROOT));
                String mode = t.length > 4 && naked >= 0 ? t[4].toUpperCase(Locale.ROOT) : "STABLE";
                out.add(new IsotopeEntry(z, a, naked < 0 ? Double.POSITIVE_INFINITY : naked, mode));
            } catch (NumberFormatException e) {
                throw new ModelException(file + ":" + lineNo + ": cannot read isotope line '" + line.trim() + "'");
            }
        }
        return out;
    }

    /** The nuclide called {@code name} (aliases accepted), or a {@link ModelException} listing the table. */
    public Nuclide get(String name) {
        Nuclide n = byName.get(canonical(name));
        if (n == null) {
            throw new ModelException("unknown nuclide '" + name + "'; the nuclide table has " + byName.keySet());
        }
        return n;
    }

    public Optional<Nuclide> find(String name) {
        return Optional.ofNullable(byName.get(canonical(name)));
    }

    /** The nuclide with charge Z and mass number A, if the table has one. */
    public Optional<Nuclide> byChargeAndMass(int z, int a) {
        for (Nuclide n : byName.values()) {
            if (n.z() == z && n.a() == a) {
                return Optional.of(n);
            }
        }
        return Optional.empty();
    }

    public List<Nuclide> all() {
        return List.copyOf(byName.values());
    }

    /** A copy in which nuclide {@code name} has the given rest-frame half-life [s]. */
    public NuclideTable withHalfLife(String name, double halfLifeSeconds) {
        Map<String, Nuclide> m = new LinkedHashMap<>(byName);
        m.put(get(name).name(), get(name).withHalfLife(halfLifeSeconds));
        return new NuclideTable(m);
    }

    /** A copy with one more (or one replaced) nuclide, e.g. a custom test nucleus. */
    public NuclideTable with(Nuclide nuclide) {
        Map<String, Nuclide> m = new LinkedHashMap<>(byName);
        m.put(nuclide.name(), nuclide);
        return new NuclideTable(m);
    }

    /** Charge and mass number of an isotope in a data file. */
    public record ChargeMass(int z, int a) {
    }

    /**
     * Reads a DRAGON2 {@code isotope_list.dat} (columns A, Z, T_1/2 [s], T_1/2 of the naked
     * nucleus [s], decay mode, element; −1 = stable) and returns the naked-nucleus half-life [s]
     * by (Z, A), stable isotopes as {@link Double#POSITIVE_INFINITY}. Used to cross-check the
     * built-in table; the table itself never needs the file.
     */
    public static Map<ChargeMass, Double> readIsotopeList(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ModelException("cannot read isotope list " + file + ": " + e.getMessage(), e);
        }
        Map<ChargeMass, Double> out = new LinkedHashMap<>();
        int lineNo = 0;
        for (String line : lines) {
            lineNo++;
            String[] t = line.trim().split("\\s+");
            if (t.length < 4 || !t[0].matches("\\d+")) {
                continue; // header or blank
            }
            try {
                int a = Integer.parseInt(t[0]);
                int z = Integer.parseInt(t[1]);
                double naked = Double.parseDouble(t[3].toUpperCase(Locale.ROOT));
                out.put(new ChargeMass(z, a), naked < 0 ? Double.POSITIVE_INFINITY : naked);
            } catch (NumberFormatException e) {
                throw new ModelException(file + ":" + lineNo + ": cannot read isotope line '" + line.trim() + "'");
            }
        }
        return out;
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        for (Nuclide n : byName.values()) {
            parts.add(n.isStable() ? n.name() : n.name() + "(t1/2=" + n.halfLife() / Constants.MYR + " Myr)");
        }
        return "NuclideTable" + parts;
    }
}
