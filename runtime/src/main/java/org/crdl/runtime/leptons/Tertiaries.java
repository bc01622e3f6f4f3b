package org.crdl.runtime.leptons;

import org.crdl.runtime.network.Gas;
import org.crdl.runtime.transport.EnergyGrid;

/**
 * Tertiary antiprotons: a non-annihilating inelastic collision takes a p̄ from T to a T' spread uniformly over
 * (0, T) ({@link org.crdl.runtime.secondaries.AntiprotonCrossSection#tertiaryDSigmaDTMbPerGeV}), so the source at T' is
 * <pre>  q_ter(T') = ∫_{T'}^∞ Γ_non-ann(T) N(T) / T dT  </pre>
 * with Γ_non-ann = n_H v σ_non-ann (1 + y_He 4^0.8) ({@link Destruction#antiprotonCollisionRate}) — the same
 * collisions that {@link Destruction} removes at T, so the number of p̄ is conserved by scattering. On the grid the
 * integral is the sum over the cells above T' plus half of the cell holding T' (midpoint rule in each cell).
 */
public final class Tertiaries {
    private Tertiaries() {
    }

    /**
     * @param density p̄ density per cell [cm⁻³ erg⁻¹] in {@code gas}
     * @return the tertiary source per cell [cm⁻³ s⁻¹ erg⁻¹]
     */
    public static double[] source(EnergyGrid grid, double[] density, Gas gas) {
        int n = grid.size();
        double[] out = new double[n];
        double above = 0;
        for (int k = n - 1; k >= 0; k--) {
            double t = grid.ekErg(k);
            double cell = Destruction.antiprotonCollisionRate(t, gas, false) * density[k] / t * grid.widthErg(k);
            out[k] = above + 0.5 * cell;
            above += cell;
        }
        return out;
    }
}
