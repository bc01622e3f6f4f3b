package org.crdl.runtime.plasma;

import java.util.List;
import java.util.Optional;
import org.crdl.runtime.particles.Resonance;
import org.crdl.runtime.units.Constants;
import org.crdl.runtime.units.Dimension;

/**
 * Quantities derived from a phase's fields (n, T, B, f_ion, gamma_ad). Each value is in cgs
 * and documented with its formula and source. A phase field of the same name overrides the
 * formula. Only {@link #V_A_EFF} depends on the resonance (through k_par).
 *
 * Conventions: rho = n m_p (kempski2022 digest §2.0 [external]: v_A = B/sqrt(4 pi n m_p);
 * hopkins2022 digest §2.1: v_A = 2.18 km/s at n = 1 cm^-3, 1 uG); p_th = n k_B T and
 * beta_plasma = 8 pi p_th / B^2 (kempski2022 digest §2.0: reproduces beta = 0.19 and 31 for the
 * Sec. 4.2 phases).
 */
public enum PlasmaQuantity {
    /** mass density rho = n m_p [g cm^-3] */
    RHO("rho", Dimension.MASS_DENSITY, "n m_p", List.of("n")) {
        @Override
        double compute(PhaseState s, Resonance r) {
            return s.field("n") * Constants.M_P;
        }
    },
    /** ion number density n_ion = f_ion n [cm^-3] */
    N_ION("n_ion", Dimension.NUMBER_DENSITY, "f_ion n", List.of("f_ion", "n")) {
        @Override
        double compute(PhaseState s, Resonance r) {
            return fIon(s) * s.field("n");
        }
    },
    /** neutral fraction f_neutral = 1 - f_ion (hopkins2022 L141) */
    F_NEUTRAL("f_neutral", Dimension.NONE, "1 - f_ion", List.of("f_ion")) {
        @Override
        double compute(PhaseState s, Resonance r) {
            return 1.0 - fIon(s);
        }
    },
    /** ion-to-neutral mass ratio psi_ion = f_ion/(1 - f_ion) (hopkins2022 L141); infinite when fully ionized */
    PSI_ION("psi_ion", Dimension.NONE, "f_ion / (1 - f_ion)", List.of("f_ion")) {
        @Override
        double compute(PhaseState s, Resonance r) {
            double f = fIon(s);
            return f >= 1.0 ? Double.POSITIVE_INFINITY : f / (1.0 - f);
        }
    },
    /** thermal pressure p_th = n k_B T [erg cm^-3] (kempski2022 digest §2.0) */
    P_TH("p_th", Dimension.ENERGY_DENSITY, "n k_B T", List.of("n", "T")) {
        @Override
        double compute(PhaseState s, Resonance r) {
            return s.field("n") * Constants.K_B * s.field("T");
        }
    },
    /** ideal Alfven speed v_A,ideal = B / sqrt(4 pi rho) [cm s^-1] (hopkins2022 L86) */
    V_A_IDEAL("v_A_ideal", Dimension.VELOCITY, "B / sqrt(4 pi rho)", List.of("B", "rho")) {
        @Override
        double compute(PhaseState s, Resonance r) {
            return s.field("B") / Math.sqrt(4 * Math.PI * value(RHO, s, r));
        }
    },
    /** ion Alfven speed v_A,ion = B / sqrt(4 pi f_ion rho) [cm s^-1] (hopkins2022 L141) */
    V_A_ION("v_A_ion", Dimension.VELOCITY, "B / sqrt(4 pi f_ion rho)", List.of("B", "f_ion", "rho")) {
        @Override
        double compute(PhaseState s, Resonance r) {
            double f = fIon(s);
            if (f <= 0) {
                throw new ModelException("v_A_ion is undefined in phase " + s.name()
                        + ": f_ion = 0 leaves no ions to carry Alfven waves");
            }
            return s.field("B") / Math.sqrt(4 * Math.PI * f * value(RHO, s, r));
        }
    },
    /**
     * ion-neutral collision frequency nu_in [s^-1]: the rate implied by the coefficient of
     * psi~_in in hopkins2022 eq. 5 (L145), psi~_in = nu_in/(k_par v_A,ideal)
     * = 0.01 (1 - f_ion) rho_-24^(3/2) R_GV T_1000^(1/2) B_uG^-2 (k_par r_g)^-1, which gives
     * nu_in = 8.46e-10 s^-1 f_neutral (T/1000 K)^(1/2) (rho/1e-24 g cm^-3).
     */
    NU_IN("nu_in", Dimension.RATE, "8.46e-10 s^-1 f_neutral (T/1000 K)^(1/2) (rho/1e-24 g cm^-3)", List.of("f_ion", "T", "rho")) {
        @Override
        double compute(PhaseState s, Resonance r) {
            // 0.01 * k v_A at rho = 1e-24 g cm^-3, B = 1 uG, R = 1 GV: 0.01 * (1e-6 / 3.3356e12 cm)
            // * (1e-6 / sqrt(4 pi 1e-24)) — evaluated from constants so the factor is exact.
            double rho0 = 1e-24;
            double b0 = 1e-6;
            double kv = (b0 / Constants.GV) * (b0 / Math.sqrt(4 * Math.PI * rho0));
            double coefficient = 0.01 * kv;
            return coefficient * (1.0 - fIon(s)) * Math.sqrt(s.field("T") / 1000.0) * value(RHO, s, r) / rho0;
        }
    },
    /**
     * effective Alfven speed of gyroresonant waves, hopkins2022 eq. 5 (L143-L145):
     * v_A,eff^2 = v_A,ideal^2 [1 + 1/(psi_ion [1 + psi_ion (psi_ion + 1/4) psi~_in^2])],
     * psi~_in = nu_in / (k_par v_A,ideal). Limits: v_A,ion when nu_in << k v_A, v_A,ideal when
     * nu_in >> k v_A or f_ion = 1 (L147).
     */
    V_A_EFF("v_A_eff", Dimension.VELOCITY, "hopkins2022 eq. 5", List.of("v_A_ideal", "f_ion", "nu_in")) {
        @Override
        double compute(PhaseState s, Resonance r) {
            double vIdeal = value(V_A_IDEAL, s, r);
            double f = fIon(s);
            if (f >= 1.0) {
                return vIdeal;
            }
            if (f <= 0) {
                throw new ModelException("v_A_eff is undefined in phase " + s.name()
                        + ": f_ion = 0 leaves no ions to carry Alfven waves");
            }
            if (r == null) {
                throw new ModelException("v_A_eff needs a rigidity (it depends on k_par through eq. 5)");
            }
            double psi = f / (1.0 - f);
            double psiIn = value(NU_IN, s, r) / (r.kPar() * vIdeal);
            double correction = 1.0 / (psi * (1.0 + psi * (psi + 0.25) * psiIn * psiIn));
            return vIdeal * Math.sqrt(1.0 + correction);
        }
    },
    /** adiabatic sound speed c_s = sqrt(gamma_ad p_th / rho) [cm s^-1], gamma_ad = 5/3 unless given */
    C_S("c_s", Dimension.VELOCITY, "sqrt(gamma_ad p_th / rho)", List.of("gamma_ad", "p_th", "rho")) {
        @Override
        double compute(PhaseState s, Resonance r) {
            return Math.sqrt(s.fieldOr("gamma_ad", 5.0 / 3.0) * value(P_TH, s, r) / value(RHO, s, r));
        }
    },
    /** magnetic energy density e_B = B^2 / 8 pi [erg cm^-3] (hopkins2022 L85) */
    E_B("e_B", Dimension.ENERGY_DENSITY, "B^2 / (8 pi)", List.of("B")) {
        @Override
        double compute(PhaseState s, Resonance r) {
            double b = s.field("B");
            return b * b / (8 * Math.PI);
        }
    },
    /** plasma beta = 8 pi p_th / B^2 (kempski2022 L216) */
    BETA_PLASMA("beta_plasma", Dimension.NONE, "8 pi p_th / B^2", List.of("p_th", "B")) {
        @Override
        double compute(PhaseState s, Resonance r) {
            double b = s.field("B");
            return 8 * Math.PI * value(P_TH, s, r) / (b * b);
        }
    };

