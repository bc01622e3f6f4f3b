package org.crdl.ir;

import java.util.Objects;
import org.crdl.runtime.particles.ResonanceQuantity;
import org.crdl.runtime.plasma.PlasmaQuantity;
import org.crdl.runtime.units.Dimension;
import org.crdl.runtime.units.PhysicalConstant;
import org.crdl.syntax.Decl;

/**
 * What a name in the model text refers to, after resolution. Resolution order (DESIGN §3):
 * local where bindings, let/param (and laws), phase fields, phase-derived quantities,
 * resonance context, wave energy e, CR state, constants.
 */
public sealed interface Symbol permits Symbol.Param, Symbol.Let, Symbol.Law, Symbol.Where, Symbol.Field,
        Symbol.Plasma, Symbol.Resonance, Symbol.Wave, Symbol.Cr, Symbol.Constant, Symbol.Temp, Symbol.WaveVector,
        Symbol.Size {

    String name();

    Dimension dimension();

    /** A model parameter, read by index from the runtime ParameterSet (overridable without recompiling). */
    record Param(String name, int index, Dimension dimension) implements Symbol {
    }

    /** A named constant expression ({@code let}); its value is already typed. */
    record Let(String name, Node value) implements Symbol {
        public Let {
            Objects.requireNonNull(value, "value");
        }

        public Dimension dimension() {
            return value.dim();
        }
    }

    /** A reference to another law's value (e.g. a source written in terms of a damping rate). */
    record Law(String name, Decl.LawKind kind, Node body) implements Symbol {
        public Dimension dimension() {
            return body.dim();
        }
    }

    /** A {@code where} binding local to one law. */
    record Where(String law, String name, Node value) implements Symbol {
        public Dimension dimension() {
            return value.dim();
        }
    }

    /** A phase field, read by name from the PhaseState. */
    record Field(String name, Dimension dimension) implements Symbol {
    }

    /** A derived plasma quantity of the phase (a field of the same name overrides it at run time). */
    record Plasma(PlasmaQuantity quantity) implements Symbol {
        public String name() {
            return quantity.symbol();
        }

        public Dimension dimension() {
            return quantity.dimension();
        }
    }

    /** A quantity of the gyroresonance context (R, k_par, beta, …). */
    record Resonance(ResonanceQuantity quantity) implements Symbol {
        public String name() {
            return quantity.symbol();
        }

        public Dimension dimension() {
            return quantity.dimension();
        }
    }

    /** The wave energy density e = e_+ + e_- [erg cm^-3]: the unknown of the wave balance. */
    record Wave() implements Symbol {
        public String name() {
            return "e";
        }

        public Dimension dimension() {
            return Dimension.ENERGY_DENSITY;
        }
    }

    /**
     * The wavevector of a fast magnetosonic mode, for damping laws used by environments:
     * k [cm^-1] and cos_theta = k_par/k (fornieri2021 L79). Not the CR resonance.
     */
    record WaveVector(WaveVectorQuantity quantity) implements Symbol {
        public String name() {
            return quantity.symbol();
        }

        public Dimension dimension() {
            return quantity.dimension();
        }
    }

    /**
     * The short axis ℓ_S [cm] of a structure, inside a {@code structure} declaration: the variable
     * its abundance, long axis and internal scattering are laws of (integrated over for a range).
     */
    record Size() implements Symbol {
        public static final String NAME = "ell_S";

        public String name() {
            return NAME;
        }

        public Dimension dimension() {
            return Dimension.LENGTH;
        }
    }

    enum WaveVectorQuantity {
        K("k", Dimension.WAVENUMBER), COS_THETA("cos_theta", Dimension.NONE);

        private final String symbol;
        private final Dimension dimension;

        WaveVectorQuantity(String symbol, Dimension dimension) {
            this.symbol = symbol;
            this.dimension = dimension;
        }

        public String symbol() {
            return symbol;
        }

        public Dimension dimension() {
            return dimension;
        }

        public static java.util.Optional<WaveVectorQuantity> bySymbol(String s) {
            for (WaveVectorQuantity q : values()) {
                if (q.symbol.equals(s)) {
                    return java.util.Optional.of(q);
                }
            }
            return java.util.Optional.empty();
        }
    }

    /** CR state: e_cr, P_cr [erg cm^-3] or ell_grad [cm]. */
    record Cr(CrQuantity quantity) implements Symbol {
        public String name() {
            return quantity.symbol();
        }

        public Dimension dimension() {
            return quantity.dimension();
        }
    }

    /** A physical constant (value known at compile time). */
    record Constant(PhysicalConstant constant) implements Symbol {
        public String name() {
            return constant.symbol();
        }

        public Dimension dimension() {
            return constant.dimension();
        }
    }

    /**
     * A value computed once and stored by generated code (introduced by hoisting; never in
     * checked programs): in the constructor when it needs only parameters, else in bind().
     */
    record Temp(int index, Dimension dimension) implements Symbol {
        public String name() {
            return "t" + index;
        }
    }

    /** The CR-state names of DESIGN §3. */
    enum CrQuantity {
        E_CR("e_cr", Dimension.ENERGY_DENSITY), P_CR("P_cr", Dimension.ENERGY_DENSITY), ELL_GRAD("ell_grad", Dimension.LENGTH);

        private final String symbol;
        private final Dimension dimension;

        CrQuantity(String symbol, Dimension dimension) {
            this.symbol = symbol;
            this.dimension = dimension;
        }

        public String symbol() {
            return symbol;
        }

        public Dimension dimension() {
            return dimension;
        }

        public static java.util.Optional<CrQuantity> bySymbol(String s) {
            for (CrQuantity q : values()) {
                if (q.symbol.equals(s)) {
                    return java.util.Optional.of(q);
                }
            }
            return java.util.Optional.empty();
        }
    }
}
