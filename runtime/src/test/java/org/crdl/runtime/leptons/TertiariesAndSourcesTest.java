package org.crdl.runtime.leptons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;
import org.crdl.runtime.network.Gas;
import org.crdl.runtime.particles.Kinematics;
import org.crdl.runtime.particles.Species;
import org.crdl.runtime.plasma.ModelException;
import org.crdl.runtime.transport.EnergyGrid;
import org.crdl.runtime.transport.InjectionSpectrum;
import org.crdl.runtime.transport.Source;
import org.crdl.runtime.units.Constants;
import org.junit.jupiter.api.Test;

/** Tertiary p̄ and the primary-electron normalisation: conservation laws, not values of the code. */
class TertiariesAndSourcesTest {

    /**
     * Scattering conserves antiprotons: Σ q_ter ΔT equals Σ Γ_non-ann N ΔT (every non-annihilating collision puts the
     * p̄ back below its energy), to the midpoint rule's accuracy. For N ∝ T^−2.8 on 20 points per decade, the lowest
     * cell misses only the p̄ scattered below the grid (T' &lt; T_min: a fraction T_min/T of each, ≲ 10⁻³ here).
     */
    @Test
    void tertiariesConserveTheNumberOfAntiprotons() {
        EnergyGrid grid = EnergyGrid.perDecade(1e-3, 1e3, 20);
        Gas gas = new Gas(1, 0.1, 0.1);
        double[] n = new double[grid.size()];
        for (int k = 0; k < n.length; k++) {
            double t = grid.ekGeV(k);
            n[k] = t * t / (1 + Math.pow(t, 4.8)); // ∝ T² below 1 GeV, T^−2.8 above: nothing scatters below the grid
        }
        double[] q = Tertiaries.source(grid, n, gas);
        double gain = 0;
        double loss = 0;
        for (int k = 0; k < n.length; k++) {
            gain += q[k] * grid.widthErg(k);
            loss += Destruction.antiprotonCollisionRate(grid.ekErg(k), gas, false) * n[k] * grid.widthErg(k);
        }
        assertEquals(1, gain / loss, 0.02);
        // and the source is flat below the lowest populated energies (dσ/dT' = σ/T for T' < T)
        assertEquals(q[0], q[1], 1e-3 * q[0]);
    }

    /** An electron energy fraction f: the electrons carry f of ν E/A, the nuclei 1 − f (hopkins2021 L907–912). */
    @Test
    void energyFractionSplitsThePower() {
        double rate = 1 / (50 * Constants.YR);
        double energy = 1e50;
        Source s = Source.builder().eventRate(rate).energyPerEvent(energy).diskRadius(15 * Constants.KPC)
                .spectrum(InjectionSpectrum.powerLaw(4.2)).abundance("p", 1)
                .spectrum(Species.ELECTRON, InjectionSpectrum.powerLaw(4.4)).energyFraction(Species.ELECTRON, 0.02).build();
        double power = rate * energy / (Math.PI * Math.pow(15 * Constants.KPC, 2));
        assertEquals(0.02, injectedPower(s, Species.ELECTRON, 4.4) / power, 2e-5);
        assertEquals(0.98, injectedPower(s, "p", 4.2) / power, 1e-3 * 0.98);
        assertThrows(ModelException.class, () -> Source.builder().eventRate(rate).energyPerEvent(energy).diskRadius(1e22)
                .spectrum(InjectionSpectrum.powerLaw(4.2)).abundance("p", 1).energyFraction(Species.ELECTRON, 0.02).build());
    }

    /**
     * ∫ T (dN/dT) dT [erg cm⁻² s⁻¹] from the source's own rate per kinetic energy, by quadrature in ln T from 10⁻⁹ to
     * 10⁹ GeV plus the power-law tails: T² (dN/dT)/(g − 4) above (T² dN/dT ∝ T^(4−g), ultra-relativistic) and
     * T² (dN/dT)/((5 − g)/2) below (∝ T^((5−g)/2), non-relativistic), for phase-space slope g
     */
    private static double injectedPower(Source s, String name, double slope) {
        Species sp = Species.byName(name).orElseThrow();
        IterativeLegendreGaussIntegrator gl = new IterativeLegendreGaussIntegrator(16, 1e-10, 1e-14);
        double sum = 0;
        for (double lo = Math.log(1e-9 * Constants.GEV); lo < Math.log(1e9 * Constants.GEV); lo += 1) {
            sum += gl.integrate(1_000_000, u -> {
                double t = Math.exp(u);
                return t * t * s.ratePerEnergy(sp, t / Math.max(1, sp.massNumber()));
            }, lo, lo + 1);
        }
        double top = Math.exp(Math.log(1e-9 * Constants.GEV) + Math.ceil(Math.log(1e18)));
        double bottom = 1e-9 * Constants.GEV;
        return sum + top * top * s.ratePerEnergy(sp, top) / (slope - 4)
                + bottom * bottom * s.ratePerEnergy(sp, bottom) / ((5 - slope) / 2);
    }

    /** the species table: electron, positron and pbar masses and charges */
    @Test
    void speciesOfTheLeptonsAndAntiprotons() {
        Species e = Species.byName(Species.ELECTRON).orElseThrow();
        Species pbar = Species.byName(Species.ANTIPROTON).orElseThrow();
        assertEquals(Constants.M_E, e.mass());
        assertEquals(-1, e.charge());
        assertEquals(Constants.M_P, pbar.mass());
        // 1 GV electron: T = 1 GeV − m_e c² + … (pc = 1 GeV)
        double t = Kinematics.ekPerNucleonFromRigidity(e, Constants.GV) / Constants.GEV;
        assertEquals(Math.sqrt(1 + 0.51099895e-3 * 0.51099895e-3) - 0.51099895e-3, t, 1e-9);
    }
}
