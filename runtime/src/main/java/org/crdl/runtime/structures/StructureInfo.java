package org.crdl.runtime.structures;

/**
 * What a {@code structure} declaration says about its population, apart from the laws.
 *
 * @param name           the declaration's name
 * @param dimensionality 𝒟: 0 point-like, 1 filament, 2 sheet (butsky2024 L87); A_s = ℓ_L^𝒟 ℓ_S^(2−𝒟)
 * @param range          true when ℓ_S runs over [ℓ_min, ℓ_max] (a size distribution), false for one size
 * @param abundance      how {@link Structure#abundance} is to be read
 * @param hasDensity     true when ρ_s is given (f_M can be reported)
 * @param phase          the background phase the structures sit in
 */
public record StructureInfo(String name, int dimensionality, boolean range, Abundance abundance, boolean hasDensity,
                            String phase) {

    /** The abundance forms of digest §5.1 item 2 (a mass fraction is converted to a filling by the compiler). */
    public enum Abundance {
        /** n_s [cm^-3]: cumulative n_s(&gt;ℓ_S) for a range, the number density for one size */
        NUMBER,
        /** f_V: per e-fold of ℓ_S (dF_V/d ln ℓ_S) for a range, the filling fraction for one size */
        FILLING
    }

    public StructureInfo {
        if (dimensionality < 0 || dimensionality > 2) {
            throw new IllegalArgumentException("dimensionality must be 0, 1 or 2, got " + dimensionality);
        }
    }

    /** Array-free factory for generated code. */
    public static StructureInfo of(String name, int dimensionality, boolean range, boolean filling, boolean hasDensity,
                                   String phase) {
        return new StructureInfo(name, dimensionality, range, filling ? Abundance.FILLING : Abundance.NUMBER, hasDensity,
                phase);
    }

    /** Cross-section A_s = ℓ_L^𝒟 ℓ_S^(2−𝒟) [cm^2] (L87). */
    public double crossSection(double ellS, double ellL) {
        return switch (dimensionality) {
            case 0 -> ellS * ellS;
            case 1 -> ellL * ellS;
            default -> ellL * ellL;
        };
    }
}
