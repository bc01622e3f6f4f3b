package org.crdl.runtime.network;

/**
 * Converts a cross section on a hydrogen target into one on a helium target:
 * σ(X + He) = ε(A_X)·σ(X + H). Used for both total inelastic and partial cross sections, because
 * the data tables (Letaw 1983, the DRAGON2/Evoli files) are given for hydrogen only.
 *
 * <p>Default ({@link #GEOMETRIC}): the Bradt–Peters overlap form
 * σ ∝ (A_P^{1/3} + A_T^{1/3} − b)² with b = 1 (Bradt &amp; Peters 1950, Phys. Rev. 77, 54), so
 * <pre>  ε(A) = [(A^{1/3} + 4^{1/3} − 1) / A^{1/3}]²  </pre>
 * giving ε = 2.52 (A = 1), 1.58 (¹²C), 1.52 (¹⁶O), 1.60 (¹¹B). This is a documented modelling
 * choice, not a fit: measured He/H ratios for C and O projectiles are somewhat larger (about 2,
 * recalled from Jaros et al. 1978 and Ferrando et al. 1988, not checked here), so with
 * y_He = 0.1 the helium share of the interaction rate may be underestimated by ~5 % of the total.
 * Models that need another choice supply their own scaling (e.g. {@link #constant}).
 */
@FunctionalInterface
public interface HeliumScaling {
    /** ε(A) = σ(A + He)/σ(A + H) for a projectile of mass number A */
    double factor(int projectileMassNumber);

    /** Bradt–Peters geometric scaling with overlap b = 1 (see the interface comment). */
    HeliumScaling GEOMETRIC = a -> {
        double a3 = Math.cbrt(a);
        double r = (a3 + Math.cbrt(4.0) - 1.0) / a3;
        return r * r;
    };

    /** the same factor for every projectile */
    static HeliumScaling constant(double epsilon) {
        return a -> epsilon;
    }
}