    private final String symbol;
    private final Dimension dimension;
    private final String formula;
    private final List<String> inputs;

    PlasmaQuantity(String symbol, Dimension dimension, String formula, List<String> inputs) {
        this.symbol = symbol;
        this.dimension = dimension;
        this.formula = formula;
        this.inputs = inputs;
    }

    /** The fields and derived quantities the formula reads (a phase field of any of these names overrides it). */
    public List<String> inputs() {
        return inputs;
    }

    /**
     * ∂ln q/∂ln k_par at fixed phase fields: zero except for v_A_eff, whose eq. 5 depends on
     * k_par through psi~_in = nu_in/(k_par v_A,ideal):
     * ∂ln v_A,eff/∂ln k = (v_A,ideal/v_A,eff)^2 C^2 psi^2 (psi + 1/4) psi~^2, C = 1/(psi[1 + psi(psi+1/4) psi~^2]).
     */
    public double logSlopeKPar(PhaseState s, Resonance r) {
        if (this != V_A_EFF || s.has(symbol)) {
            return 0.0;
        }
        double f = fIon(s);
        if (f >= 1.0 || f <= 0.0) {
            return 0.0;
        }
        double vIdeal = value(V_A_IDEAL, s, r);
        double psi = f / (1.0 - f);
        double psiIn = value(NU_IN, s, r) / (r.kPar() * vIdeal);
        double c = 1.0 / (psi * (1.0 + psi * (psi + 0.25) * psiIn * psiIn));
        double vEff = value(V_A_EFF, s, r);
        return (vIdeal * vIdeal) / (vEff * vEff) * c * c * psi * psi * (psi + 0.25) * psiIn * psiIn;
    }

    abstract double compute(PhaseState s, Resonance r);

    public String symbol() {
        return symbol;
    }

    public Dimension dimension() {
        return dimension;
    }

    public String formula() {
        return formula;
    }

    /** True when the value depends on the resonance (rigidity, species). */
    public boolean dependsOnResonance() {
        return this == V_A_EFF;
    }

    /** The value in phase {@code s} at resonance {@code r} (r may be null unless {@link #dependsOnResonance()}). */
    public double of(PhaseState s, Resonance r) {
        return value(this, s, r);
    }

    static double value(PlasmaQuantity q, PhaseState s, Resonance r) {
        if (s.has(q.symbol)) {
            return s.field(q.symbol);
        }
        return q.compute(s, r);
    }

    static double fIon(PhaseState s) {
        return s.fieldOr("f_ion", 1.0);
    }

    public static Optional<PlasmaQuantity> bySymbol(String symbol) {
        for (PlasmaQuantity q : values()) {
            if (q.symbol.equals(symbol)) {
                return Optional.of(q);
            }
        }
        return Optional.empty();
    }
}
