package org.crdl.runtime.transport;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;
import org.crdl.runtime.network.ContinuousLoss;
import org.crdl.runtime.network.Gas;
import org.crdl.runtime.network.Network;
import org.crdl.runtime.network.Nuclide;
import org.crdl.runtime.particles.Kinematics;
import org.crdl.runtime.plasma.ModelException;
import org.crdl.runtime.units.Constants;

/**
 * The flat-halo model (DESIGN §4 {@code flat_halo}; hopkins2021 digest §6.3 [X]: Jones et al.
 * 2001, Maurin et al. 2001/2010): a thin gas disk of half-thickness h (all gas, sources, spallation
 * and continuous losses) inside a diffusive halo |z| &lt; H with free escape N(±H) = 0, spatially
 * constant D_xx(species, R) from the caller, optional convective wind V sign(z) and optional
 * reacceleration (disk or whole halo). Steady state for every species of a {@link Network}, solved parents
 * first.
 *
 * <p><b>Equation</b> (species i, E = kinetic energy per nucleon):
 * <pre>
 *   ∂_z(−D ∂_z N + V N) + Γ_rad N + 2h δ(z) [Γ_inel N + ∂_E(Ė N) − ∂_E(reacc.)]
 *       = 2h δ(z) [q + Σ_j Γ_{j→i} N_j] + Σ_j Γ_rad,j N_j(z)
 * </pre>
 * <b>Halo, semi-analytic in z.</b> With D constant in z the halo equation is solved exactly:
 * N(z) = N₀ e^{az} sinh(b(H−|z|))/sinh(bH), a = V/2D, b = S/2, S = √(V²/D² + 4Γ_rad/D).
 * Integrating across the disk gives one equation per energy for the disk density N₀:
 * <pre>
 *   k N₀ + 2h [Γ_inel N₀ + ∂_E(Ė N₀) − ∂_E(reacc.)] = Q_E + 2h Σ Γ_{j→i} N_{j,0} + G N_{p,0}
 *   k = V + (2D/H)·x coth x,  x = SH/2     (escape "speed"; 2D/H without V and decay)
 * </pre>
 * For a stable species without wind k = 2D/H and N₀ = (Q + Σ…)/(D/(hH) + n v σ): the digest
 * formula; with decay D/H → (D/ℓ_d) coth(H/ℓ_d), ℓ_d = √(Dγτ); with wind 2D/H → 2V/(1 − e^{−VH/D}).
 * Grammage X = μ v / k_esc (μ = 2hρ; X = μvH/2D without wind), residence time 2∫₀^H ψ dz / k_esc
 * (H²/2D without wind), escape time τ_esc = 2h/k_esc = hH/D; k_esc excludes decay.
 *
 * <p><b>Decay products in the halo.</b> A radioactive parent p (¹⁰Be) decays everywhere in the
 * halo. Its daughter d gets G N_{p,0} = 2Γ_p ∫₀^H ψ_p(z) w_d(z) dz · N_{p,0}, where ψ_p is the
 * parent profile and w_d(z) = e^{−a_d z} sinh(b_d(H−z))/sinh(b_d H) the probability that a
 * daughter born at z reaches the disk before escaping (solution of the backward equation
 * D w'' + V w' − Γ_d w = 0, w(0) = 1, w(H) = 0). The integral is done by Gauss–Legendre
 * quadrature (Commons Math); for V = 0 and equal D it equals Γ_p/(Γ_p − Γ_d)(k_p − k_d) (test).
 *
 * <p><b>Disk, implicit finite volume in E</b> ({@link DiskEnergySolver}): continuous losses
 * (default {@link ContinuousLoss#HOPKINS2021}: Coulomb + ionization, hopkins2021 §3.1(a)), the
 * adiabatic loss of the wind discontinuity Ė = −v p V/(3hA) (∇·u = V/h inside the disk), and
 * reacceleration D_pp = η v_A² p²/D_xx, either in the disk only (the 1D semi-analytic convention) or
 * in the whole diffusive volume ({@link Builder#reaccelerationInHalo}, GALPROP/DRAGON2): the halo term
 * N₀(E)ψ(z) integrates over |z| &lt; H to 2∫₀^H ψ dz times the disk operator, so its weight is
 * ∫₀^H ψ dz / h (H/2h without wind and decay, where ψ = 1 − |z|/H does not depend on E and the
 * mapping is exact; otherwise ψ's energy dependence inside ∂_E is neglected). A halo-wide v_A' thus
 * equals a disk-only v_A = v_A'√(H/2h). η = 1/9 is the isotropic limit of hopkins2021 L872–874,
 * {@link #seoPtuskin} the GALPROP choice, {@link #dragon2Ptuskin94} DRAGON2's. An optional radial
 * boundary R_max ({@link Builder#radialBoundary}) adds the leading Bessel mode's loss Dζ₁²/R_max².
 * Second-order upwind for the
 * loss flux, centred momentum diffusion. <b>Convergence</b> (measured in FlatHaloTest): for
 * constant Ė the error against the exact solution N(E) = |Ė|⁻¹ ∫_E^∞ S(E') e^{−λ(E'−E)/|Ė|} dE'
 * is 9.0×10⁻³, 2.3×10⁻³, 5.9×10⁻⁴, 1.5×10⁻⁴ at 10, 20, 40, 80 points per decade (order 2.0,
 * uniform down to the lowest cell); with reacceleration (v_A = 60 km/s, Seo–Ptuskin) the p, C, ¹¹B
 * intensities at 0.1–1000 GeV/n deviate from the 80-point solution by 1.3×10⁻² (20 points) and
 * 2.9×10⁻³ (40 points). The zero-flux reacceleration boundary disturbs the lowest decade of the
 * grid: start the grid a decade below the energies of interest; 20–40 points per decade suffice.
 * Without losses, reacceleration and wind the scheme is exact (diagonal), equal to the analytic
 * formulas to round-off (test: 10⁻⁴).
 */
