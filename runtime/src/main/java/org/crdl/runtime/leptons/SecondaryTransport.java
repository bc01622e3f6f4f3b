package org.crdl.runtime.leptons;

import java.util.Arrays;
import org.crdl.runtime.network.Gas;
import org.crdl.runtime.network.Network;
import org.crdl.runtime.particles.Species;
import org.crdl.runtime.secondaries.SecondarySource;
import org.crdl.runtime.transport.EnergyGrid;
import org.crdl.runtime.transport.Source;
import org.crdl.runtime.transport.TransportSolution;
import org.crdl.runtime.units.Constants;

/**
 * Secondary antiprotons, positrons and electrons (those the network transports) made by the transported
 * protons and helium in the gas ({@link SecondarySource}: di Mauro 2014/Winkler 2017 p̄, Kelner 2006 and the
 * π → μ → e chain for e±), for any geometry whose solver takes a {@link Source} and returns a
 * {@link TransportSolution} (flat halo, leaky box):
 * <ol>
 *   <li>solve with the primary source; the nuclei do not depend on the non-nuclear species;</li>
 *   <li>from the p and He intensities I(T_n) at the gas (the disk), the source rates q(T) [cm⁻³ s⁻¹ GeV⁻¹] of
 *       {@link SecondarySource} in the disk gas, turned into the per-area source of the solvers by the gas layer's
 *       thickness L (2h of a flat halo; the source layer of a leaky box): Q = q L;</li>
 *   <li>solve again with Q added ({@link Source#withTabulated});</li>
 *   <li>antiprotons: add the tertiary source of the current p̄ density ({@link Tertiaries}) and solve again,
 *       until the p̄ density changes by less than 10⁻⁶ (relative, at every energy; 3–5 rounds, the non-annihilating
 *       collisions are a small fraction of the p̄ losses).</li>
 * </ol>
 */
public final class SecondaryTransport {
    private SecondaryTransport() {
    }

    /** a geometry's steady-state solver for a given source */
    @FunctionalInterface
    public interface Solver {
        TransportSolution solve(Source source);
    }

    /** the rounds of the tertiary iteration at most */
    static final int MAX_ROUNDS = 20;

    /**
     * @param gas             the gas in which the primaries collide (the disk)
     * @param layerThickness  L [cm]: the thickness of the gas layer the solver spreads a per-area source over
     */
    public static TransportSolution solve(Solver solver, Source primary, Gas gas, double layerThickness) {
        TransportSolution s = solver.solve(primary);
        Network net = s.network();
        boolean pbar = net.contains(Species.ANTIPROTON);
        boolean positron = net.contains(Species.POSITRON);
        boolean electron = net.contains(Species.ELECTRON);
        if (!(pbar || positron || electron) || !net.contains("p")) {
            return s;
        }
        EnergyGrid grid = s.grid();
        double[] tGeV = s.ekGeVPerNucleon();
        double[] ekErg = new double[tGeV.length];
        for (int k = 0; k < ekErg.length; k++) {
            ekErg[k] = grid.ekErg(k);
        }
        double[] protons = perCm2(s.fluxLis("p"));
        double[] helium = net.contains("He") ? perCm2(s.fluxLis("He")) : null;
        Source src = primary;
        if (positron) {
            src = src.withTabulated(Species.POSITRON, ekErg,
                    perArea(SecondarySource.leptons(true, tGeV, tGeV, protons, helium, gas), layerThickness));
        }
        if (electron) {
            src = src.withTabulated(Species.ELECTRON, ekErg,
                    perArea(SecondarySource.leptons(false, tGeV, tGeV, protons, helium, gas), layerThickness));
        }
        if (!pbar) {
            return solver.solve(src);
        }
        double[] secondary = perArea(SecondarySource.antiprotons(tGeV, tGeV, protons, helium, gas), layerThickness);
        src = src.withTabulated(Species.ANTIPROTON, ekErg, secondary);
        s = solver.solve(src);
        for (int round = 0; round < MAX_ROUNDS; round++) {
            double[] before = s.density(Species.ANTIPROTON);
            double[] ter = Tertiaries.source(grid, before, gas);
            double[] total = secondary.clone();
            for (int k = 0; k < total.length; k++) {
                total[k] += ter[k] * layerThickness;
            }
            s = solver.solve(src.withTabulated(Species.ANTIPROTON, ekErg, total));
            if (maxChange(before, s.density(Species.ANTIPROTON)) < 1e-6) {
                break;
            }
        }
        return s;
    }

    /** m⁻² → cm⁻² */
    private static double[] perCm2(double[] perM2) {
        double[] out = perM2.clone();
        for (int k = 0; k < out.length; k++) {
            out[k] *= 1e-4;
        }
        return out;
    }

    /** q [cm⁻³ s⁻¹ GeV⁻¹] × L → [cm⁻² s⁻¹ erg⁻¹] */
    private static double[] perArea(double[] q, double thickness) {
        double[] out = Arrays.copyOf(q, q.length);
        for (int k = 0; k < out.length; k++) {
            out[k] = Math.max(0, out[k]) * thickness / Constants.GEV;
        }
        return out;
    }

    private static double maxChange(double[] a, double[] b) {
        double max = 0;
        double scale = 0;
        for (double v : b) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int k = 0; k < a.length; k++) {
            if (b[k] > 1e-12 * scale) {
                max = Math.max(max, Math.abs(a[k] / b[k] - 1));
            }
        }
        return max;
    }
}
