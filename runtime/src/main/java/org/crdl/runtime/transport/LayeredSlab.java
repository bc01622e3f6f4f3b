package org.crdl.runtime.transport;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.crdl.runtime.network.ContinuousLoss;
import org.crdl.runtime.network.Gas;
import org.crdl.runtime.network.Network;
import org.crdl.runtime.network.Nuclide;
import org.crdl.runtime.particles.Kinematics;
import org.crdl.runtime.particles.Species;
import org.crdl.runtime.plasma.ModelException;
import org.crdl.runtime.units.Constants;

/**
 * The layered slab (DESIGN §4 {@code layers}; kempski2022 §4, digest §3): a thin loss/spallation
 * disk at z = 0 (half-thickness h, gas of density n) under a stack of {@link Layer}s, each
 * diffusive or self-confined (NLL), with free escape n(z_top) = 0 at the top (L124: f(z = r) = 0).
 * Steady state, 1D in z ≥ 0 (mirror symmetric), solved rigidity by rigidity unless a diffusive layer has
 * a wind or reacceleration (below).
 *
 * <p><b>Unknown.</b> n_i(z, R), the number density per unit rigidity of species i; inside each
 * layer the flux per side F_i = v_st n − κ ∂_z n is constant. With n(z_top) = 0 the layers are
 * integrated downward in closed form ({@link Layer}), which gives continuity of n and of the flux
 * at every interface by construction, and n(0) as a function Φ(F) of the flux.
 *
 * <p><b>Disk.</b> Per side, the flux leaving the disk is F = S − λ n(0) with the source
 * S_i = Q_i + Σ_j h Γ_{j→i} n_j(0) (Q the per-side injection of {@link Source}; fragments keep the
 * parent's kinetic energy per nucleon, as in {@link FlatHalo}, or — {@link Builder#fragmentsAtEqualRigidity},
 * kempski2022 L293 — are produced at the parent's rigidity with σ at the parent's energy per nucleon) and
 * the sink λ = h(1/τ_loss + Γ_inel). Ionization losses act on <b>protons only</b>: the loss-factor
 * form is valid for protons but not for boron (kempski2022 L49, App. C), so nuclei are computed
 * without losses, as in the paper. Destruction Γ_inel is off by default (the paper's B/C, eq. 30,
 * has production only).
 *
 * <p><b>Losses</b> ({@link LossTreatment}): {@code PAPER} applies the corrected eq. 33
 * (digest §2.6 [derived]: the printed last term lacks a factor z_W),
 * n(0) → n(0)/(1 + λ R_lin), R_lin = Σ Δz/κ over the diffusive layers below the first NLL layer
 * + 1/v_A of that layer (= h/(v_A τ) + h z_W/(τ κ_turb) for the two-phase model; the whole stack's
 * linear response when there is no NLL layer, then exact). {@code EXACT} solves F + λ Φ(F) = S by
 * Brent's method (Commons Math), the "quadratic" of L143 in general form, and keeps the profile
 * consistent with the reduced flux.
 *
 * <p><b>Momentum terms</b> (issue 15): a diffusive layer's advection speed V_l (its wind) has the adiabatic
 * term ṗ = −(p/3) dV/dz, which for V = V_1 sign(z) at the disk and jumps V_{l+1} − V_l at the layer
 * boundaries is a sum of δ-functions; its reacceleration D_pp = η p² v_A,l²/κ_l acts inside the layer
 * ({@link Builder#reacceleration}: in every diffusive layer, or in the thin disk only). Both are folded into
 * the disk equation as in the {@link FlatHalo} thin-disk solution: with ψ(z) = n(z)/n(0) the profile per unit
 * flux at that rigidity, per side
 * <pre>
 *   (k + λ) n₀ + ∂_R(Ṙ n₀) − ∂_R(W ∂_R(n₀/R²)) = S,   k = 1/ψ-profile's n(0) per unit flux,
 *   h Ṙ = −R V_eff/3,  V_eff = Σ_l V_l (ψ(z_l) − ψ(z_{l+1})) ≥ 0,   W = R⁴ Σ_l η v_A,l²/κ_l ∫_layer ψ dz
 * </pre>
 * (in rigidity, ∝ p for one species: D_RR = η R² v_A²/κ). The boundary terms of a piecewise wind telescope
 * into V_eff, a net loss since ψ falls upward; one layer gives the flat halo's p V/3 and ∫₀^H ψ dz exactly.
 * As in the flat halo, ψ's own energy dependence inside ∂_R is neglected (exact for one layer without wind,
 * where ψ = 1 − z/H). The equation is solved by {@link RigidityEnergySolver} (finite volume in R, second-order
 * upwind losses, centred momentum diffusion, band LU); the flux is then F = n₀ k and the profile ψ F.
 * Ionization losses of protons stay the sink h/τ_loss above. <b>Convergence</b> (LayeredMomentumTest; two
 * layers, winds 5 and 15 km/s, v_A = 20 and 30 km/s, DRAGON2 η): the p, C, ¹¹B LIS at 0.1–1000 GeV/n deviate
 * from 160 points per decade by 2.0×10⁻², 5.9×10⁻³, 1.2×10⁻³ at 20, 40, 80 (order ≈ 2); a one-layer stack
 * equals the flat halo to &lt; 0.5 % at 40 points per decade. Start the grid a decade below the energies of
 * interest (zero-flux boundaries). Not available with a self-confined layer: its protons set κ
 * nonlinearly rigidity by rigidity (an error at build time).
 *
 * <p>The [derived] combined two-phase B/C (digest §3.3 step 6),
 * B/C = (h/τ_spall)[z_W/κ_B + (1/v_A)(1 − (s₀/(r − z_W + s₀))^{v_p/v_B})], s₀ = X²/(Q v_A), is what
 * this solver returns for a WIM + NLL-halo stack without destruction (test).
 */