public final class FlatHalo {
    /** η = 1/9: D_pp = p² v_A²/(9 D_xx), the isotropic limit (hopkins2021 L872–874) */
    public static final double REACCELERATION_ISOTROPIC = 1.0 / 9.0;

    private final Network network;
    private final double haloH;
    private final double diskH;
    private final Gas gas;
    private final Diffusion diffusion;
    private final Source source;
    private final ContinuousLoss losses;
    private final boolean destruction;
    private final boolean production;
    private final boolean decay;
    private final double alfvenSpeed;
    private final double reaccPrefactor;
    private final double wind;
    private final boolean adiabatic;
    private final boolean reaccInHalo;
    /** (ζ₁/R_max)² of the leading radial Bessel mode [cm⁻²]; 0 for an infinite slab */
    private final double radialEigen;

    private FlatHalo(Builder b) {
        this.network = b.network;
        this.haloH = b.haloH;
        this.diskH = b.diskH;
        this.gas = b.gas;
        this.diffusion = b.diffusion;
        this.source = b.source;
        this.losses = b.losses;
        this.destruction = b.destruction;
        this.production = b.production;
        this.decay = b.decay;
        this.alfvenSpeed = b.alfvenSpeed;
        this.reaccPrefactor = b.reaccPrefactor;
        this.wind = b.wind;
        this.adiabatic = b.adiabatic;
        this.reaccInHalo = b.reaccInHalo;
        this.radialEigen = Double.isInfinite(b.radius) ? 0 : Math.pow(BESSEL_J0_ZERO / b.radius, 2);
    }

    /** first zero ζ₁ of J₀ */
    static final double BESSEL_J0_ZERO = 2.404825557695773;

