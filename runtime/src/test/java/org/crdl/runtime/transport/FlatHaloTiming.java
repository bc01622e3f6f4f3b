package org.crdl.runtime.transport;

import java.util.Arrays;
import org.crdl.runtime.network.Gas;
import org.crdl.runtime.network.Network;
import org.crdl.runtime.units.Constants;

/**
 * Wall time of a flat-halo solve with the full built-in network on 100 energies (a measurement,
 * not a test; run with {@code java -cp target/classes:target/test-classes:<commons-math>
 * org.crdl.runtime.transport.FlatHaloTiming}).
 */
public final class FlatHaloTiming {
    private FlatHaloTiming() {
    }

    public static void main(String[] args) {
        Network net = Network.builtIn("O", "N15", "N", "C13", "C", "B11", "B10", "Be10", "Be9", "Be7", "Li7", "Li6", "He",
                "He3", "p");
        Source src = Source.builder().eventRate(1 / (100 * Constants.YR)).energyPerEvent(1e50).diskRadius(10 * Constants.KPC)
                .spectrum(InjectionSpectrum.powerLaw(4.3)).abundance("p", 1).abundance("He", 0.07).abundance("C", 3e-3)
                .abundance("N", 4e-4).abundance("O", 4e-3).build();
        EnergyGrid grid = EnergyGrid.logSpaced(1e-3, 1e5, 100);
        for (String variant : new String[] {"diffusion only", "losses", "losses+reacc+wind"}) {
            FlatHalo.Builder b = FlatHalo.builder().network(net).haloHalfHeight(4 * Constants.KPC)
                    .disk(100 * Constants.PC, new Gas(1, 0.1, 0.1)).diffusion(Diffusion.betaPowerLaw(4e28, 0.5)).source(src);
            if (variant.equals("diffusion only")) {
                b.losses(org.crdl.runtime.network.ContinuousLoss.NONE);
            }
            if (variant.startsWith("losses+")) {
                b.reacceleration(30e5, FlatHalo.REACCELERATION_ISOTROPIC).convection(10e5);
            }
            FlatHalo fh = b.build();
            int reps = 30;
            double[] ms = new double[reps];
            for (int i = 0; i < reps; i++) {
                long t0 = System.nanoTime();
                fh.solve(grid);
                ms[i] = (System.nanoTime() - t0) / 1e6;
            }
            double[] warm = Arrays.copyOfRange(ms, 10, reps);
            Arrays.sort(warm);
            System.out.printf("%-20s %d species x %d energies: first %.1f ms, median (warm) %.1f ms, min %.1f ms%n", variant,
                    net.size(), grid.size(), ms[0], warm[warm.length / 2], warm[0]);
        }
    }
}
