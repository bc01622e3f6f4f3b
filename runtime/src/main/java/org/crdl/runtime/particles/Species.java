package org.crdl.runtime.particles;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crdl.runtime.units.Constants;

/**
 * A cosmic-ray species: charge number Z, mass number A and rest mass [g].
 * Nuclei (other than the proton) use A atomic mass units; the rigidity-to-energy mapping
 * this implies is accurate to better than 0.1 % for the light nuclei CRDL transports.
 */
public record Species(String name, int charge, int massNumber, double mass) {

    /** transported electrons (hopkins2021 e⁻): charge −1, rest mass m_e, energies per particle */
    public static final String ELECTRON = "electron";
    /** transported positrons (e⁺): charge +1, rest mass m_e */
    public static final String POSITRON = "positron";
    /** transported antiprotons (p̄): charge −1, rest mass m_p, mass number 1 */
    public static final String ANTIPROTON = "pbar";

    private static final Map<String, Species> BUILT_IN = new LinkedHashMap<>();

    static {
        add(new Species("p", 1, 1, Constants.M_P));
        add(new Species("e", 1, 0, Constants.M_E));
        add(new Species(ELECTRON, -1, 0, Constants.M_E));
        add(new Species(POSITRON, 1, 0, Constants.M_E));
        add(new Species(ANTIPROTON, -1, 1, Constants.M_P));
        add(nucleus("d", 1, 2));
        add(nucleus("He3", 2, 3));
        add(nucleus("He", 2, 4));
        add(nucleus("Li6", 3, 6));
        add(nucleus("Li7", 3, 7));
        add(nucleus("Be7", 4, 7));
        add(nucleus("Be9", 4, 9));
        add(nucleus("Be10", 4, 10));
        add(nucleus("B10", 5, 10));
        add(nucleus("B11", 5, 11));
        add(nucleus("C", 6, 12));
        add(nucleus("C13", 6, 13));
        add(nucleus("N", 7, 14));
        add(nucleus("N15", 7, 15));
        add(nucleus("O", 8, 16));
        add(nucleus("Ne", 10, 20));
        add(nucleus("Mg", 12, 24));
        add(nucleus("Si", 14, 28));
        add(nucleus("Fe", 26, 56));
    }

    /**
     * True for a nucleus (p, He, C …): false for the leptons {@value #ELECTRON}, {@value #POSITRON}
     * (and the resonance species {@code e}) and the antiproton {@value #ANTIPROTON}, which take part
     * in no fragmentation channel and no element sum.
     */
    public boolean isNucleus() {
        return massNumber > 0 && charge > 0;
    }

    /** True for the electron and the positron (any species with mass number 0). */
    public boolean isLepton() {
        return massNumber == 0;
    }

    private static void add(Species s) {
        BUILT_IN.put(s.name(), s);
    }

    /** A nucleus of charge Z and mass number A with mass A·m_u. */
    public static Species nucleus(String name, int z, int a) {
        return new Species(name, z, a, a * Constants.M_U);
    }

    /** Protons: the default species of every local calculation. */
    public static Species proton() {
        return BUILT_IN.get("p");
    }

    /**
     * A built-in species, or any isotope written element symbol + mass number up to nickel
     * ({@code Na23}, {@code Al26}, {@code Fe60}; Z ≤ 28, Z ≤ A ≤ 3Z + 4). An isotope that has a
     * built-in name comes back under that name ({@code C12} → {@code C}, {@code Fe56} → {@code Fe}).
     */
    public static Optional<Species> byName(String name) {
        Species s = BUILT_IN.get(name);
        if (s != null || name == null) {
            return Optional.ofNullable(s);
        }
        java.util.regex.Matcher m = ISOTOPE.matcher(name);
        if (!m.matches()) {
            return Optional.empty();
        }
        int z = java.util.Arrays.asList(ELEMENTS).indexOf(m.group(1));
        int a = Integer.parseInt(m.group(2));
        if (z < 1 || a < z || a > 3 * z + 4) {
            return Optional.empty();
        }
        return Optional.of(isotope(z, a));
    }

    /** Element symbols by charge number Z = 0 … 28 (index 0 is the neutron). */
    public static final String[] ELEMENTS = {"n", "H", "He", "Li", "Be", "B", "C", "N", "O", "F", "Ne", "Na", "Mg", "Al",
        "Si", "P", "S", "Cl", "Ar", "K", "Ca", "Sc", "Ti", "V", "Cr", "Mn", "Fe", "Co", "Ni"};

    private static final java.util.regex.Pattern ISOTOPE = java.util.regex.Pattern.compile("([A-Z][a-z]?)([0-9]{1,2})");

    /** The nucleus (Z, A): its built-in species when there is one ({@code p}, {@code He}, {@code C} …), else Symbol+A. */
    public static Species isotope(int z, int a) {
        for (Species s : BUILT_IN.values()) {
            if (s.charge() == z && s.massNumber() == a) {
                return s;
            }
        }
        if (z < 1 || z >= ELEMENTS.length) {
            throw new IllegalArgumentException("no element symbol for Z = " + z);
        }
        return nucleus(ELEMENTS[z] + a, z, a);
    }

    public static List<String> names() {
        return List.copyOf(BUILT_IN.keySet());
    }

    /** Mass-to-charge ratio A/Z (electrons: m/m_u per unit charge is not used; returns 0). */
    public double massToCharge() {
        return massNumber == 0 ? 0.0 : (double) massNumber / charge;
    }
}
