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

    private static final Map<String, Species> BUILT_IN = new LinkedHashMap<>();

    static {
        add(new Species("p", 1, 1, Constants.M_P));
        add(new Species("e", 1, 0, Constants.M_E));
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

    public static Optional<Species> byName(String name) {
        return Optional.ofNullable(BUILT_IN.get(name));
    }

    public static List<String> names() {
        return List.copyOf(BUILT_IN.keySet());
    }

    /** Mass-to-charge ratio A/Z (electrons: m/m_u per unit charge is not used; returns 0). */
    public double massToCharge() {
        return massNumber == 0 ? 0.0 : (double) massNumber / charge;
    }
}
