package org.crdl.runtime.transport.evolve;

/**
 * Where the CR state at one rigidity ends (hopkins2022 App. A3.1, L858–L874; digest §3.1):
 * escape at ~c after the waves have gone, the over-confined bottleneck (CRs pile up until
 * streaming at v_A,eff carries the injection), or an intermediate diffusive state.
 */
public enum Attractor {
    /** CRs leave at a mean speed ≥ 0.1 v: free escape, "≲ 10^4.5 yr" residence (L860) */
    FREE_ESCAPE("free_escape"),
    /**
     * over-confined: the escaping flux is below half the injection and the CR energy grows, or streaming at
     * v_A,eff carries most of the flux in the middle of the halo, or (streaming on) CRs stay longer than streaming
     * alone at v_A,eff would keep them, (H − h)/v_A,eff (residence "~10 Gyr", independent of R, L860)
     */
    BOTTLENECK("bottleneck"),
    /** a confined diffusive state (the empirical and stable models) */
    DIFFUSIVE("diffusive");

    public final String label;

    Attractor(String label) {
        this.label = label;
    }
}
