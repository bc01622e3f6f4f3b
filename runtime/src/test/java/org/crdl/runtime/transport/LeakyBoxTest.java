package org.crdl.runtime.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.crdl.runtime.network.BuiltInFragmentation;
import org.crdl.runtime.network.ContinuousLoss;
import org.crdl.runtime.network.Gas;
import org.crdl.runtime.network.Network;
import org.crdl.runtime.network.PartialCrossSections;
import org.crdl.runtime.particles.Kinematics;
import org.crdl.runtime.units.Constants;
import org.junit.jupiter.api.Test;

class LeakyBoxTest {
    private static final double PC = Constants.PC;
    private static final double KPC = Constants.KPC;
    private static final double MB = 1e-27;
    private static final double GEV = 1e9 * Constants.EV;

    /** Digest §6.3: the stable flat halo is a leaky box with τ_esc = hH/D (and gas/source in the disk layer 2h). */
    @Test
    void equalsFlatHaloWithoutDecay() {
        Network net = Network.builtIn("O", "C", "B11", "B10", "He", "p");
        Diffusion d = Diffusion.betaPowerLaw(3e28, 0.5);
        Gas gas = new Gas(1.0, 0.1, 0.3);
        double h = 100 * PC;
        double hh = 4 * KPC;
        Source src = FlatHaloTest.source(net);
        TransportSolution fh = FlatHalo.builder().network(net).haloHalfHeight(hh).disk(h, gas).diffusion(d).source(src)
                .build().solve(EnergyGrid.perDecade(1e-3, 1e4, 10));
        TransportSolution lb = LeakyBox.builder().network(net).gas(gas).source(src, 2 * h)
                .escapeTime((s, r) -> h * hh / d.coefficient(s, r)).losses(ContinuousLoss.HOPKINS2021)
                .build().solve(EnergyGrid.perDecade(1e-3, 1e4, 10));
        for (String s : fh.species()) {
            double[] a = fh.density(s);
            double[] b = lb.density(s);
            double[] xa = fh.grammage(s);
            double[] xb = lb.grammage(s);
            for (int k = 0; k < a.length; k++) {
                assertEquals(a[k], b[k], 1e-9 * a[k], s);
                assertEquals(xa[k], xb[k], 1e-9 * xa[k], s);
            }
        }
    }

    /**
     * Digest §6.3 "weightless" secondary-to-primary ratio: N_B/N_C = (X/λ_{C→B})/(1 + X/λ_B), λ = m̄/σ,
     * with a grammage law X = 10 (R/GV)^−0.5 g cm⁻² and one channel C → ¹¹B of 61 mb (kempski2022 L289).
     */
    @Test
    void weightlessSecondaryRatio() {
        PartialCrossSections xs = BuiltInFragmentation.constant(Map.of(new PartialCrossSections.Channel(6, 12, 5, 11), 61.0));
        Network net = Network.builder().species("C", "B11").partials(xs).build();
        Gas gas = Gas.neutralHydrogen(1.0);
        Source src = Source.builder().eventRate(1).energyPerEvent(1e50).diskArea(1e45).spectrum(InjectionSpectrum.powerLaw(4.3))
                .abundance("C", 1).build();
        TransportSolution s = LeakyBox.builder().network(net).gas(gas).source(src, 200 * PC)
                .grammage(LeakyBox.GrammageLaw.powerLaw(10, 0.5)).build().solve(EnergyGrid.perDecade(0.01, 1e3, 5));
        double[] ratio = s.ratioLis(List.of("B11"), List.of("C"));
        double[] e = s.ekGeVPerNucleon();
        for (int k = 0; k < e.length; k++) {
            // the secondary's own grammage (its rigidity at this E_n): N_B = n v σ N_C / (1/τ_B + n v σ_B)
            double r = Kinematics.rigidityFromEkPerNucleon(net.nuclide(net.indexOf("B11")).species(), e[k] * GEV) / Constants.GV;
            double x = 10 * Math.pow(r, -0.5);
            double sigmaB = net.inelasticHydrogenMb(net.indexOf("B11"), e[k]) * MB;
            double expected = (x * 61 * MB / Constants.M_P) / (1 + x * sigmaB / Constants.M_P);
            // the ratio of intensities at equal E_n equals the density ratio (same speed)
            assertEquals(expected, ratio[k], 1e-9 * expected, "E = " + e[k]);
            assertEquals(x, s.grammage("B11")[k], 1e-9 * x);
        }
    }
}
