package org.crdl.runtime.turbulence;

/**
 * A damping rate of fast magnetosonic waves, Γ(k, cos θ) [s^-1], with k [cm^-1] the wavenumber
 * and cos θ = ξ = k_∥/k (θ the angle between k and B_0, fornieri2021 L79/L489). This is the
 * plug-in point for damping laws written in CRDL: compiled laws implement it and are called
 * inside the truncation search (fornieri2021 L109/L505: the cascade is cut where the damping
 * rate reaches the cascade rate). Implementations must be pure, thread-safe, return a finite
 * rate ≥ 0 for k &gt; 0 and 0 ≤ cos θ ≤ 1, and never NaN (a NaN, negative or infinite rate is
 * reported as a {@link org.crdl.runtime.plasma.ModelException} naming the law and the environment).
 * <p>
 * Cost model: the truncation depends on the environment only, so a law is evaluated when the
 * k_max L(ξ) table of an environment is built (a few 10⁵ calls; ×16 inside
 * {@link AngleAveragedDamping}), never per rigidity or pitch angle.
 */
@FunctionalInterface
public interface FastModeDamping {
    /** Γ(k, cos θ) [s^-1]. */
    double rate(double k, double cosTheta);

    /** A short label for reports and messages. */
    default String label() {
        return getClass().getSimpleName();
    }

    /** Attach a label to a plain lambda (for compiled laws and tests). */
    static FastModeDamping named(String label, FastModeDamping rate) {
        return new FastModeDamping() {
            @Override
            public double rate(double k, double cosTheta) {
                return rate.rate(k, cosTheta);
            }

            @Override
            public String label() {
                return label;
            }
        };
    }
}
