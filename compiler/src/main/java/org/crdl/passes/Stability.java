package org.crdl.passes;

import java.util.List;

/**
 * The stability class of a scattering block under CR feedback, from its laws' Table-2 exponents,
 * following the hopkins2022 App. A table (digest §3.1 "Stable/unstable classification", L828–L888),
 * and the {@code crdl evolve} classification each class predicts.
 */
public enum Stability {
    /** ζ_cr = ξ_cr = 0 (phenomenological, ET, new sources): a unique steady state from any start (L397) */
    STABLE("stable", "converged", "zeta_cr = xi_cr = 0: unique steady state, independent of the start (L397)"),
    /** ζ_cr = 1 with a ξ_cr = 1 damping: e'_cr cancels (L495) */
    STABLE_NEW_DAMPING("stable", "converged", "zeta_cr = 1 cancelled by a xi_cr = 1 damping: stable, independent of the start (L495)"),
    /** standard SC with linear damping: two attractors (App. A3.1, L858–L874) */
    BISTABLE("bistable", "bistable", "zeta_cr = 1 with linear damping: no intermediate steady state; "
            + "low starts collapse to free escape, high starts to the bottleneck (App. A3.1, L858-L874)"),
    /** SC with only non-linear (NLL) damping: formal steady state at unphysical e', collapse to the bottleneck (A3.2) */
    BOTTLENECK("bottleneck", "no_steady_state", "zeta_cr = 1 with only non-linear damping: formal steady state at "
            + "unphysical e'_cr, collapses to the bottleneck (App. A3.2, L878-L886)"),
    /** SC plus an external (ζ_A = 0, shallow ζ_k) floor: no free-escape collapse (L554) */
    FLOOR("floor", "converged|bistable", "zeta_cr = 1 plus an external driving floor: no free-escape collapse; high "
            + "starts can still reach the bottleneck unless S_sc is reduced by 10-100 (L554)"),
    /** a damping steeper than NLL in e (ξ_A > 1): formal steady states (L313) */
    STEEP_DAMPING("steady_states", "converged", "a damping with xi_A > 1 formally admits steady states (L313)");

    public final String label;
    /** the {@code crdl evolve} classification(s) this class predicts, "|"-separated */
    public final String predicted;
    public final String reason;

    Stability(String label, String predicted, String reason) {
        this.label = label;
        this.predicted = predicted;
        this.reason = reason;
    }

    /** whether a {@code crdl evolve} classification label agrees with this class's prediction */
    public boolean allows(String classification) {
        return List.of(predicted.split("\\|")).contains(classification);
    }

    /** One law's exponents (ζ or ξ): k_par, wave energy, CR energy. */
    public record Exponents(double k, double wave, double cr) {
    }

    /**
     * The class of a block with these source and damping exponents. An "external floor" is a source
     * with ζ_cr = ζ_A = 0 and ζ_k > −0.35 (S_new,ext, Table 2 L105: −0.25…−0.1); the anisotropic ET
     * cascade (ζ_k ≲ −1 + ξ_k^turb, L103: −0.5 + 1/ln(k_∥ℓ_A) ≈ −0.44 at 1 GV) is not one: the reference
     * model stays bistable.
     */
    public static Stability of(List<Exponents> sources, List<Exponents> dampings) {
        boolean sc = sources.stream().anyMatch(s -> Math.abs(s.cr() - 1) < 0.1);
        if (!sc) {
            return STABLE;
        }
        if (dampings.stream().anyMatch(d -> Math.abs(d.cr() - 1) < 0.1)) {
            return STABLE_NEW_DAMPING;
        }
        if (sources.stream().anyMatch(s -> Math.abs(s.cr()) < 0.1 && Math.abs(s.wave()) < 0.1 && s.k() > -0.35)) {
            return FLOOR;
        }
        if (dampings.stream().anyMatch(d -> d.wave() > 1.1)) {
            return STEEP_DAMPING;
        }
        if (!dampings.isEmpty() && dampings.stream().allMatch(d -> d.wave() > 0.9)) {
            return BOTTLENECK;
        }
        return BISTABLE;
    }
}
