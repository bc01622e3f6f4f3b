package org.crdl.runtime.transport;

import java.util.Objects;
import org.crdl.runtime.network.ContinuousLoss;
import org.crdl.runtime.network.Gas;
import org.crdl.runtime.network.Network;
import org.crdl.runtime.network.Nuclide;
import org.crdl.runtime.particles.Kinematics;
import org.crdl.runtime.particles.Species;
import org.crdl.runtime.plasma.ModelException;
import org.crdl.runtime.units.Constants;

/**
 * The leaky box (DESIGN §4 {@code leaky_box}; Ginzburg–Syrovatskii, hopkins2021 digest §6.2–6.3):
 * a homogeneous volume of gas from which particles escape at the rate 1/τ_esc(species, R):
 * <pre>
 *   N/τ_esc + Γ_inel N + Γ_rad N + ∂_E(Ė N) = q + Σ_j Γ_{j→i} N_j + Σ_j Γ_rad,j N_j
 * </pre>
 * τ_esc is given directly ({@link EscapeTime}) or as a grammage law X(species, R) [g cm⁻²]
 * with τ_esc = X/(ρ v). The source density q = Q_E / L spreads the surface injection rate of a
 * {@link Source} over a gas layer of thickness L (2h for a disk); with τ_esc = hH/D and L = 2h this
 * is the flat halo without decay (test). Continuous losses use the same finite-volume scheme as
 * {@link FlatHalo}; no reacceleration.
 */
public final class LeakyBox {

    /** escape time τ_esc [s] of a species at rigidity R [GV] */
    @FunctionalInterface
    public interface EscapeTime {
        double seconds(Species species, double rigidityGV);
    }

    /** grammage X [g cm⁻²] of a species at rigidity R [GV] */
    @FunctionalInterface
    public interface GrammageLaw {
        double gramsPerCm2(Species species, double rigidityGV);

        /** X = X₀ (R/1 GV)^−δ for all species (β-free; hopkins2021 digest §6.3) */
        static GrammageLaw powerLaw(double x0, double delta) {
            return (s, r) -> x0 * Math.pow(r, -delta);
        }
    }

    private final Network network;
    private final Gas gas;
    private final EscapeTime escape;
    private final Source source;
    private final double thickness;
    private final ContinuousLoss losses;
    private final boolean destruction;
    private final boolean production;
    private final boolean decay;

    private LeakyBox(Builder b) {
        this.network = b.network;
        this.gas = b.gas;
        this.escape = b.escape;
        this.source = b.source;
        this.thickness = b.thickness;
        this.losses = b.losses;
        this.destruction = b.destruction;
        this.production = b.production;
        this.decay = b.decay;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Leaky-box parameters, cgs. Required: network, gas, escape law, source. */
    public static final class Builder {
        private Network network;
        private Gas gas;
        private EscapeTime escape;
        private GrammageLaw grammage;
        private Source source;
        private double thickness = Double.NaN;
        private ContinuousLoss losses = ContinuousLoss.NONE;
        private boolean destruction = true;
        private boolean production = true;
        private boolean decay = true;

        public Builder network(Network n) {
            this.network = n;
            return this;
        }

        /** the (average) gas the particles traverse */
        public Builder gas(Gas g) {
            this.gas = g;
            return this;
        }

        public Builder escapeTime(EscapeTime t) {
            this.escape = t;
            this.grammage = null;
            return this;
        }

        /** escape through a grammage law: τ_esc = X/(ρ v) */
        public Builder grammage(GrammageLaw x) {
            this.grammage = x;
            this.escape = null;
            return this;
        }

        /** the source, spread over a layer of thickness L [cm] */
        public Builder source(Source s, double layerThicknessCm) {
            this.source = s;
            this.thickness = layerThicknessCm;
            return this;
        }

        public Builder losses(ContinuousLoss l) {
            this.losses = Objects.requireNonNull(l, "losses (ContinuousLoss.NONE for none)");
            return this;
        }

        public Builder spallation(boolean destroy, boolean produce) {
            this.destruction = destroy;
            this.production = produce;
            return this;
        }

        public Builder decay(boolean on) {
            this.decay = on;
            return this;
        }

        public LeakyBox build() {
            if (network == null || gas == null || source == null || (escape == null && grammage == null)) {
                throw new ModelException("leaky_box: network, gas, source and an escape time or grammage law are required");
            }
            if (!(thickness > 0) || Double.isInfinite(thickness)) {
                throw new ModelException("leaky_box: source layer thickness must be positive and finite, got " + thickness);
            }
            if (grammage != null) {
                if (!(gas.massDensity() > 0)) {
                    throw new ModelException("leaky_box: a grammage law needs gas with positive density");
                }
                GrammageLaw x = grammage;
                Gas g = gas;
                escape = (s, r) -> x.gramsPerCm2(s, r)
                        / (g.massDensity() * Kinematics.betaFromRigidity(s, r * Constants.GV) * Constants.C);
            }
            for (String s : source.species()) {
                if (!network.contains(s)) {
                    throw new ModelException("leaky_box: the source injects " + s + ", which the network does not transport");
                }
            }
            return new LeakyBox(this);
        }
    }

    /** Solves every species on {@code grid}, parents first. */
    public TransportSolution solve(EnergyGrid grid) {
        int ns = network.size();
        int n = grid.size();
        double[][] dens = new double[ns][];
        double[][] gram = new double[ns][n];
        double[][] res = new double[ns][n];
        double[][] rad = new double[ns][n];
        for (int i = 0; i < ns; i++) {
            Nuclide nu = network.nuclide(i);
            String what = "leaky_box, species " + nu.name();
            double[] lambda = new double[n];
            double[] src = new double[n];
            for (int k = 0; k < n; k++) {
                double e = grid.ekErg(k);
                double rgv = Kinematics.rigidityFromEkPerNucleon(nu.species(), e) / Constants.GV;
                double tau = escape.seconds(nu.species(), rgv);
                if (!(tau > 0) || Double.isInfinite(tau)) {
                    throw new ModelException(what + ": escape time at R = " + rgv + " GV is " + tau
                            + " s; it must be positive and finite");
                }
                double v = network.speed(i, e);
                gram[i][k] = gas.massDensity() * v * tau;
                res[i][k] = tau / Constants.MYR;
                rad[i][k] = decay ? nu.decayRate(network.lorentzGamma(i, e)) : 0;
                lambda[k] = 1 / tau + rad[i][k] + (destruction ? network.destructionRate(i, e, gas) : 0);
                double s = source.ratePerEnergy(nu.species(), e) / thickness;
                if (production) {
                    for (Network.Production pr : network.productionsInto(i)) {
                        s += network.productionRate(pr, e, gas) * dens[pr.parent()][k];
                    }
                }
                if (decay) {
                    for (int p : network.decayParentsOf(i)) {
                        s += rad[p][k] * dens[p][k];
                    }
                }
                src[k] = s;
            }
            double[] edot = null;
            if (losses != ContinuousLoss.NONE) {
                edot = new double[n + 1];
                for (int k = 0; k <= n; k++) {
                    edot[k] = losses.dEdtPerNucleon(nu, grid.edgeErg(k), gas);
                }
            }
            dens[i] = DiskEnergySolver.solve(what, grid, lambda, src, edot, null, null);
        }
        return new TransportSolution(network, grid, dens, gram, res, res);
    }
}
