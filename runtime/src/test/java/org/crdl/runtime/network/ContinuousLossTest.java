package org.crdl.runtime.network;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.crdl.runtime.units.Constants;
import org.junit.jupiter.api.Test;

class ContinuousLossTest {
    private static final double MEV = 1e6 * Constants.EV;
    private final Nuclide p = NuclideTable.builtIn().get("p");

    /** hopkins2021 digest §3.1(a) loss-time table (Z = 1). */
    @Test
    void hopkinsLossTimesMatchTable() {
        Gas ionized = new Gas(1, 0, 1);
        Gas neutral = new Gas(1, 0, 0);
        double[] t = {1, 10, 100, 1000};
        double[] coulomb = {0.102, 1.02, 10.2, 102};
        double[] ionization = {0.179, 1.79, 17.9, 179};
        for (int i = 0; i < t.length; i++) {
            double c = ContinuousLoss.HOPKINS2021.lossTime(p, t[i] * MEV, ionized) / Constants.MYR;
            double n = ContinuousLoss.HOPKINS2021.lossTime(p, t[i] * MEV, neutral) / Constants.MYR;
            assertEquals(coulomb[i], c, 0.006 * coulomb[i], "Coulomb at " + t[i] + " MeV");
            assertEquals(ionization[i], n, 0.006 * ionization[i], "ionization at " + t[i] + " MeV");
        }
    }

    /** Z² scaling, per nucleon: ¹²C at the same E_n loses 36/12 = 3 times faster per nucleon than p. */
    @Test
    void nucleiScaleWithZSquaredOverA() {
        Nuclide c = NuclideTable.builtIn().get("C");
        Gas g = new Gas(1, 0.1, 0.5);
        double e = 100 * MEV;
        assertEquals(3.0, ContinuousLoss.HOPKINS2021.dEdtPerNucleon(c, e, g) / ContinuousLoss.HOPKINS2021.dEdtPerNucleon(p, e, g),
                1e-12);
    }

    /** kempski2022 digest §5.2: τ_ion(n = 1.25, Z = 1) = 6.7e7 yr at p = 1 GeV/c and 1.3e9 yr at 10 GeV/c (eq. C2). */
    @Test
    void kempskiIonizationTimes() {
        Gas g = Gas.neutralHydrogen(1.25);
        double mp = Constants.M_P * Constants.C * Constants.C;
        for (double[] c : new double[][] {{1, 6.7e7}, {10, 1.3e9}}) {
            double pc = c[0] * 1e9 * Constants.EV;
            double t = Math.sqrt(pc * pc + mp * mp) - mp;
            double tau = ContinuousLoss.KEMPSKI2022.momentumLossTime(p, t, g) / Constants.YR;
            assertEquals(c[1], tau, 0.04 * c[1], "p = " + c[0] + " GeV/c");
        }
    }
}
