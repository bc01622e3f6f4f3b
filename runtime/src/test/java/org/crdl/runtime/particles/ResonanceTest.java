package org.crdl.runtime.particles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.crdl.runtime.plasma.ModelException;
import org.crdl.runtime.units.Constants;
import org.junit.jupiter.api.Test;

/** Gyroresonance kinematics against the conventions of DESIGN §7 and hopkins2022 digest §2.1. */
class ResonanceTest {

    @Test
    void gyroradiusAtOneGigavoltAndOneMicrogauss() {
        // DESIGN §7, hopkins2022 digest §2.1: r_g = 3.336e12 cm R_GV / B_uG
        Resonance r = Resonance.atGV(Species.proton(), 1.0, 1e-6);
        assertEquals(3.336e12, r.gyroradius(), 0.001e12);
        assertEquals(1 / r.gyroradius(), r.kPar(), 1e-15 * r.kPar());
    }

    @Test
    void protonKinematicsAtOneGigavolt() {
        // pc = 1 GeV for a proton at 1 GV; beta = 1/sqrt(1 + (m_p c^2 / 1 GeV)^2) = 0.7292 (hopkins2021 digest §5 table)
        Resonance r = Resonance.atGV(Species.proton(), 1.0, 1e-6);
        double mc2GeV = Constants.M_P * Constants.C * Constants.C / (1e9 * Constants.EV);
        assertEquals(0.938272, mc2GeV, 1e-6);
        assertEquals(1.0 / Math.sqrt(1 + mc2GeV * mc2GeV), r.beta(), 1e-12);
        assertEquals(0.729, r.beta(), 0.001);
        assertEquals(Math.sqrt(1 + mc2GeV * mc2GeV) - mc2GeV, r.kineticEnergy() / (1e9 * Constants.EV), 1e-9);
        assertEquals(r.speed() / r.gyroradius(), r.gyrofrequency(), 0);
    }

    @Test
    void kinematicsRoundTripThroughKineticEnergyPerNucleon() {
        for (String name : new String[] {"p", "He", "C", "B10", "Be10"}) {
            Species s = Species.byName(name).orElseThrow();
            for (double gv : new double[] {1e-3, 0.3, 1, 30, 1e4}) {
                double r = gv * Constants.GV;
                double ek = Kinematics.ekPerNucleonFromRigidity(s, r);
                assertEquals(r, Kinematics.rigidityFromEkPerNucleon(s, ek), 1e-10 * r, name + " at " + gv + " GV");
            }
        }
    }

    @Test
    void noFieldMeansNoGyroresonance() {
        Resonance r = Resonance.atGV(Species.proton(), 1.0, 0.0);
        ModelException e = assertThrows(ModelException.class, r::gyroradius);
        assertEquals(true, e.getMessage().contains("B = 0.0"));
        assertThrows(IllegalArgumentException.class, () -> Resonance.atGV(Species.proton(), -1, 1e-6));
    }
}
