package org.crdl.runtime.plasma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.crdl.runtime.particles.Resonance;
import org.crdl.runtime.particles.Species;
import org.crdl.runtime.units.Constants;
import org.junit.jupiter.api.Test;

/** Derived plasma quantities against the digests' checkpoints. */
class PlasmaQuantityTest {

    private static PhaseState phase(double n, double t, double bMicroGauss, double fIon) {
        return new PhaseState("test", Map.of("n", n, "T", t, "B", bMicroGauss * 1e-6, "f_ion", fIon));
    }

    @Test
    void idealAlfvenSpeedAndMagneticEnergyDensity() {
        // hopkins2022 digest §2.1: v_A,ideal = 2.18 km/s B_uG (n/cm^-3)^(-1/2); e_B(1 uG) = 3.98e-14 erg cm^-3
        PhaseState s = phase(1, 1e4, 1, 1);
        assertEquals(2.18e5, PlasmaQuantity.V_A_IDEAL.of(s, null), 0.005e5);
        assertEquals(3.98e-14, PlasmaQuantity.E_B.of(s, null), 0.005e-14);
    }

    @Test
    void kempskiSectionFourPhases() {
        // kempski2022 digest §4 derived table: warm (6 uG, 0.2, 1e4 K) v_A = 29.3 km/s, beta = 0.193;
        // hot (1 uG, 0.003, 3e6 K) v_A = 39.8 km/s, beta = 31.2 (L326: "beta ~ 0.2 ... beta ~ 30")
        PhaseState warm = phase(0.2, 1e4, 6, 1);
        PhaseState hot = phase(0.003, 3e6, 1, 1);
        assertEquals(29.3e5, PlasmaQuantity.V_A_IDEAL.of(warm, null), 0.05e5);
        assertEquals(39.8e5, PlasmaQuantity.V_A_IDEAL.of(hot, null), 0.05e5);
        assertEquals(0.193, PlasmaQuantity.BETA_PLASMA.of(warm, null), 0.001);
        assertEquals(31.2, PlasmaQuantity.BETA_PLASMA.of(hot, null), 0.1);
    }

    @Test
    void effectiveAlfvenSpeedLimitsOfEquationFive() {
        // hopkins2022 eq. 5 limits (L147, digest C7): nu_in << k v_A gives v_A,ion; nu_in >> k v_A gives v_A,ideal;
        // f_ion = 1 gives v_A,ideal
        PhaseState partly = phase(1, 1e4, 1, 0.5);
        Resonance lowR = Resonance.atGV(Species.proton(), 1e-3, 1e-6);   // large k: omega >> nu_in
        Resonance highR = Resonance.atGV(Species.proton(), 1e9, 1e-6);   // tiny k: omega << nu_in
        assertEquals(PlasmaQuantity.V_A_ION.of(partly, null), PlasmaQuantity.V_A_EFF.of(partly, lowR),
                1e-3 * PlasmaQuantity.V_A_ION.of(partly, null));
        assertEquals(PlasmaQuantity.V_A_IDEAL.of(partly, null), PlasmaQuantity.V_A_EFF.of(partly, highR),
                1e-3 * PlasmaQuantity.V_A_IDEAL.of(partly, null));
        PhaseState ionized = phase(1, 1e4, 1, 1);
        assertEquals(PlasmaQuantity.V_A_IDEAL.of(ionized, null), PlasmaQuantity.V_A_EFF.of(ionized, lowR), 0);
    }

    @Test
    void effectiveAlfvenSlopeMatchesAFiniteDifference() {
        PhaseState s = phase(1, 1e4, 1, 0.3);
        for (double gv : new double[] {1e-2, 1, 1e2, 1e4}) {
            double h = 1e-5;
            double up = PlasmaQuantity.V_A_EFF.of(s, Resonance.atGV(Species.proton(), gv * Math.exp(-h), 1e-6));
            double down = PlasmaQuantity.V_A_EFF.of(s, Resonance.atGV(Species.proton(), gv * Math.exp(h), 1e-6));
            double numeric = (Math.log(up) - Math.log(down)) / (2 * h);  // k ∝ 1/R
            double analytic = PlasmaQuantity.V_A_EFF.logSlopeKPar(s, Resonance.atGV(Species.proton(), gv, 1e-6));
            assertEquals(numeric, analytic, 1e-6, "at " + gv + " GV");
        }
    }

    @Test
    void ionNeutralCollisionFrequencyReproducesTheEquationFiveCoefficient() {
        // hopkins2022 L145: psi~_in = 0.01 (1 - f_ion) rho_-24^(3/2) R_GV T_1000^(1/2) B_uG^-2 (k r_g)^-1
        PhaseState s = new PhaseState("t", Map.of("n", 1.0, "rho", 1e-24, "T", 1000.0, "B", 1e-6, "f_ion", 0.5));
        Resonance r = Resonance.atGV(Species.proton(), 1, 1e-6);
        double psiIn = PlasmaQuantity.NU_IN.of(s, r) / (r.kPar() * PlasmaQuantity.V_A_IDEAL.of(s, r));
        assertEquals(0.01 * 0.5, psiIn, 1e-12);
    }

    @Test
    void aFieldOverridesTheDerivedQuantityEverywhere() {
        PhaseState s = new PhaseState("t", Map.of("n", 1.0, "T", 1e4, "B", 1e-6, "c_s", 1e6));
        assertEquals(1e6, PlasmaQuantity.C_S.of(s, null), 0);
        PhaseState r = new PhaseState("t", Map.of("n", 1.0, "B", 1e-6, "rho", 1.4 * Constants.M_P));
        assertEquals(1e-6 / Math.sqrt(4 * Math.PI * 1.4 * Constants.M_P), PlasmaQuantity.V_A_IDEAL.of(r, null), 1e-3);
    }

    @Test
    void missingFieldsAndNeutralGasAreClearErrors() {
        PhaseState noB = new PhaseState("cold", Map.of("n", 1.0));
        ModelException e = assertThrows(ModelException.class, () -> PlasmaQuantity.E_B.of(noB, null));
        assertEquals("phase cold does not define the field 'B'", e.getMessage());
        PhaseState neutral = phase(1, 100, 1, 0);
        assertThrows(ModelException.class, () -> PlasmaQuantity.V_A_ION.of(neutral, null));
    }
}
