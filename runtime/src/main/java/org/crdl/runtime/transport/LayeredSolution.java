package org.crdl.runtime.transport;

import java.util.List;
import org.crdl.runtime.network.Network;
import org.crdl.runtime.network.Nuclide;
import org.crdl.runtime.particles.Kinematics;
import org.crdl.runtime.particles.Species;
import org.crdl.runtime.plasma.ModelException;
import org.crdl.runtime.units.Constants;

/**
 * The steady state of a {@link LayeredSlab} at a set of rigidities: for every species the density
 * per unit rigidity at the disk and at every layer boundary, the flux per side leaving the disk,
 * and the profile n(z). Densities are per GV [cm⁻³ GV⁻¹]; ratios are taken at equal rigidity, the
 * kempski2022 convention (B/C = f_B/f_C at the same R, digest §3.3 step 6).
 */
public final class LayeredSolution {

    private final LayeredSlab slab;
    private final Network network;
    private final double[] rigidities;
    private final double[][] n0;
    private final double[][] flux;
    private final double[][][] boundary;
    private final double[][] nllL;

    LayeredSolution(LayeredSlab slab, double[] rigidities, double[][] n0, double[][] flux, double[][][] boundary,
                    double[][] nllL) {
        this.slab = slab;
        this.network = slab.network();
        this.rigidities = rigidities;
        this.n0 = n0;
        this.flux = flux;
        this.boundary = boundary;
        this.nllL = nllL;
    }

    /** the rigidity grid [GV] */
    public double[] rigiditiesGV() {
        return rigidities.clone();
    }

    /** density at the disk, per unit rigidity [cm⁻³ GV⁻¹] (with the loss factor in PAPER mode) */
    public double[] density(String species) {
        double[] d = n0[network.indexOf(species)];
        double[] out = new double[d.length];
        for (int r = 0; r < d.length; r++) {
            out[r] = d[r] * Constants.GV;
        }
        return out;
    }

    /** density at boundary b (0 = disk side of the first layer, …, last = top) [cm⁻³ GV⁻¹] */
    public double[] boundaryDensity(String species, int b) {
        int i = network.indexOf(species);
        double[] out = new double[rigidities.length];
        for (int r = 0; r < out.length; r++) {
            out[r] = boundary[i][r][b] * Constants.GV;
        }
        return out;
    }

    /**
     * the part of the disk density built up across layer l, n(z_l) − n(z_{l+1}) [cm⁻³ GV⁻¹]: the
     * "WIM" and "halo" contributions of kempski2022 Fig. 5 (dotted and dashed lines)
     */
    public double[] layerContribution(String species, int l) {
        double[] lo = boundaryDensity(species, l);
        double[] hi = boundaryDensity(species, l + 1);
        for (int r = 0; r < lo.length; r++) {
            lo[r] -= hi[r];
        }
        return lo;
    }

    /**
     * Grammage [g cm⁻²] a species traverses before escaping, in total ({@code layer} = −1) or the part
     * built up across one layer: X = h ρ v n(0)/F with F the flux per side (the disk density per unit
     * escaping flux times the disk column hρ; X = μ v/k_esc of the flat halo with k_esc = 2F/n(0),
     * μ = 2hρ), and X_l = h ρ v [n(z_l) − n(z_{l+1})]/F, which sum to X. Profiles without the PAPER
     * loss factor.
     */
    public double[] grammage(String species, int layer) {
        int i = network.indexOf(species);
        Nuclide nu = network.nuclide(i);
        double column = slab.diskHalfThickness() * slab.gas().massDensity();
        double[] out = new double[rigidities.length];
        for (int r = 0; r < out.length; r++) {
            double v = Kinematics.betaFromRigidity(nu.species(), rigidities[r] * Constants.GV) * Constants.C;
            double[] b = boundary[i][r];
            double dn = layer < 0 ? b[0] : b[layer] - b[layer + 1];
            out[r] = flux[i][r] > 0 ? column * v * dn / flux[i][r] : Double.NaN;
        }
        return out;
    }

