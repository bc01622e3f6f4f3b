package org.crdl.runtime.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;
import org.crdl.runtime.particles.Species;
import org.crdl.runtime.plasma.ModelException;
import org.crdl.runtime.units.Constants;
import org.junit.jupiter.api.Test;

class SourceTest {
    private static final double GEV = 1e9 * Constants.EV;

    static Source kempskiProtons() {
        return Source.builder().eventRate(1 / (100 * Constants.YR)).energyPerEvent(1e50).diskRadius(10 * Constants.KPC)
                .spectrum(InjectionSpectrum.powerLaw(4.3)).abundance("p", 1).build();
    }

    /** kempski2022 digest §3.3 step 1 [re-impl]: Q(p) = 4.94e35 (p/GeV c⁻¹)^−4.3 per side (1 SN/century, 1e50 erg, π(10 kpc)²). */
    @Test
    void kempskiNormalization() {
        Source s = kempskiProtons();
        Species p = Species.proton();
        double p1 = GEV / Constants.C;
        assertEquals(4.94e35, s.phaseSpaceRatePerSide(p, p1), 0.005 * 4.94e35);
        assertEquals(Math.pow(10, -4.3), s.phaseSpaceRatePerSide(p, 10 * p1) / s.phaseSpaceRatePerSide(p, p1), 1e-12);
    }

    /** Σ_i ∫ dE_n A_i E_n dN_i/dE_n = ν E / A_disk, computed independently in kinetic energy per nucleon. */
    @Test
    void injectedPowerEqualsEventRateTimesEnergy() {
        Source s = Source.builder().eventRate(3e-10).energyPerEvent(1e50).diskArea(1e45)
                .spectrum(InjectionSpectrum.powerLaw(4.4).withBreak(300, 4.6)) // steep tail: the test integrates to 1e12 GeV/n only
                .spectrum("C", InjectionSpectrum.powerLaw(4.3).in(InjectionSpectrum.Variable.MOMENTUM_PER_NUCLEON))
                .abundance("p", 1).abundance("He", 0.08).abundance("C", 0.003).build();
        IterativeLegendreGaussIntegrator gl = new IterativeLegendreGaussIntegrator(8, 1e-10, 1e-14);
        double total = 0;
        for (String name : new String[] {"p", "He", "C"}) {
            Species sp = Species.byName(name).orElseThrow();
            int a = Math.max(1, sp.massNumber());
            for (int d = -12; d < 12; d++) {
                double lo = Math.log(Math.pow(10, d) * GEV);
                double hi = Math.log(Math.pow(10, d + 1) * GEV);
                total += gl.integrate(1_000_000, u -> {
                    double e = Math.exp(u);
                    return e * a * e * s.ratePerEnergy(sp, e);
                }, lo, hi);
            }
        }
        assertEquals(s.powerPerArea(), total, 2e-4 * s.powerPerArea());
    }

    @Test
    void abundancesAreRatiosAtEqualX() {
        Source s = Source.builder().eventRate(1).energyPerEvent(1).diskArea(1).spectrum(InjectionSpectrum.powerLaw(4.3))
                .abundance("p", 1).abundance("C", 0.003).build();
        double r = 7 * Constants.GV;
        assertEquals(0.003, s.ratePerRigidity(Species.byName("C").orElseThrow(), r) / s.ratePerRigidity(Species.proton(), r),
                1e-12);
        // per nucleon: C and O have the same mass per nucleon (A m_u), so equal E_n means equal p/A
        Source t = Source.builder().eventRate(1).energyPerEvent(1).diskArea(1)
                .spectrum(InjectionSpectrum.powerLaw(4.3).in(InjectionSpectrum.Variable.MOMENTUM_PER_NUCLEON))
                .abundance("C", 1).abundance("O", 1.3).build();
        double e = 3 * GEV;
        assertEquals(1.3, t.ratePerEnergy(Species.byName("O").orElseThrow(), e)
                / t.ratePerEnergy(Species.byName("C").orElseThrow(), e), 1e-12);
    }

    @Test
    void brokenPowerLawIsContinuous() {
        InjectionSpectrum s = InjectionSpectrum.powerLaw(4.4).withBreak(300, 4.1).withBreak(3000, 4.5);
        for (double b : new double[] {300, 3000}) {
            assertEquals(s.shape(b * (1 - 1e-12)), s.shape(b), 1e-9 * s.shape(b));
        }
        assertEquals(Math.pow(300, -4.4) * Math.pow(1000 / 300.0, -4.1), s.shape(1000), 1e-12 * s.shape(1000));
    }

    @Test
    void divergentEnergyIsReported() {
        ModelException e = assertThrows(ModelException.class, () -> Source.builder().eventRate(1).energyPerEvent(1).diskArea(1)
                .spectrum(InjectionSpectrum.powerLaw(3.9)).abundance("p", 1).build());
        assertEquals(true, e.getMessage().contains("diverges"), e.getMessage());
        // a finite range makes it well defined
        Source.builder().eventRate(1).energyPerEvent(1).diskArea(1).spectrum(InjectionSpectrum.powerLaw(3.9))
                .abundance("p", 1).range(0.1, 1e6).build();
    }
}
