package org.crdl.runtime.structures;

import org.crdl.runtime.particles.Resonance;
import org.crdl.runtime.plasma.PhaseState;

/**
 * One population of patchy scatterers, compiled from a {@code structure} declaration (or
 * interpreted). {@link #bind} evaluates everything that does not depend on the size ℓ_S for one
 * phase state and rigidity; the per-size methods are then called by the size integral.
 * All values are cgs.
 */
public interface Structure {

    /** Static description: name, dimensionality 𝒟, range or single size, abundance form. */
    StructureInfo info();

    /** Precompute the ℓ_S-independent parts in the structure's phase at one rigidity. */
    void bind(PhaseState phase, Resonance res);

    /** Smallest short axis ℓ_min [cm] (ℓ_S itself for a single-size population). */
    double sizeMin();

    /** Largest short axis ℓ_max [cm] (ℓ_S itself for a single-size population). */
    double sizeMax();

    /** Long axis ℓ_L(ℓ_S) [cm]. */
    double longAxis(double ellS);

    /**
     * The abundance at ℓ_S: for {@link StructureInfo.Abundance#NUMBER} the number density [cm^-3]
     * (cumulative n_s(&gt;ℓ_S) for a range), for {@link StructureInfo.Abundance#FILLING} the
     * volume-filling fraction (per e-fold of ℓ_S for a range).
     */
    double abundance(double ellS);

    /** Scattering optical depth τ_s(ℓ_S, R) of one structure (dimensionless). */
    double opticalDepth(double ellS);

    /** ρ_s/ρ_ISM at ℓ_S, or NaN when the declaration gives no internal density. */
    double densityRatio(double ellS);

    /** Vertical scale height [cm], or NaN when not given. */
    double scaleHeight();
}
