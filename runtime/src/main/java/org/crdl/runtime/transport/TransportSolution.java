package org.crdl.runtime.transport;

import java.util.ArrayList;
import java.util.List;
import org.crdl.runtime.network.Network;
import org.crdl.runtime.network.Nuclide;
import org.crdl.runtime.plasma.ModelException;
import org.crdl.runtime.units.Constants;

/**
 * Steady-state spectra of every species of a {@link Network} on an {@link EnergyGrid}, from
 * {@link FlatHalo} (at z = 0) or {@link LeakyBox}, with the transport diagnostics. Intensities
 * follow DESIGN §5: I = v N / 4π in m⁻² s⁻¹ sr⁻¹ (GeV/n)⁻¹, N the density per unit kinetic
 * energy per nucleon.
 */
public final class TransportSolution {

    private final Network network;
    private final EnergyGrid grid;
    private final double[][] density;
    private final double[][] grammage;
    private final double[][] residence;
    private final double[][] escape;

    TransportSolution(Network network, EnergyGrid grid, double[][] density, double[][] grammage,
                      double[][] residence, double[][] escape) {
        this.network = network;
        this.grid = grid;
        this.density = density;
        this.grammage = grammage;
        this.residence = residence;
        this.escape = escape;
    }

    public Network network() {
        return network;
    }

    public EnergyGrid grid() {
        return grid;
    }

    /** kinetic energies per nucleon of the grid [GeV/n] */
    public double[] ekGeVPerNucleon() {
        return grid.ekGeVPerNucleon();
    }

    /** species in solving order */
    public List<String> species() {
        List<String> out = new ArrayList<>();
        network.nuclides().forEach(n -> out.add(n.name()));
        return out;
    }

    /** density per unit kinetic energy per nucleon [cm⁻³ erg⁻¹] (in the disk for the flat halo) */
    public double[] density(String species) {
        return density[network.indexOf(species)].clone();
    }

    /** local interstellar intensity [m⁻² s⁻¹ sr⁻¹ (GeV/n)⁻¹] */
    public double[] fluxLis(String species) {
        int i = network.indexOf(species);
        double[] out = new double[grid.size()];
        for (int k = 0; k < out.length; k++) {
            double v = network.speed(i, grid.ekErg(k));
            out[k] = v * density[i][k] / (4 * Math.PI) * 1e4 * Constants.GEV;
        }
        return out;
    }

    /** sum of the LIS intensities of several isotopes (an element) */
    public double[] fluxLis(List<String> isotopes) {
        double[] sum = new double[grid.size()];
        for (String s : isotopes) {
            double[] f = fluxLis(s);
            for (int k = 0; k < sum.length; k++) {
                sum[k] += f[k];
            }
        }
        return sum;
    }

    /** intensity after force-field modulation with potential φ [GV] (each isotope with its own Z/A) */
    public double[] fluxToa(String species, double phiGV) {
        Nuclide n = network.nuclide(network.indexOf(species));
        return ForceField.modulate(n.species(), phiGV, grid.ekGeVPerNucleon(), fluxLis(species));
    }

    /** sum of modulated isotope intensities */
    public double[] fluxToa(List<String> isotopes, double phiGV) {
        double[] sum = new double[grid.size()];
        for (String s : isotopes) {
            double[] f = fluxToa(s, phiGV);
            for (int k = 0; k < sum.length; k++) {
                sum[k] += f[k];
            }
        }
        return sum;
    }

    /** ratio of summed LIS intensities at equal kinetic energy per nucleon (e.g. B/C) */
    public double[] ratioLis(List<String> numerator, List<String> denominator) {
        return divide(fluxLis(numerator), fluxLis(denominator), numerator, denominator);
    }

    /** ratio of summed modulated intensities at equal kinetic energy per nucleon */
    public double[] ratioToa(List<String> numerator, List<String> denominator, double phiGV) {
        return divide(fluxToa(numerator, phiGV), fluxToa(denominator, phiGV), numerator, denominator);
    }

    private double[] divide(double[] a, double[] b, List<String> num, List<String> den) {
        double[] out = new double[a.length];
        for (int k = 0; k < a.length; k++) {
            if (!(b[k] > 0)) {
                throw new ModelException("ratio " + num + "/" + den + ": the denominator vanishes at E = " + grid.ekGeV(k)
                        + " GeV/n");
            }
            out[k] = a[k] / b[k];
        }
        return out;
    }

    /** grammage X = ρ v τ_esc [g cm⁻²] traversed before escape */
    public double[] grammage(String species) {
        return grammage[network.indexOf(species)].clone();
    }

    /** mean residence time in the Galaxy (halo + disk for the flat halo) before escape [Myr] */
    public double[] residenceTimeMyr(String species) {
        return residence[network.indexOf(species)].clone();
    }

    /** disk-equivalent escape time τ_esc (leaky-box time; hH/D for the flat halo) [Myr] */
    public double[] escapeTimeMyr(String species) {
        return escape[network.indexOf(species)].clone();
    }
}