    /** Seo &amp; Ptuskin (1994) prefactor η = 4/[3δ(4 − δ²)(4 − δ)] for D_pp = η p² v_A²/D_xx (GALPROP) */
    public static double seoPtuskin(double delta) {
        return 4.0 / (3.0 * delta * (4 - delta * delta) * (4 - delta));
    }

    /**
     * DRAGON2's "Ptuskin94" prefactor η = 1/[δ(4 − δ)(4 − δ²)] (galaxy.cc, D_pp = p² v_A²/(δ(4−δ)(4−δ²) D);
     * the 4/3 of {@link #seoPtuskin} is applied there only for the option "Ptuskin03"): 3/4 of GALPROP's.
     */
    public static double dragon2Ptuskin94(double delta) {
        return 1.0 / (delta * (4 - delta) * (4 - delta * delta));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Flat-halo parameters, cgs. Required: network, halo, disk, diffusion, source. */
    public static final class Builder {
        private Network network;
        private double haloH = Double.NaN;
        private double diskH = Double.NaN;
        private Gas gas;
        private Diffusion diffusion;
        private Source source;
        private ContinuousLoss losses = ContinuousLoss.HOPKINS2021;
        private boolean destruction = true;
        private boolean production = true;
        private boolean decay = true;
        private double alfvenSpeed = 0;
        private double reaccPrefactor = REACCELERATION_ISOTROPIC;
        private double wind = 0;
        private boolean adiabatic = true;
        private boolean reaccInHalo = false;
        private double radius = Double.POSITIVE_INFINITY;

        public Builder network(Network n) {
            this.network = n;
            return this;
        }

        /** halo half-height H [cm] */
        public Builder haloHalfHeight(double cm) {
            this.haloH = cm;
            return this;
        }

        /** gas disk of half-thickness h [cm] */
        public Builder disk(double halfThicknessCm, Gas diskGas) {
            this.diskH = halfThicknessCm;
            this.gas = diskGas;
            return this;
        }

        public Builder diffusion(Diffusion d) {
            this.diffusion = d;
            return this;
        }

        public Builder source(Source s) {
            this.source = s;
            return this;
        }

        /** continuous losses in the disk; {@link ContinuousLoss#NONE} switches them off */
        public Builder losses(ContinuousLoss l) {
            this.losses = Objects.requireNonNull(l, "losses (ContinuousLoss.NONE for none)");
            return this;
        }

        /**
         * spallation switches: {@code destroy} removes nuclei by inelastic collisions,
         * {@code produce} creates fragments (hopkins2021 Fig. 4 test 2 keeps production only)
         */
        public Builder spallation(boolean destroy, boolean produce) {
            this.destruction = destroy;
            this.production = produce;
            return this;
        }

        public Builder decay(boolean on) {
            this.decay = on;
            return this;
        }

        /** reacceleration with Alfvén speed v_A [cm/s] and D_pp = η p² v_A²/D_xx (disk only unless {@link #reaccelerationInHalo}) */
        public Builder reacceleration(double alfvenSpeedCmPerS, double eta) {
            this.alfvenSpeed = alfvenSpeedCmPerS;
            this.reaccPrefactor = eta;
            return this;
        }

        /**
         * reacceleration in the whole diffusive volume |z| &lt; H (true; GALPROP/DRAGON2) or in the gas disk only
         * (false, the default of the builder; v_A is then a disk-equivalent speed)
         */
        public Builder reaccelerationInHalo(boolean halo) {
            this.reaccInHalo = halo;
            return this;
        }

        /**
         * A cylinder of radius R_max [cm] with free escape N(R_max) = 0 (DRAGON2/GALPROP geometry), in the
         * leading Bessel mode J₀(ζ₁ r/R_max): the radial Laplacian adds D ζ₁²/R_max² to the halo's loss rate,
         * so k = V + (2D/H)·x coth x with S² = V²/D² + 4Γ/D + 4ζ₁²/R_max² (infinite slab by default).
         */
        public Builder radialBoundary(double rMaxCm) {
            this.radius = rMaxCm;
            return this;
        }

        /** convective wind V sign(z) [cm/s], with the adiabatic loss it implies in the disk */
        public Builder convection(double windCmPerS) {
            this.wind = windCmPerS;
            return this;
        }

        /** switch the adiabatic loss of the wind off (for ablation tests; it is physical and on by default) */
        public Builder adiabaticLosses(boolean on) {
            this.adiabatic = on;
            return this;
        }

        public FlatHalo build() {
            if (network == null || diffusion == null || source == null || gas == null) {
                throw new ModelException("flat_halo: network, disk gas, diffusion and source are required");
            }
            if (!(radius > 0)) {
                throw new ModelException("flat_halo: the radial boundary R_max must be positive, got " + radius + " cm");
            }
            if (!(haloH > 0) || !(diskH > 0) || !(diskH < haloH) || Double.isInfinite(haloH)) {
                throw new ModelException("flat_halo: need 0 < h < H < ∞, got h = " + diskH / Constants.PC + " pc, H = "
                        + haloH / Constants.KPC + " kpc");
            }
            if (!(alfvenSpeed >= 0) || !(reaccPrefactor >= 0) || !(wind >= 0) || Double.isInfinite(alfvenSpeed)
                    || Double.isInfinite(wind)) {
                throw new ModelException("flat_halo: Alfvén speed, reacceleration prefactor and wind must be finite and ≥ 0");
            }
            for (String s : source.species()) {
                if (!network.contains(s)) {
                    throw new ModelException("flat_halo: the source injects " + s + ", which the network does not transport "
                            + network);
                }
            }
            return new FlatHalo(this);
        }
    }

    // ---------------------------------------------------------------- halo functions

    /** x coth x, stable near 0 */
    static double xCothX(double x) {
        return x < 1e-4 ? 1 + x * x / 3 : x / Math.tanh(x);
    }

    /** e^{az} sinh(b(H−z))/sinh(bH) for |a| ≤ b (halo profile), stable for small and large bH */
    static double profile(double a, double b, double h, double z) {
        double bh = b * h;
        if (bh < 1e-8) {
            return Math.exp(a * z) * (h - z) / h;
        }
        if (bh > 20) {
            return Math.exp((a - b) * z) * -Math.expm1(-2 * b * (h - z)) / -Math.expm1(-2 * bh);
        }
        return Math.exp(a * z) * Math.sinh(b * (h - z)) / Math.sinh(bh);
    }

    /** escape coefficient k = V + (2D/H)·x coth x [cm/s], x = SH/2, S = √(V²/D² + 4Γ/D) */
    double escapeCoefficient(double d, double gammaRad) {
        double s = Math.sqrt(wind * wind / (d * d) + 4 * gammaRad / d + 4 * radialEigen);
        return wind + 2 * d / haloH * xCothX(s * haloH / 2);
    }

    /** one integrator per thread: Commons Math integrators keep per-call state (fit and scan solve in parallel) */
    private static final ThreadLocal<IterativeLegendreGaussIntegrator> GL =
            ThreadLocal.withInitial(() -> new IterativeLegendreGaussIntegrator(8, 1e-11, 1e-15));

    /** ∫₀^H f dz split at multiples of a length scale ℓ (integrands decay like e^{−z/ℓ}) */
    private double integrate(UnivariateFunction f, double ell) {
        List<Double> cuts = new ArrayList<>();
        cuts.add(0.0);
        for (double c = ell / 4; c < haloH; c *= 4) {
            cuts.add(c);
        }
        cuts.add(haloH);
        double sum = 0;
        for (int i = 0; i + 1 < cuts.size(); i++) {
            sum += GL.get().integrate(1_000_000, f, cuts.get(i), cuts.get(i + 1));
        }
        return sum;
    }

    /** ∫₀^H N(z)/N₀ dz for decay rate Γ [cm] */
    private double profileIntegral(double d, double gammaRad) {
        double a = wind / (2 * d);
        double b = Math.sqrt(a * a + gammaRad / d + radialEigen);
        if (wind == 0 && gammaRad == 0 && radialEigen == 0) {
            return haloH / 2;
        }
        if (wind == 0) {
            // ∫₀^H sinh(b(H − z))/sinh(bH) dz = (cosh bH − 1)/(b sinh bH) = tanh(bH/2)/b
            double bh = b * haloH;
            return bh < 1e-6 ? haloH / 2 * (1 - bh * bh / 12) : Math.tanh(bh / 2) / b;
        }
        double ell = Math.min(haloH, 1 / Math.max(b - a, 1e-300));
        return integrate(z -> profile(a, b, haloH, z), ell);
    }

    /** G = 2Γ_p ∫ ψ_p w_d dz [cm/s]: daughters from halo decays reaching the disk, per unit N_{p,0} */
    private double decayFeed(double dParent, double gParent, double dDaughter, double gDaughter) {
        double ap = wind / (2 * dParent);
        double bp = Math.sqrt(ap * ap + gParent / dParent + radialEigen);
        double ad = wind / (2 * dDaughter);
        double bd = Math.sqrt(ad * ad + gDaughter / dDaughter + radialEigen);
        double rate = bp - ap + bd + ad;
        double ell = Math.min(haloH, 1 / Math.max(rate, 1e-300));
        double integral = integrate(z -> profile(ap, bp, haloH, z) * profile(-ad, bd, haloH, z), ell);
        return 2 * gParent * integral;
    }

    // ---------------------------------------------------------------- diagnostics at one rigidity

    private double diffusionAt(Nuclide n, double rigidityGV) {
        return diffusion.checked(n.species(), rigidityGV, "flat_halo");
    }

    private double speedAtRigidity(Nuclide n, double rigidityGV) {
        return Kinematics.betaFromRigidity(n.species(), rigidityGV * Constants.GV) * Constants.C;
    }

    /** grammage X = μ v/k_esc [g cm⁻²] of a species at rigidity R [GV] (μ = 2hρ) */
    public double grammage(String species, double rigidityGV) {
        Nuclide n = network.table().get(species);
        double k = escapeCoefficient(diffusionAt(n, rigidityGV), 0);
        return 2 * diskH * gas.massDensity() * speedAtRigidity(n, rigidityGV) / k;
    }

    /** mean residence time before escape, 2∫₀^H ψ dz / k_esc [Myr] (H²/2D without wind) */
    public double residenceTimeMyr(String species, double rigidityGV) {
        Nuclide n = network.table().get(species);
        double d = diffusionAt(n, rigidityGV);
        return 2 * profileIntegral(d, 0) / escapeCoefficient(d, 0) / Constants.MYR;
    }

    /** disk-equivalent escape time 2h/k_esc [Myr] (hH/D without wind) */
    public double escapeTimeMyr(String species, double rigidityGV) {
        Nuclide n = network.table().get(species);
        return 2 * diskH / escapeCoefficient(diffusionAt(n, rigidityGV), 0) / Constants.MYR;
    }

    // ---------------------------------------------------------------- solve

    /** Solves every species on {@code grid}, parents first. */
    public TransportSolution solve(EnergyGrid grid) {
        int ns = network.size();
        int n = grid.size();
        double[][] dens = new double[ns][];
        double[][] gram = new double[ns][n];
        double[][] res = new double[ns][n];
        double[][] esc = new double[ns][n];
        double[][] dCell = new double[ns][n];
        double[][] gRad = new double[ns][n];
        double[][] kCell = new double[ns][n];
        double mu = 2 * diskH * gas.massDensity();
        boolean reacc = alfvenSpeed > 0 && reaccPrefactor > 0;
        for (int i = 0; i < ns; i++) {
            Nuclide nu = network.nuclide(i);
            String what = "flat_halo, species " + nu.name();
            int a = nu.a();
            double[] lambda = new double[n];
            double[] src = new double[n];
            double[] gFac = new double[n];
            for (int k = 0; k < n; k++) {
                double e = grid.ekErg(k);
                double rgv = Kinematics.rigidityFromEkPerNucleon(nu.species(), e) / Constants.GV;
                double d = diffusionAt(nu, rgv);
                double v = network.speed(i, e);
                double gammaRad = decay ? nu.decayRate(network.lorentzGamma(i, e)) : 0;
                double kk = escapeCoefficient(d, gammaRad);
                double kEsc = gammaRad == 0 ? kk : escapeCoefficient(d, 0);
                dCell[i][k] = d;
                gRad[i][k] = gammaRad;
                kCell[i][k] = kk;
                gram[i][k] = mu * v / kEsc;
                res[i][k] = 2 * profileIntegral(d, 0) / kEsc / Constants.MYR;
                esc[i][k] = 2 * diskH / kEsc / Constants.MYR;
                lambda[k] = kk / (2 * diskH) + (destruction ? network.destructionRate(i, e, gas) : 0);
                double s = source.ratePerEnergy(nu.species(), e) / (2 * diskH);
                if (production) {
                    for (Network.Production pr : network.productionsInto(i)) {
                        s += network.productionRate(pr, e, gas) * dens[pr.parent()][k];
                    }
                }
                if (decay) {
                    for (int p : network.decayParentsOf(i)) {
                        if (gRad[p][k] > 0) {
                            s += decayFeed(dCell[p][k], gRad[p][k], d, gammaRad) * dens[p][k] / (2 * diskH);
                        }
                    }
                }
                src[k] = s;
                double p = Kinematics.momentumFromKineticEnergy(nu.species(), e * a);
                gFac[k] = v / (p * p);
            }
            double[] edot = null;
            double adWind = adiabatic ? wind : 0;
            boolean anyLoss = losses != ContinuousLoss.NONE || adWind > 0;
            if (anyLoss) {
                edot = new double[n + 1];
                for (int k = 0; k <= n; k++) {
                    double e = grid.edgeErg(k);
                    double p = Kinematics.momentumFromKineticEnergy(nu.species(), e * a);
                    double v = network.speed(i, e);
                    edot[k] = losses.dEdtPerNucleon(nu, e, gas) - v * p * adWind / (3 * diskH * a);
                }
            }
            double[] w = null;
            if (reacc) {
                w = new double[n + 1];
                for (int k = 1; k < n; k++) {
                    double e = grid.edgeErg(k);
                    double p = Kinematics.momentumFromKineticEnergy(nu.species(), e * a);
                    double rgv = Kinematics.rigidityFromMomentum(nu.species(), p) / Constants.GV;
                    double dEdge = diffusionAt(nu, rgv);
                    double dpp = reaccPrefactor * alfvenSpeed * alfvenSpeed * p * p / dEdge;
                    w[k] = p * p * dpp * network.speed(i, e) / ((double) a * a);
                    if (reaccInHalo) {
                        // whole-volume D_pp: the z-integral of the halo term is 2∫₀^H ψ dz instead of 2h
                        double gEdge = decay ? nu.decayRate(network.lorentzGamma(i, e)) : 0;
                        w[k] *= profileIntegral(dEdge, gEdge) / diskH;
                    }
                }
            }
            dens[i] = DiskEnergySolver.solve(what, grid, lambda, src, edot, w, gFac);
        }
        return new TransportSolution(network, grid, dens, gram, res, esc);
    }

    public Network network() {
        return network;
    }

    public Gas gas() {
        return gas;
    }

    /** surface density μ = 2hρ [g cm⁻²] */
    public double surfaceDensity() {
        return 2 * diskH * gas.massDensity();
    }
}
