package org.crdl.runtime.plasma;

import java.util.Optional;
import org.crdl.runtime.units.Dimension;

/**
 * Phase fields with a fixed meaning and dimension. A phase may declare any other field
 * (its dimension is then whatever the phase gives it); these names are checked against
 * the dimension below wherever they are declared, and the derived plasma quantities
 * ({@link PlasmaQuantity}) are computed from them.
 */
public enum PhaseField {
    N("n", Dimension.NUMBER_DENSITY, "hydrogen (nucleon) number density; rho = n m_p unless rho is given"),
    T("T", Dimension.TEMPERATURE, "gas temperature"),
    B("B", Dimension.MAGNETIC_FIELD, "magnetic field strength |B|"),
    F_ION("f_ion", Dimension.NONE, "ionized mass fraction rho_ion/rho (default 1: fully ionized)"),
    GAMMA_AD("gamma_ad", Dimension.NONE, "adiabatic index used in c_s (default 5/3)"),
    DV_TURB("dv_turb", Dimension.VELOCITY, "turbulent velocity dispersion at the driving scale"),
    ELL_A("ell_A", Dimension.LENGTH, "Alfven scale of the turbulence (hopkins2022 L47)"),
    F_DG("f_dg", Dimension.NONE, "dust-to-gas mass ratio"),
    E_CR("e_cr", Dimension.ENERGY_DENSITY, "CR energy density per ln p at the resonant rigidity, e'_cr"),
    P_CR("P_cr", Dimension.ENERGY_DENSITY, "CR pressure per ln p at the resonant rigidity, P'_cr (default beta^2 e_cr / 3)"),
    ELL_GRAD("ell_grad", Dimension.LENGTH, "CR pressure gradient scale length P'_cr/|grad P'_cr|");

    private final String symbol;
    private final Dimension dimension;
    private final String description;

    PhaseField(String symbol, Dimension dimension, String description) {
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

    public static Optional<PhaseField> bySymbol(String s) {
        for (PhaseField f : values()) {
            if (f.symbol.equals(s)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
