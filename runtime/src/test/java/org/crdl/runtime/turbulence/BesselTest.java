package org.crdl.runtime.turbulence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.math3.special.BesselJ;
import org.junit.jupiter.api.Test;

/** J_0, J_1, J_1' against Commons Math's independent BesselJ (fornieri2021 L536: J_n' = (J_{n−1} − J_{n+1})/2). */
class BesselTest {
    @Test
    void matchesCommonsMathOnBothBranchesAndTheSwitch() {
        double[] zs = {1e-8, 1e-3, 0.1, 0.5, 1, 2.404825557695773, 3.8317, 5, 7.5, 10, 13.9, 14.0, 14.1, 20, 37.3, 80,
            150, 999.5};
        for (double z : zs) {
            assertEquals(BesselJ.value(0, z), Bessel.j0(z), 1e-11, "J0(" + z + ")");
            assertEquals(BesselJ.value(1, z), Bessel.j1(z), 1e-11, "J1(" + z + ")");
            double jPrime = 0.5 * (BesselJ.value(0, z) - BesselJ.value(2, z));
            assertEquals(jPrime, Bessel.j1Prime(z), 1e-10, "J1'(" + z + ")");
        }
    }

    @Test
    void denseScanAgreesTo1e11() {
        for (int i = 1; i < 4000; i++) {
            double z = i * 0.01 + 0.003 * Math.sin(i);
            assertEquals(BesselJ.value(1, z), Bessel.j1(z), 1e-11, "J1(" + z + ")");
        }
    }

    @Test
    void oddAndEvenSymmetry() {
        assertEquals(Bessel.j0(3.3), Bessel.j0(-3.3), 0.0);
        assertEquals(-Bessel.j1(17.2), Bessel.j1(-17.2), 0.0);
        assertEquals(0.5, Bessel.j1Prime(0.0), 0.0);
    }
}
