package org.crdl.runtime.turbulence;

/**
 * Resolution of the nested μ, ξ, x integrals. Level ℓ uses (2 + ℓ)/2 times the node counts below
 * (×1, ×1.5, ×2, …); a result is computed at levels 0 and 1 (and further until the relative change of the total
 * D_xx is ≤ tolerance or maxLevel is reached) and reports the finer value with
 * |D_ℓ − D_{ℓ−1}|/D_ℓ as its estimated relative error (a conservative estimate: it is the error
 * of the coarser level).
 *
 * @param muNodes         Gauss–Legendre nodes in φ (μ = sin φ) at level 0
 * @param xiNodesPerPanel Gauss–Legendre nodes per ξ panel at level 0
 * @param xNodesPerPanel  Gauss–Legendre nodes per ln x panel at level 0
 * @param xiPanelWidth    largest ξ panel (panels also end at truncation breakpoints)
 * @param tolerance       target relative error of the total D_xx
 * @param maxLevel        finest level allowed (≥ 1)
 */
public record QuadratureSettings(int muNodes, int xiNodesPerPanel, int xNodesPerPanel, double xiPanelWidth,
                                 double tolerance, int maxLevel) {
    public QuadratureSettings {
        if (muNodes < 2 || xiNodesPerPanel < 2 || xNodesPerPanel < 2 || !(xiPanelWidth > 0) || xiPanelWidth > 1
                || !(tolerance > 0) || maxLevel < 1 || maxLevel > 5) {
            throw new IllegalArgumentException("invalid quadrature settings: node counts >= 2, 0 < xi panel <= 1, "
                    + "tolerance > 0, 1 <= maxLevel <= 5");
        }
    }

    /**
     * Production settings: level 0 has 12 μ nodes, 6 nodes per ξ panel (width ≤ 0.25) and 6 per ln x
     * panel; level 1 has 18, 9 and 9; tolerance 1e-3 on the total D_xx, up to level 3. Against a
     * 2×-finer reference the true error stayed ≤ 2.3e-4 and below the reported estimate on the
     * fornieri2021 and kempski2022 curves.
     */
    public static QuadratureSettings standard() {
        return new QuadratureSettings(12, 6, 6, 0.25, 1e-3, 3);
    }

    /** Coarser settings for unit tests: 8 / 4 / 4 nodes at level 0, still convergence-checked, tolerance 1 %. */
    public static QuadratureSettings coarse() {
        return new QuadratureSettings(8, 4, 4, 0.25, 1e-2, 2);
    }
}