public final class LayeredSlab {

    /** how proton ionization losses in the disk are applied */
    public enum LossTreatment {
        /** eq. 33 (corrected) / eq. 16 loss factor on n(0); the paper's approximation */
        PAPER,
        /** flux balance F = Q − n(0) h/τ_loss solved exactly (root finding) */
        EXACT
    }

    private final Network network;
    private final double diskH;
    private final Gas gas;
    private final List<Layer> layers;
    private final Source source;
    private final ContinuousLoss losses;
    private final LossTreatment treatment;
    private final boolean destruction;
    private final boolean production;
    private final boolean equalRigidity;
    private final double reaccPrefactor;
    private final boolean reaccInLayers;
    private final double[] zEdges;

    private LayeredSlab(Builder b) {
        this.network = b.network;
        this.diskH = b.diskH;
        this.gas = b.gas;
        this.layers = List.copyOf(b.layers);
        this.source = b.source;
        this.losses = b.losses;
        this.treatment = b.treatment;
        this.destruction = b.destruction;
        this.production = b.production;
        this.equalRigidity = b.equalRigidity;
        this.reaccPrefactor = b.reaccPrefactor;
        this.reaccInLayers = b.reaccInLayers;
        this.zEdges = new double[layers.size() + 1];
        for (int l = 0; l < layers.size(); l++) {
            zEdges[l + 1] = zEdges[l] + layers.get(l).thickness();
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Layered-slab parameters, cgs. Required: network, disk, at least one layer, source. */
    public static final class Builder {
        private Network network;
        private double diskH = Double.NaN;
        private Gas gas;
        private final List<Layer> layers = new ArrayList<>();
        private Source source;
        private ContinuousLoss losses = ContinuousLoss.KEMPSKI2022;
        private LossTreatment treatment = LossTreatment.PAPER;
        private boolean destruction = false;
        private boolean production = true;
        private boolean equalRigidity = false;
        private double reaccPrefactor = FlatHalo.REACCELERATION_ISOTROPIC;
        private boolean reaccInLayers = true;

        public Builder network(Network n) {
            this.network = n;
            return this;
        }

        /** the thin disk: half-thickness h [cm] and its gas (kempski2022: 200 pc, 1.25 cm⁻³) */
        public Builder disk(double halfThicknessCm, Gas diskGas) {
            this.diskH = halfThicknessCm;
            this.gas = diskGas;
            return this;
        }

        /** the next layer above the previous one */
        public Builder layer(Layer l) {
            layers.add(l);
            return this;
        }

        public Builder source(Source s) {
            this.source = s;
            return this;
        }

        /** proton ionization losses in the disk; {@link ContinuousLoss#NONE} switches them off */
        public Builder losses(ContinuousLoss l, LossTreatment t) {
            this.losses = Objects.requireNonNull(l, "losses (ContinuousLoss.NONE for none)");
            this.treatment = t;
            return this;
        }

        public Builder spallation(boolean destroy, boolean produce) {
            this.destruction = destroy;
            this.production = produce;
            return this;
        }

        /**
         * fragments produced at the parent's rigidity (true: kempski2022 L293, digest §3.3 item 8) instead of
         * at the parent's kinetic energy per nucleon (false, the default, as in {@link FlatHalo})
         */
        public Builder fragmentsAtEqualRigidity(boolean on) {
            this.equalRigidity = on;
            return this;
        }

        /**
         * Reacceleration convention: D_pp = η p² v_A²/κ with each diffusive layer's v_A and κ, acting in every
         * diffusive layer ({@code inLayers}, the whole diffusive volume as in GALPROP/DRAGON2 and the flat halo's
         * {@code reacceleration = halo}) or in the thin disk only, with the first layer's v_A and κ
         * (the flat halo's {@code reacceleration = disk}). Default: η = 1/9, in the layers.
         */
        public Builder reacceleration(double eta, boolean inLayers) {
            this.reaccPrefactor = eta;
            this.reaccInLayers = inLayers;
            return this;
        }

        public LayeredSlab build() {
            if (network == null || gas == null || source == null || layers.isEmpty()) {
                throw new ModelException("layers: network, disk, source and at least one layer are required");
            }
            if (!(diskH > 0) || Double.isInfinite(diskH)) {
                throw new ModelException("layers: disk half-thickness must be positive and finite, got " + diskH + " cm");
            }
            boolean nll = layers.stream().anyMatch(l -> l instanceof Layer.SelfConfinedNll);
            if (nll && !network.contains("p")) {
                throw new ModelException("layers: a self-confined (NLL) layer is set by the proton flux (kempski2022 L70);"
                        + " add p to the species");
            }
            for (String s : source.species()) {
                if (!network.contains(s)) {
                    throw new ModelException("layers: the source injects " + s + ", which the network does not transport");
                }
            }
            if (!(reaccPrefactor >= 0) || Double.isInfinite(reaccPrefactor)) {
                throw new ModelException("layers: the reacceleration prefactor must be finite and ≥ 0, got " + reaccPrefactor);
            }
            if (nll && momentumCoupled(layers, reaccPrefactor)) {
                throw new ModelException("layers: reacceleration (v_A) and winds are not available together with a"
                        + " self-confined layer: its protons set κ nonlinearly rigidity by rigidity (kempski2022 L70)");
            }
            return new LayeredSlab(this);
        }
    }

    public List<Layer> layers() {
        return layers;
    }

    /** true when some diffusive layer has a wind (adiabatic term) or reacceleration, so rigidities are coupled */
    static boolean momentumCoupled(List<Layer> layers, double eta) {
        for (Layer l : layers) {
            if (l instanceof Layer.Diffusive d && (d.streamingSpeed() > 0 || (d.alfvenSpeed() > 0 && eta > 0))) {
                return true;
            }
        }
        return false;
    }

    /** heights of the layer boundaries [cm], from 0 to the top */
    public double[] boundaries() {
        return zEdges.clone();
    }

    // ---------------------------------------------------------------- per-rigidity state

    /** What is known at one rigidity once protons are solved: L of every NLL layer, κ_p = v_A (L − z). */
    static final class ProtonState {
        final double[] nllL;
        final double protonSpeed;

        ProtonState(int nLayers, double protonSpeed) {
            this.nllL = new double[nLayers];
            this.protonSpeed = protonSpeed;
        }
    }

    /**
     * n(z) inside layer l for flux F and top value n_top; for the proton (driver) in an NLL layer
     * {@code xn} is X in per-rigidity units and L is stored in {@code ps} when {@code store}.
     */
    double layerValue(Nuclide nu, double rStat, double flux, int l, double top, double z, boolean driver,
                      ProtonState ps, double xn, boolean store) {
        Layer layer = layers.get(l);
        double zTop = zEdges[l + 1];
        double rGV = rStat / Constants.GV;
        if (layer instanceof Layer.Diffusive) {
            Layer.Diffusive d = (Layer.Diffusive) layer;
            double kappa = d.kappa().checked(nu.species(), rGV, "layers, layer " + d.name());
            double v = d.streamingSpeed();
            double dz = zTop - z;
            // n_top e^{−x} + (F/v)(1 − e^{−x}), x = v Δz/κ (no cancellation for small v)
            return v == 0 ? top + flux * dz / kappa
                    : top * Math.exp(-v * dz / kappa) - flux * dz / kappa * Math.expm1(-v * dz / kappa) / (v * dz / kappa);
        }
        Layer.SelfConfinedNll s = (Layer.SelfConfinedNll) layer;
        double va = s.alfvenSpeed();
        if (driver) {
            if (flux <= 0) {
                if (store) {
                    ps.nllL[l] = Double.POSITIVE_INFINITY;
                }
                return 0;
            }
            double excess = flux / va - top;
            if (!(excess > 1e-12 * flux / va)) {
                throw new ModelException("layers, layer " + s.name() + ", p at R = " + rGV + " GV: the density at the top"
                        + " of the self-confined layer (" + top + ") is not below F/v_A (" + flux / va
                        + "); NLL self-confinement needs a profile decreasing upward");
            }
            // eq. 13: n(z) = F/v_A + X²/(v_A² (z + C)), C = −L, L = z_top + X²/(v_A² (F/v_A − n_top))
            double lHeight = zTop + xn * xn / (va * va * excess);
            if (store) {
                ps.nllL[l] = lHeight;
            }
            return flux / va - xn * xn / (va * va * (lHeight - z));
        }
        double lHeight = ps.nllL[l];
        if (Double.isInfinite(lHeight)) {
            return flux / va;
        }
        double vi = Kinematics.betaFromRigidity(nu.species(), rStat) * Constants.C;
        double nv = ps.protonSpeed / vi;
        // κ_i = (v_i/v_p) v_A (L − z):  n(z) = F/v_A + (n_top − F/v_A) ((L − z_top)/(L − z))^{v_p/v_i}  (eq. 30)
        return flux / va + (top - flux / va) * Math.pow((lHeight - zTop) / (lHeight - z), nv);
    }

    /** n at every layer boundary (index l = bottom of layer l, last = top = 0) for flux F */
    double[] boundaryValues(Nuclide nu, double rStat, double flux, boolean driver, ProtonState ps, double[] xs,
                            boolean store) {
        int nl = layers.size();
        double[] n = new double[nl + 1];
        for (int l = nl - 1; l >= 0; l--) {
            n[l] = layerValue(nu, rStat, flux, l, n[l + 1], zEdges[l], driver, ps, xs == null ? 0 : xs[l], store);
        }
        return n;
    }

    /** linear response R_lin of n(0) to the flux for the PAPER loss factor (see the class comment) */
    private double linearResponse(Nuclide nu, double rStat) {
        double sum = 0;
        double rGV = rStat / Constants.GV;
        for (Layer layer : layers) {
            if (layer instanceof Layer.SelfConfinedNll) {
                return sum + 1 / ((Layer.SelfConfinedNll) layer).alfvenSpeed();
            }
            Layer.Diffusive d = (Layer.Diffusive) layer;
            double kappa = d.kappa().checked(nu.species(), rGV, "layers, layer " + d.name());
            double v = d.streamingSpeed();
            sum += v == 0 ? d.thickness() / kappa : -Math.expm1(-v * d.thickness() / kappa) / v;
        }
        return sum;
    }

    /** X (per-rigidity units, n = 4πp² (dp/dR) f) of every NLL layer for protons at R; 0 for diffusive layers */
    double[] nllX(Nuclide proton, double rStat, double vp) {
        double p = Kinematics.momentumFromRigidity(proton.species(), rStat);
        double conv = 4 * Math.PI * p * p * Constants.Q_E / Constants.C;
        double[] xs = new double[layers.size()];
        for (int l = 0; l < layers.size(); l++) {
            if (layers.get(l) instanceof Layer.SelfConfinedNll) {
                xs[l] = ((Layer.SelfConfinedNll) layers.get(l)).x(p, vp) * Math.sqrt(conv);
            }
        }
        return xs;
    }

    /** Solves all species at the given rigidities [GV] (increasing). */
    public LayeredSolution solve(double[] rigiditiesGV) {
        int ns = network.size();
        int nr = rigiditiesGV.length;
        int nl = layers.size();
        double[][][] nAt = new double[ns][nr][];
        double[][] n0 = new double[ns][nr];
        double[][] flux = new double[ns][nr];
        double[][] nllL = new double[nr][];
        boolean hasNll = layers.stream().anyMatch(l -> l instanceof Layer.SelfConfinedNll);
        int protonIndex = network.contains("p") ? network.indexOf("p") : -1;
        List<Integer> order = new ArrayList<>();
        if (protonIndex >= 0) {
            order.add(protonIndex); // protons first: they set κ in self-confined layers (L70)
        }
        for (int i = 0; i < ns; i++) {
            if (i != protonIndex) {
                order.add(i);
            }
        }
        double[] lnR = new double[nr];
        for (int r = 0; r < nr; r++) {
            double rGV = rigiditiesGV[r];
            if (!(rGV > 0) || Double.isInfinite(rGV) || (r > 0 && !(rGV > rigiditiesGV[r - 1]))) {
                throw new ModelException("layers: rigidities must be positive, finite and increasing, got " + rGV + " GV");
            }
            lnR[r] = Math.log(rGV);
        }
        ProtonState[] states = new ProtonState[nr];
        for (int r = 0; r < nr; r++) {
            double vp = Kinematics.betaFromRigidity(Species.proton(), rigiditiesGV[r] * Constants.GV) * Constants.C;
            states[r] = new ProtonState(nl, vp);
        }
        boolean coupled = momentumCoupled(layers, reaccPrefactor);
        for (int i : order) {
            Nuclide nu = network.nuclide(i);
            double[] sources = new double[nr];
            double[] sinks = new double[nr];
            double[][] units = new double[nr][];
            for (int r = 0; r < nr; r++) {
                double rGV = rigiditiesGV[r];
                double rStat = rGV * Constants.GV;
                ProtonState ps = states[r];
                double vp = ps.protonSpeed;
                boolean driver = i == protonIndex && hasNll;
                double ek = Kinematics.ekPerNucleonFromRigidity(nu.species(), rStat);
                double s = source.ratePerRigidity(nu.species(), rStat) / 2;
                if (production) {
                    for (Network.Production pr : network.productionsInto(i)) {
                        s += diskH * parentTerm(pr, nu, rStat, ek, n0[pr.parent()], lnR, r);
                    }
                }
                double lambda = destruction ? diskH * network.destructionRate(i, ek, gas) : 0;
                if (i == protonIndex && losses != ContinuousLoss.NONE) {
                    lambda += diskH / losses.momentumLossTime(nu, ek, gas);
                }
                double f;
                double[] prof;
                double nZero;
                if (driver) {
                    double[] xs = nllX(nu, rStat, vp);
                    if (lambda == 0 || s <= 0) {
                        f = Math.max(s, 0);
                        prof = boundaryValues(nu, rStat, f, true, ps, xs, true);
                        nZero = prof[0];
                    } else if (treatment == LossTreatment.PAPER) {
                        f = s;
                        prof = boundaryValues(nu, rStat, f, true, ps, xs, true);
                        nZero = prof[0] / (1 + lambda * linearResponse(nu, rStat));
                    } else {
                        double lam = lambda;
                        double target = s;
                        ProtonState trial = new ProtonState(nl, vp);
                        try {
                            // in units of the source, F = x S with x ∈ (0, 1]: g(x) = x + λ Φ(xS)/S − 1
                            double x = new BrentSolver(1e-14, 1e-15, 1e-15).solve(1000,
                                    y -> y + lam * boundaryValues(nu, rStat, y * target, true, trial, xs, false)[0] / target - 1,
                                    1e-12, 1.0);
                            f = x * target;
                        } catch (MathIllegalStateException | IllegalArgumentException ex) {
                            throw new ModelException("layers, p at R = " + rGV
                                    + " GV: no flux balance F + λ n(0) = Q found (" + ex.getMessage() + ")", ex);
                        }
                        prof = boundaryValues(nu, rStat, f, true, ps, xs, true);
                        nZero = prof[0];
                    }
                } else {
                    sources[r] = s;
                    sinks[r] = lambda;
                    units[r] = boundaryValues(nu, rStat, 1, false, ps, null, false);
                    continue;
                }
                store(nu, rGV, i, r, nZero, f, prof, n0, flux, nAt);
            }
            if (i == protonIndex && hasNll) {
                continue;
            }
            double[] nDisk = coupled ? momentumSolve(nu, rigiditiesGV, sources, sinks, units) : null;
            for (int r = 0; r < nr; r++) {
                double[] unit = units[r];
                double f = coupled ? nDisk[r] / unit[0] : sources[r] / (1 + sinks[r] * unit[0]);
                double[] prof = new double[nl + 1];
                for (int l = 0; l <= nl; l++) {
                    prof[l] = unit[l] * f;
                }
                store(nu, rigiditiesGV[r], i, r, prof[0], f, prof, n0, flux, nAt);
            }
        }
        for (int r = 0; r < nr; r++) {
            nllL[r] = states[r].nllL.clone();
        }
        return new LayeredSolution(this, rigiditiesGV.clone(), n0, flux, nAt, nllL);
    }

    private static void store(Nuclide nu, double rGV, int i, int r, double nZero, double f, double[] prof, double[][] n0,
                              double[][] flux, double[][][] nAt) {
        if (!Double.isFinite(nZero) || nZero < 0) {
            throw new ModelException("layers, species " + nu.name() + " at R = " + rGV + " GV: density at the disk is "
                    + ModelException.show(nZero));
        }
        n0[i][r] = nZero;
        flux[i][r] = f;
        nAt[i][r] = prof;
    }

    /**
     * The disk density of one species with the momentum terms (see the class comment): per side,
     * (k + λ) n + ∂_R(Ṙ n) − ∂_R(W ∂_R(n/R²)) = S with k = F/n(0) = 1/u₀ the escape coefficient of the
     * profile per unit flux u, h Ṙ = −R V_eff/3, V_eff = Σ_l V_l (ψ_l − ψ_{l+1}) (ψ = u/u₀ at the layer
     * boundaries) and W = R² Σ_l η v_A,l² R²/κ_l ∫_layer ψ dz (or h η v_A,1² R²/κ_1 in the disk only).
     */
    private double[] momentumSolve(Nuclide nu, double[] rGV, double[] sources, double[] sinks, double[][] units) {
        int nr = rGV.length;
        int nl = layers.size();
        double[] lambda = new double[nr];
        for (int r = 0; r < nr; r++) {
            lambda[r] = 1 / units[r][0] + sinks[r];
        }
        double[] edge = RigidityEnergySolver.edges(rGV);
        double[] rdot = new double[nr + 1];
        double[] w = new double[nr + 1];
        boolean anyWind = false;
        boolean anyReacc = false;
        for (int e = 0; e <= nr; e++) {
            double rStat = edge[e] * Constants.GV;
            double[] u = boundaryValues(nu, rStat, 1, false, new ProtonState(nl, 0), null, false);
            double vEff = 0;
            double weight = 0;
            for (int l = 0; l < nl; l++) {
                Layer.Diffusive d = (Layer.Diffusive) layers.get(l);
                vEff += d.streamingSpeed() * (u[l] - u[l + 1]) / u[0];
                if (d.alfvenSpeed() > 0 && reaccPrefactor > 0 && (reaccInLayers || l == 0)) {
                    double kappa = d.kappa().checked(nu.species(), edge[e], "layers, layer " + d.name());
                    double column = reaccInLayers ? d.column(kappa, 1, u[l + 1]) / u[0] : diskH;
                    weight += reaccPrefactor * d.alfvenSpeed() * d.alfvenSpeed() / kappa * column;
                }
            }
            rdot[e] = -edge[e] * Math.max(vEff, 0) / 3;
            w[e] = Math.pow(edge[e], 4) * weight;
            anyWind |= vEff > 0;
            anyReacc |= weight > 0;
        }
        return RigidityEnergySolver.solve("layers, species " + nu.name(), rGV, lambda, sources, anyWind ? rdot : null,
                anyReacc ? w : null);
    }

    /**
     * Γ_{j→i} n_j for the fragment at rigidity R [cm⁻³ s⁻¹ per unit R]. Per-nucleon energy conserved
     * (default): the parent has the fragment's E_n, hence the rigidity R_j = R (A_j/Z_j)/(A_i/Z_i), and
     * dR_j/dR_i = (A_j Z_i)/(Z_j A_i) converts its density per unit rigidity; n_j(R_j) is interpolated
     * linearly in ln R (power law beyond the grid). Equal rigidity (kempski2022 L293): n_j(R), σ at the
     * parent's E_n.
     */
    private double parentTerm(Network.Production pr, Nuclide fragment, double rStat, double ekFragment, double[] nParent,
                              double[] lnR, int r) {
        Nuclide parent = network.nuclide(pr.parent());
        if (equalRigidity) {
            double ekParent = Kinematics.ekPerNucleonFromRigidity(parent.species(), rStat);
            return network.productionRate(pr, ekParent, gas) * nParent[r];
        }
        double jacobian = (double) parent.a() * fragment.z() / ((double) parent.z() * fragment.a());
        double nAtParent = interpolate(lnR, nParent, Math.log(rStat / Constants.GV * jacobian));
        return network.productionRate(pr, ekFragment, gas) * nAtParent * jacobian;
    }

    /** y(x) on a ln R grid: linear inside, power law (log-log) from the two end points outside, 0 if not positive */
    static double interpolate(double[] lnR, double[] y, double x) {
        int n = lnR.length;
        if (n == 1) {
            return y[0];
        }
        if (x < lnR[0] || x > lnR[n - 1]) {
            int a = x < lnR[0] ? 0 : n - 2;
            if (!(y[a] > 0) || !(y[a + 1] > 0)) {
                return 0;
            }
            double slope = Math.log(y[a + 1] / y[a]) / (lnR[a + 1] - lnR[a]);
            return y[a] * Math.exp(slope * (x - lnR[a]));
        }
        int lo = 0;
        int hi = n - 1;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (lnR[mid] <= x) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double w = (x - lnR[lo]) / (lnR[hi] - lnR[lo]);
        return y[lo] + w * (y[hi] - y[lo]);
    }

    Network network() {
        return network;
    }

    double diskHalfThickness() {
        return diskH;
    }

    Gas gas() {
        return gas;
    }
}
