package org.crdl.runtime.turbulence;

import org.crdl.runtime.plasma.PhaseState;

/**
 * A fast-mode damping law written in CRDL ({@code damping name = … k … cos_theta …}), compiled
 * or interpreted: bound once to the environment's phase, then evaluated as Γ(k, cos θ) [s^-1]
 * inside the truncation search. {@link #asFastModeDamping} adapts it to the runtime's
 * {@link FastModeDamping}.
 */
public interface DampingLaw {

    /** The law's name in the model text. */
    String name();

    /** Precompute the parts that depend only on the phase. */
    void bind(PhaseState phase);

    /** Γ(k, cos θ) [s^-1] for wavenumber k [cm^-1]. */
    double rate(double k, double cosTheta);

    /** This law bound to {@code phase}, as a FastModeDamping (one bound instance per environment). */
    default FastModeDamping asFastModeDamping(PhaseState phase) {
        bind(phase);
        return FastModeDamping.named(name(), this::rate);
    }
}
