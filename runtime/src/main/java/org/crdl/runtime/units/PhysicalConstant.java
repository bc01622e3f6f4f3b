package org.crdl.runtime.units;

import java.util.Optional;

/** The constants a model may name (DESIGN §3), with their cgs values and dimensions. */
public enum PhysicalConstant {
    C("c", Constants.C, Dimension.VELOCITY, "speed of light"),
    M_P("m_p", Constants.M_P, Dimension.MASS, "proton mass"),
    M_E("m_e", Constants.M_E, Dimension.MASS, "electron mass"),
    M_U("m_u", Constants.M_U, Dimension.MASS, "atomic mass unit"),
    Q_E("q_e", Constants.Q_E, Dimension.CHARGE, "elementary charge"),
    K_B("k_B", Constants.K_B, Dimension.ENERGY.over(Dimension.TEMPERATURE), "Boltzmann constant"),
    H_PLANCK("h_planck", Constants.H_PLANCK, Dimension.ENERGY.times(Dimension.TIME), "Planck constant"),
    G_NEWTON("G_N", Constants.G_NEWTON, Dimension.of(-1, 3, -2, 0), "Newton's constant"),
    PI("pi", Math.PI, Dimension.NONE, "pi"),
    SIGMA_T("sigma_T", Constants.SIGMA_T, Dimension.AREA, "Thomson cross section"),
    ALPHA_FS("alpha_fs", Constants.ALPHA_FS, Dimension.NONE, "fine-structure constant"),
    AU("au", Constants.AU, Dimension.LENGTH, "astronomical unit"),
    PC("pc", Constants.PC, Dimension.LENGTH, "parsec"),
    KPC("kpc", Constants.KPC, Dimension.LENGTH, "kiloparsec"),
    YR("yr", Constants.YR, Dimension.TIME, "Julian year"),
    MYR("Myr", Constants.MYR, Dimension.TIME, "megayear"),
    EV("eV", Constants.EV, Dimension.ENERGY, "electronvolt"),
    GV("GV", Constants.GV, Dimension.POTENTIAL, "gigavolt (rigidity)");

    private final String symbol;
    private final double value;
    private final Dimension dimension;
    private final String description;

    PhysicalConstant(String symbol, double value, Dimension dimension, String description) {
        this.symbol = symbol;
        this.value = value;
        this.dimension = dimension;
        this.description = description;
    }

    public String symbol() {
        return symbol;
    }

    public double value() {
        return value;
    }

    public Dimension dimension() {
        return dimension;
    }

    public String description() {
        return description;
    }

    public static Optional<PhysicalConstant> bySymbol(String s) {
        for (PhysicalConstant c : values()) {
            if (c.symbol.equals(s)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
