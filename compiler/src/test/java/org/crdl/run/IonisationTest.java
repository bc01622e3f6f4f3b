package org.crdl.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.crdl.runtime.secondaries.IonisationRate;
import org.junit.jupiter.api.Test;

class IonisationTest {
    private static final double MP_GEV = 0.93827208816;

    private static Spectra of(Map<String, double[]> lis, double[] ek) {
        return new Spectra() {
            @Override
            public List<String> species() {
                return List.copyOf(lis.keySet());
            }

            @Override
            public double[] ek(String species) {
                return ek;
            }

            @Override
            public double[] lis(String species) {
                return lis.get(species);
            }
        };
    }

    /**
     * A proton LIS J = K/σ(T) [m⁻² s⁻¹ sr⁻¹ (GeV/n)⁻¹] integrates in closed form:
     * ζ = 4π · 1.5 · K·10⁻⁴ (T_high − T_low) over the grid 0.01–100 GeV/n (m⁻² → cm⁻²).
     */
    @Test
    void protonsInMetreUnitsGiveTheClosedForm() {
        int n = 161;
        double[] ek = new double[n];
        double[] j = new double[n];
        for (int i = 0; i < n; i++) {
            ek[i] = 0.01 * Math.pow(1e4, i / (n - 1.0));
            j[i] = 1.0 / IonisationRate.crossSectionCm2(1, MP_GEV, ek[i]);
        }
        IonisationRate.Result r = Ionisation.of(of(Map.of("p", j), ek));
        assertEquals(4 * Math.PI * 1.5 * 1e-4 * (100 - 0.01), r.perHydrogenAtom(), 1e-3 * r.perHydrogenAtom());
        assertEquals(0.01, r.lowestGeVPerNucleon(), 1e-12);
    }

    /** Helium with the same LIS per nucleon ionises about Z² = 4 times as much (mass per nucleon m_u ≈ m_p). */
    @Test
    void heliumCountsWithItsChargeSquared() {
        double[] ek = {0.01, 0.1, 1, 10};
        double[] j = {1e4, 1e3, 10, 0.01};
        double p = Ionisation.of(of(Map.of("p", j), ek)).perHydrogenAtom();
        double he = Ionisation.of(of(Map.of("He", j), ek)).perHydrogenAtom();
        assertEquals(4.0, he / p, 0.04);
    }
}