    /**
     * Mean residence time [Myr] before escape, total ({@code layer} = −1) or spent in one layer:
     * τ_l = ∫_layer n dz / F (particles per unit area over the flux per side through the top; the thin
     * disk holds none). Gauss–Legendre (32 points, Commons Math) over each layer of the closed-form profile.
     */
    public double[] residenceTimeMyr(String species, int layer) {
        int i = network.indexOf(species);
        double[] edges = slab.boundaries();
        int from = layer < 0 ? 0 : layer;
        int to = layer < 0 ? edges.length - 1 : layer + 1;
        double[] out = new double[rigidities.length];
        for (int r = 0; r < out.length; r++) {
            if (!(flux[i][r] > 0)) {
                out[r] = Double.NaN;
                continue;
            }
            final int rr = r;
            double column = 0;
            for (int l = from; l < to; l++) {
                double lo = edges[l];
                double hi = edges[l + 1];
                column += GAUSS.legendre(32, lo, hi).integrate(z -> densityAt(species, rr, Math.min(Math.max(z, lo), hi)));
            }
            out[r] = column / Constants.GV / flux[i][r] / Constants.MYR;
        }
        return out;
    }

    private static final org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory GAUSS =
            new org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory();

    /** flux per side leaving the disk = escaping at the top [cm⁻² s⁻¹ GV⁻¹] */
    public double[] escapeFlux(String species) {
        double[] f = flux[network.indexOf(species)];
        double[] out = new double[f.length];
        for (int r = 0; r < f.length; r++) {
            out[r] = f[r] * Constants.GV;
        }
        return out;
    }

    /** n(z) [cm⁻³ GV⁻¹] at rigidity index r and height 0 ≤ z ≤ top [cm] (no loss factor: use EXACT losses) */
    public double densityAt(String species, int r, double z) {
        int i = network.indexOf(species);
        double[] edges = slab.boundaries();
        if (!(z >= 0 && z <= edges[edges.length - 1])) {
            throw new ModelException("layers: height z = " + z / Constants.PC + " pc is outside the slab [0, "
                    + edges[edges.length - 1] / Constants.PC + " pc]");
        }
        int l = 0;
        while (l < edges.length - 2 && z > edges[l + 1]) {
            l++;
        }
        Nuclide nu = network.nuclide(i);
        double rStat = rigidities[r] * Constants.GV;
        double vp = Kinematics.betaFromRigidity(Species.proton(), rStat) * Constants.C;
        LayeredSlab.ProtonState ps = new LayeredSlab.ProtonState(edges.length - 1, vp);
        System.arraycopy(nllL[r], 0, ps.nllL, 0, ps.nllL.length);
        boolean driver = nu.name().equals("p") && slab.layers().get(l) instanceof Layer.SelfConfinedNll;
        double xn = driver ? slab.nllX(nu, rStat, vp)[l] : 0;
        return slab.layerValue(nu, rStat, flux[i][r], l, boundary[i][r][l + 1], z, driver, ps, xn, false) * Constants.GV;
    }

    /** kinetic energy per nucleon of a species at the grid rigidities [GeV/n] */
    public double[] ekGeVPerNucleon(String species) {
        Nuclide nu = network.nuclide(network.indexOf(species));
        double[] out = new double[rigidities.length];
        for (int r = 0; r < out.length; r++) {
            out[r] = Kinematics.ekPerNucleonFromRigidity(nu.species(), rigidities[r] * Constants.GV) / Constants.GEV;
        }
        return out;
    }

    /** LIS intensity at the disk, I = v n dR/dE_n / 4π [m⁻² s⁻¹ sr⁻¹ (GeV/n)⁻¹], at {@link #ekGeVPerNucleon} */
    public double[] fluxLis(String species) {
        int i = network.indexOf(species);
        Nuclide nu = network.nuclide(i);
        double[] out = new double[rigidities.length];
        for (int r = 0; r < out.length; r++) {
            double rStat = rigidities[r] * Constants.GV;
            double v = Kinematics.betaFromRigidity(nu.species(), rStat) * Constants.C;
            double perErg = n0[i][r] * Kinematics.dRigidityDEkPerNucleon(nu.species(), rStat);
            out[r] = v * perErg / (4 * Math.PI) * 1e4 * Constants.GEV;
        }
        return out;
    }

    /** ratio of summed disk densities at equal rigidity (kempski2022 B/C) */
    public double[] ratio(List<String> numerator, List<String> denominator) {
        double[] out = new double[rigidities.length];
        for (int r = 0; r < out.length; r++) {
            double a = 0;
            double b = 0;
            for (String s : numerator) {
                a += n0[network.indexOf(s)][r];
            }
            for (String s : denominator) {
                b += n0[network.indexOf(s)][r];
            }
            if (!(b > 0)) {
                throw new ModelException("layers: ratio " + numerator + "/" + denominator + " has a vanishing denominator at R = "
                        + rigidities[r] + " GV");
            }
            out[r] = a / b;
        }
        return out;
    }
}
