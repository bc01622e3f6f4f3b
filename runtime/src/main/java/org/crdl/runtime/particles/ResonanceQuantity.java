package org.crdl.runtime.particles;

import java.util.Optional;
import org.crdl.runtime.units.Dimension;

/** The resonance-context names a law may use (DESIGN §3), with dimension and value. */
public enum ResonanceQuantity {
    R("R", Dimension.POTENTIAL, "rigidity pc/(Ze)"),
    P("p", Dimension.MOMENTUM, "momentum"),
    E_KIN("E_kin", Dimension.ENERGY, "kinetic energy of the particle"),
    E_KIN_N("E_kin_n", Dimension.ENERGY, "kinetic energy per nucleon"),
    BETA("beta", Dimension.NONE, "v/c"),
    GAMMA("gamma", Dimension.NONE, "Lorentz factor"),
    V("v", Dimension.VELOCITY, "particle speed"),
    R_G("r_g", Dimension.LENGTH, "gyroradius R/B"),
    OMEGA("Omega", Dimension.RATE, "relativistic gyrofrequency v/r_g"),
    K_PAR("k_par", Dimension.WAVENUMBER, "resonant parallel wavenumber 1/r_g"),
    Z("Z", Dimension.NONE, "charge number of the species"),
    A("A", Dimension.NONE, "mass number of the species");

    private final String symbol;
    private final Dimension dimension;
    private final String description;

    ResonanceQuantity(String symbol, Dimension dimension, String description) {
        this.symbol = symbol;
        this.dimension = dimension;
        this.description = description;
    }

    public String symbol() {
        return symbol;
    }

    public Dimension dimension() {
        return dimension;
    }

    public String description() {
        return description;
    }

    /** True when the value needs the field B (r_g, Omega, k_par); the others are kinematics only. */
    public boolean needsField() {
        return this == R_G || this == OMEGA || this == K_PAR;
    }

    public double of(Resonance r) {
        return switch (this) {
            case R -> r.rigidity();
            case P -> r.momentum();
            case E_KIN -> r.kineticEnergy();
            case E_KIN_N -> r.kineticEnergyPerNucleon();
            case BETA -> r.beta();
            case GAMMA -> r.gamma();
            case V -> r.speed();
            case R_G -> r.gyroradius();
            case OMEGA -> r.gyrofrequency();
            case K_PAR -> r.kPar();
            case Z -> r.species().charge();
            case A -> r.species().massNumber();
        };
    }

    public static Optional<ResonanceQuantity> bySymbol(String s) {
        for (ResonanceQuantity q : values()) {
            if (q.symbol.equals(s)) {
                return Optional.of(q);
            }
        }
        return Optional.empty();
    }
}
