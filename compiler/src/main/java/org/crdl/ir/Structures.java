package org.crdl.ir;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crdl.diag.SourceSpan;
import org.crdl.runtime.structures.Weight;

/**
 * The checked {@code structure} declarations of a program and the scattering blocks built from
 * them (butsky2024 digest §5). Every law of a structure is a typed expression of the short axis
 * ℓ_S ({@link Symbol.Size}), the rigidity, its phase and the parameters; the checker has already
 * reduced the user's choice of abundance and internal scattering to one abundance and one
 * optical depth:
 * <pre>
 *   abundance: n_s [cm^-3] (cumulative for a range) | f_V (per e-fold for a range) | f_M ρ/ρ_s (Eq. 10)
 *   τ_s:       tau_s | ν_s ℓ_S / v (L103) | (δB/B)² (ν_s ~ (v/λ)(δB/B)² with λ ~ ℓ_S, L56, L214)
 * </pre>
 */
public record Structures(Map<String, Def> structures, Map<String, Block> blocks) {

    public Structures {
        structures = new LinkedHashMap<>(structures);
        blocks = new LinkedHashMap<>(blocks);
    }

    public static Structures none() {
        return new Structures(Map.of(), Map.of());
    }

    /**
     * One population. {@code sizeMin}/{@code sizeMax} do not read ℓ_S (both are ℓ_S's value for a
     * single size); {@code longAxis}, {@code abundance}, {@code opticalDepth} and {@code densityRatio}
     * (ρ_s/ρ_ISM) may.
     */
    public record Def(String name, int dimensionality, String phase, boolean range, Node sizeMin, Node sizeMax,
                      Node longAxis, boolean filling, Node abundance, Node opticalDepth, Optional<Node> densityRatio,
                      Optional<Node> scaleHeight, Optional<String> background, SourceSpan nameSpan, SourceSpan span) {
    }

    /** A scattering block of structures, with its background block, weight w(τ) and trapping-delay switch. */
    public record Block(String name, List<String> structures, Optional<String> background, Weight weight,
                        boolean trappingDelay, double residenceTime, SourceSpan nameSpan, SourceSpan span) {
        public Block {
            structures = List.copyOf(structures);
        }
    }
}
