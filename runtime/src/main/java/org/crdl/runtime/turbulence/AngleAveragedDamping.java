package org.crdl.runtime.turbulence;

import org.crdl.runtime.numerics.GaussLegendre;

/**
 * Averages a damping rate over the wave angles θ' ∈ (θ − δθ, θ + δθ) swept by field-line
 * wandering during one cascade time (kempski2022 App. A, L230–L234, and digest §3.4):
 * <pre>
 *   δθ = δB/B ~ [cos θ/(M_A² (kL)^{1/2}) + (sin θ/(M_A² (kL)^{1/2}))^{2/3}]^{1/2}   kempski2022 (A7)
 *   Γ̄(k, θ) = (1/2δθ) ∫_{θ−δθ}^{θ+δθ} Γ(k, θ') dθ'
 * </pre>
 * Angles outside [0, π/2] are folded back (Γ depends on θ through sin²θ and |cos θ|);
 * δθ is capped at π/2. The average uses 16-point Gauss–Legendre.
 */
public final class AngleAveragedDamping implements FastModeDamping {
    private final FastModeDamping inner;
    private final double injectionScale;
    private final double machAlfven;
    private static final GaussLegendre RULE = GaussLegendre.of(16);

    public AngleAveragedDamping(FastModeDamping inner, double injectionScale, double machAlfven) {
        this.inner = inner;
        this.injectionScale = injectionScale;
        this.machAlfven = machAlfven;
    }

    /** δθ(k, θ) [rad] from kempski2022 (A7), capped at π/2. */
    public double wanderingAngle(double k, double theta) {
        double q = machAlfven * machAlfven * Math.sqrt(k * injectionScale);
        double v = Math.abs(Math.cos(theta)) / q + Math.pow(Math.abs(Math.sin(theta)) / q, 2.0 / 3.0);
        return Math.min(Math.sqrt(v), 0.5 * Math.PI);
    }

    @Override
    public double rate(double k, double cosTheta) {
        double theta = Math.acos(Math.max(-1.0, Math.min(1.0, Math.abs(cosTheta))));
        double d = wanderingAngle(k, theta);
        double sum = 0;
        for (int i = 0; i < RULE.size(); i++) {
            double t = theta + d * RULE.nodes[i];
            double tf = Math.abs(t);
            if (tf > 0.5 * Math.PI) {
                tf = Math.PI - tf;
            }
            sum += RULE.weights[i] * inner.rate(k, Math.cos(tf));
        }
        return 0.5 * sum;
    }

    @Override
    public String label() {
        return "angle-averaged(" + inner.label() + ")";
    }
}
