package org.crdl.runtime.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.crdl.runtime.particles.Species;
import org.junit.jupiter.api.Test;

class ForceFieldTest {
    private static final double MP = 0.93827208816; // GeV
    private static final double MU = 0.93149410242; // GeV

    private static double lis(double e) {
        return Math.pow(e, 1.5) * Math.pow(1 + e, -4.2); // smooth, peaked near 0.5 GeV/n
    }

    private static double[] grid(int n) {
        double[] e = new double[n];
        for (int k = 0; k < n; k++) {
            e[k] = 1e-3 * Math.pow(10, 7.0 * k / (n - 1));
        }
        return e;
    }

    @Test
    void zeroPotentialIsIdentity() {
        double[] e = grid(50);
        double[] j = new double[e.length];
        for (int k = 0; k < e.length; k++) {
            j[k] = lis(e[k]);
        }
        assertArrayEquals(j, ForceField.modulate(Species.proton(), 0, e, j), 1e-15);
    }

    /** Gleeson–Axford per nucleon, computed here from the definition with Φ_n = (Z/A)φ. */
    @Test
    void matchesForceFieldFormula() {
        double[] e = grid(281); // 40 points per decade
        double[] j = new double[e.length];
        for (int k = 0; k < e.length; k++) {
            j[k] = lis(e[k]);
        }
        double phi = 0.6;
        Species he = Species.byName("He").orElseThrow();
        double[] toaP = ForceField.modulate(Species.proton(), phi, e, j);
        double[] toaHe = ForceField.modulate(he, phi, e, j);
        for (int k = 0; k < e.length - 10; k++) {
            double es = e[k] + phi;
            double exp = lis(es) * e[k] * (e[k] + 2 * MP) / (es * (es + 2 * MP));
            assertEquals(exp, toaP[k], 2e-3 * exp, "p at " + e[k]);
            double esHe = e[k] + phi / 2; // Z/A = 1/2
            double expHe = lis(esHe) * e[k] * (e[k] + 2 * MU) / (esHe * (esHe + 2 * MU));
            assertEquals(expHe, toaHe[k], 2e-3 * expHe, "He at " + e[k]);
        }
    }

    @Test
    void limits() {
        double phi = 0.5;
        // far above Φ the flux is unchanged: 1 − J_TOA/J_LIS ≈ (γ_LIS + …)Φ/E small
        double f = ForceField.momentumFactor(Species.proton(), phi, 1000) * lis(1000.5) / lis(1000);
        assertTrue(Math.abs(1 - f) < 3e-3, "1 TeV ratio " + f);
        // far below Φ: J_TOA ∝ p² ∝ E (non-relativistic), since J_LIS(E + Φ) is nearly constant
        double r = ForceField.momentumFactor(Species.proton(), phi, 2e-3) / ForceField.momentumFactor(Species.proton(), phi, 1e-3);
        assertEquals(2.0, r, 0.01);
        assertEquals(0.25, ForceField.shiftGeVPerNucleon(Species.byName("O").orElseThrow(), 0.5), 1e-15);
    }
}
