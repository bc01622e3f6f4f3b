package org.crdl.runtime.transport;

import org.crdl.runtime.plasma.ModelException;
import org.crdl.runtime.units.Constants;

/**
 * A logarithmically uniform grid of kinetic energy per nucleon, shared by all species so that a
 * fragment sits at the grid point of its parent (spallation conserves E_n). Cell centres E_k and
 * cell edges E_{k±1/2} at geometric midpoints; the outer edges lie half a step outside.
 */
public final class EnergyGrid {
    private final double[] centresGeV;
    private final double lnStep;

    private EnergyGrid(double[] centresGeV, double lnStep) {
        this.centresGeV = centresGeV;
        this.lnStep = lnStep;
    }

    /** n points from {@code minGeVPerNucleon} to {@code maxGeVPerNucleon} inclusive, uniform in ln E */
    public static EnergyGrid logSpaced(double minGeVPerNucleon, double maxGeVPerNucleon, int n) {
        if (!(minGeVPerNucleon > 0) || !(maxGeVPerNucleon > minGeVPerNucleon) || Double.isInfinite(maxGeVPerNucleon)
                || n < 3) {
            throw new ModelException("energy grid: need 0 < E_min < E_max < ∞ and at least 3 points, got E_min = "
                    + minGeVPerNucleon + " GeV/n, E_max = " + maxGeVPerNucleon + " GeV/n, n = " + n);
        }
        double step = Math.log(maxGeVPerNucleon / minGeVPerNucleon) / (n - 1);
        double[] c = new double[n];
        for (int k = 0; k < n; k++) {
            c[k] = minGeVPerNucleon * Math.exp(k * step);
        }
        c[n - 1] = maxGeVPerNucleon;
        return new EnergyGrid(c, step);
    }

    /** {@code pointsPerDecade} points per decade from E_min to (at least) E_max */
    public static EnergyGrid perDecade(double minGeVPerNucleon, double maxGeVPerNucleon, int pointsPerDecade) {
        int n = (int) Math.ceil(Math.log10(maxGeVPerNucleon / minGeVPerNucleon) * pointsPerDecade - 1e-9) + 1;
        double max = minGeVPerNucleon * Math.pow(10, (n - 1) / (double) pointsPerDecade);
        return logSpaced(minGeVPerNucleon, max, n);
    }

    public int size() {
        return centresGeV.length;
    }

    /** Δ ln E between neighbours */
    public double lnStep() {
        return lnStep;
    }

    /** cell centres [GeV/n] (a copy) */
    public double[] ekGeVPerNucleon() {
        return centresGeV.clone();
    }

    /** centre k [GeV/n] */
    public double ekGeV(int k) {
        return centresGeV[k];
    }

    /** centre k [erg per nucleon] */
    public double ekErg(int k) {
        return centresGeV[k] * Constants.GEV;
    }

    /** edge k − 1/2 for k = 0…n [erg per nucleon] (edge n is the top edge) */
    public double edgeErg(int k) {
        return centresGeV[0] * Math.exp((k - 0.5) * lnStep) * Constants.GEV;
    }

    /** cell width E_{k+1/2} − E_{k−1/2} [erg per nucleon] */
    public double widthErg(int k) {
        return edgeErg(k + 1) - edgeErg(k);
    }
}
