package org.crdl.runtime.waves;

import org.crdl.runtime.particles.Resonance;
import org.crdl.runtime.plasma.PhaseState;

/**
 * One `scattering` block of a model, compiled (generated class) or interpreted. The shape
 * follows Orekit's ForceModel: {@link #bind} precomputes everything that does not depend on
 * the wave energy e, so the root finder's calls of {@link #sourceRate} and
 * {@link #dampingRate} are a few multiplications.
 *
 * Units: e [erg cm^-3]; sourceRate [erg cm^-3 s^-1]; dampingRate [s^-1]; nu [s^-1].
 */
public interface ScatteringModel {

    /** The block's name in the model text. */
    String name();

    /** Static description: law names, kinds, nu_hat, whether ν is given directly. */
    ScatteringInfo info();

    /** Precompute the e-independent parts for one phase, resonance and CR state. */
    void bind(PhaseState phase, Resonance res, CrState cr);

    /** Σ S_i(e) [erg cm^-3 s^-1] at the bound state. */
    double sourceRate(double e);

    /** Σ Γ_j(e) [s^-1] at the bound state. */
    double dampingRate(double e);

    /**
     * Per-law values in declaration order: every source S_i(e) [erg cm^-3 s^-1], then every
     * damping Γ_j(e) [s^-1]; names in {@link ScatteringInfo#termNames()}.
     */
    double[] terms(double e);

    /** The phenomenological scattering rate ν̄_s [s^-1] at the bound state ({@code nu = …} blocks only). */
    double nu();
}
