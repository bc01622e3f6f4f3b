package org.crdl.runtime.turbulence;

import org.crdl.runtime.numerics.GaussLegendre;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.crdl.runtime.particles.Resonance;
import org.crdl.runtime.particles.Species;
import org.crdl.runtime.plasma.ModelException;

/**
 * Resonance-broadened quasi-linear scattering of cosmic rays by pre-existing MHD turbulence:
 * D_μμ from fast modes (TTD n = 0 and gyroresonance n = ±1) and Alfvén modes, and the
 * spatial coefficient D_xx (fornieri2021 eqs (1), (6), App. A; kempski2022 App. A).
 * <p>
 * Dimensionless variables (fornieri2021 L85, L413, L524): R = v/(ΩL) = r_g/L, x = kL, ξ = cos θ,
 * s = (1−μ²)^{1/2}, Δμ² = M_A s² (eq. (2)); every D_μμ = (v/L) d(μ):
 * <pre>
 *   d_F,T = √π M_A^{3/2} s/(2R²) ∫_0^1 dξ ξ ∫_1^{k_max L(ξ)} dx x^{-5/2} J_1²(z) e^{−(μ − v_A/(ξv))²/Δμ²}          (A22)
 *   d_F,G = √π M_A^{3/2} s/(2R²) ∫_0^1 dξ ξ ∫_1^{k_max L(ξ)} dx x^{-5/2} J_1'²(z) [E⁺ + E⁻],  E^± = e^{−(μ ± 1/(xξR))²/Δμ²}  (A23)
 *           z = R x (1−ξ²)^{1/2} s
 *   d_A   = 2√π M_A^b s/(3R²) ∫ dx_∥/x_∥ [E⁺ + E⁻](x_∥) ∫ dx_⊥ x_⊥^{-7/3} J_1²(z_A)/z_A² e^{−x_∥/(M_A^a x_⊥^{2/3})},  z_A = x_⊥ R s
 *           a = 4/3, b = 5/6 (M_A ≤ 1, (A14)); a = 1, b = 1/2 (M_A &gt; 1, (A15)); √(1−μ²) restored (digest §2.5)
 *   D_xx  = P ∫_0^1 dμ v² (1−μ²)²/(D_F,T + D_F,G + D_A) = P v L ∫_0^1 dμ s⁴/d,   P = 1/4 (eq. (6)) or 1/8
 * </pre>
 * Alfvén limits (A16), L440–L454: x_⊥ ∈ [M_A^{-2}, x_⊥,max], x_∥ ∈ [1, x_⊥,max^{2/3}] for M_A ≤ 1;
 * x_⊥,min = x_∥,min = M_A³ for M_A &gt; 1.
 * <p>
 * Numerics: μ = sin φ with Gauss–Legendre in φ; composite Gauss–Legendre in ξ on panels ending at
 * the truncation breakpoints (branch changes, jumps, kinks of k_max L(ξ)) and wherever
 * ln min(k_max L, 10⁴/R) changes by 1.5 (k_max L read from a table refined to 0.05 in ln k_max L,
 * see {@link FastModeTruncation}); the TTD x-integral in closed form ({@link TransitTimeKernel});
 * the gyroresonance x-integral and the Alfvén x_∥ integral in ln x on panels placed at the
 * resonance Gaussian (u = 1/(xξR) = μ, μ ± σ, μ ± 3σ, ±7σ cut), at the Bessel-oscillation region
 * z ∈ [π, 17π/4] (sub-panels of Δz ≤ 4.5) and with geometric tail panels (20 e-folds); the Alfvén
 * x_⊥ integral from {@link AlfvenKernelTable}. Every D_xx is computed at two or more levels of
 * {@link QuadratureSettings} (node counts ×1, ×1.5, ×2 …) and reports the relative change as its
 * error. The truncation is evaluated once per environment (never per rigidity).
 * Instances are immutable and thread-safe.
 */
public final class QuasiLinearScattering {
    private final TurbulenceEnvironment env;
    private final Species species;
    private final QuadratureSettings settings;
    private final FastModeTruncation truncation;
    private final ConcurrentHashMap<Integer, Level> levels = new ConcurrentHashMap<>();
    private final boolean hasAlfven;
    private final boolean hasFast;
    private final double widthFactor;
    private final double resonancePrefactor;
    private final double alfvenA;
    private final double alfvenB;
    private final double xPerpMin;
    private final double xPerpMax;
    private final double xParMin;
    private final double xParMax;
    private final boolean bothGyro;

    private record Level(int index, double[] phi, double[] phiW, int xiNodes, int xNodes) {
    }

    /** ξ nodes, weights and k_max L at one rigidity and level. */
    private record XiRule(double[] xi, double[] w, double[] kmaxL) {
    }

    /** Per-call scratch space (never shared between threads). */
    private static final class Work {
        final double[] bessel = new double[2];
        final double[] feats = new double[32];
        double[] edges = new double[512];
        final double[] d = new double[3];
    }

    public QuasiLinearScattering(TurbulenceEnvironment env) {
        this(env, Species.proton(), QuadratureSettings.standard());
    }

    public QuasiLinearScattering(TurbulenceEnvironment env, Species species, QuadratureSettings settings) {
        this.env = env;
        this.species = species;
        this.settings = settings;
        this.truncation = new FastModeTruncation(env);
        this.hasAlfven = env.modes().contains(ModeFamily.ALFVEN);
        this.hasFast = env.modes().contains(ModeFamily.FAST);
        boolean code2023 = env.conventions().resonanceWidth() == Conventions.ResonanceWidth.CODE2023;
        this.widthFactor = code2023 ? 2.0 : 1.0;
        this.resonancePrefactor = code2023 ? 1.0 / Math.sqrt(2.0) : 1.0;
        this.bothGyro = env.conventions().gyroBranches() == Conventions.GyroBranches.BOTH;
        double ma = env.machAlfven();
        this.alfvenA = ma <= 1 ? 4.0 / 3.0 : 1.0;
        this.alfvenB = ma <= 1 ? 5.0 / 6.0 : 0.5;
        this.xPerpMin = ma <= 1 ? 1.0 / (ma * ma) : ma * ma * ma;
        this.xParMin = ma <= 1 ? 1.0 : ma * ma * ma;
        this.xPerpMax = env.alfvenXPerpMax();
        this.xParMax = Math.pow(xPerpMax, 2.0 / 3.0);
    }

    public TurbulenceEnvironment environment() {
        return env;
    }

    public FastModeTruncation truncation() {
        return truncation;
    }

    private Level level(int index) {
        return levels.computeIfAbsent(index, this::buildLevel);
    }

    /** Node count at level ℓ: base × (2 + ℓ)/2, i.e. ×1, ×1.5, ×2, … */
    static int count(int base, int level) {
        return (base * (2 + level) + 1) / 2;
    }

    private Level buildLevel(int index) {
        GaussLegendre gphi = GaussLegendre.of(count(settings.muNodes(), index));
        double[] phi = new double[gphi.size()];
        double[] phiW = new double[gphi.size()];
        for (int i = 0; i < phi.length; i++) {
            phi[i] = 0.25 * Math.PI * (1 + gphi.nodes[i]);
            phiW[i] = 0.25 * Math.PI * gphi.weights[i];
        }
        return new Level(index, phi, phiW, count(settings.xiNodesPerPanel(), index),
                count(settings.xNodesPerPanel(), index));
    }

    /**
     * The ξ rule at dimensionless rigidity R: composite Gauss–Legendre on panels that end at the
     * truncation breakpoints and wherever ln min(k_max L, 10⁴/R) changed by more than 1.5
     * (beyond x ~ 10⁴/R the x-integrals no longer depend on k_max).
     */
    private XiRule xiRule(double r, Level lv) {
        if (!hasFast) {
            return new XiRule(new double[0], new double[0], new double[0]);
        }
        double[] edges = truncation.panelEdges(1e4 / r, 1.5, settings.xiPanelWidth());
        GaussLegendre g = GaussLegendre.of(lv.xiNodes);
        int n = (edges.length - 1) * g.size();
        double[] xi = new double[n];
        double[] w = new double[n];
        double[] kmax = new double[n];
        int m = 0;
        for (int p = 0; p + 1 < edges.length; p++) {
            double a = edges[p];
            double h = 0.5 * (edges[p + 1] - a);
            for (int j = 0; j < g.size(); j++) {
                xi[m] = a + h * (1 + g.nodes[j]);
                w[m] = h * g.weights[j];
                kmax[m] = truncation.kMaxLInterpolated(xi[m]);
                m++;
            }
        }
        return new XiRule(xi, w, kmax);
    }

    /** Particle speed: v = βc, or the CODE-2020 v = 2.99e10 cm/s for every rigidity. */
    private double speed(Resonance res) {
        return env.conventions().constants() == Conventions.ConstantSet.CODE2020 ? 2.99e10 : res.speed();
    }

    // ------------------------------------------------------------------ public API

    /** D_xx at one rigidity [GV], convergence-checked. */
    public SpatialDiffusion at(double rigidityGV) {
        if (!(rigidityGV > 0) || Double.isInfinite(rigidityGV)) {
            throw new ModelException(where(rigidityGV) + ": rigidity must be positive and finite");
        }
        try {
            return compute(rigidityGV);
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new ModelException(where(rigidityGV) + ": " + e.getMessage(), e);
        }
    }

    private SpatialDiffusion compute(double rigidityGV) {
        Resonance res = Resonance.atGV(species, rigidityGV, env.field());
        double r = res.gyroradius() / env.injectionScale();
        double v = speed(res);
        Work w = new Work();
        double[] prev = dxxLevel(r, v, level(0), w, rigidityGV);
        int lv = 1;
        double[] cur = dxxLevel(r, v, level(1), w, rigidityGV);
        while (relDiff(prev[0], cur[0]) > settings.tolerance() && lv < settings.maxLevel()) {
            lv++;
            prev = cur;
            cur = dxxLevel(r, v, level(lv), w, rigidityGV);
        }
        double scale = env.conventions().muPrefactor().value * v * env.injectionScale();
        SpatialDiffusion out = new SpatialDiffusion(rigidityGV, scale * cur[0], scale * cur[1], scale * cur[2],
                relDiff(prev[0], cur[0]), relDiff(prev[1], cur[1]), relDiff(prev[2], cur[2]), lv);
        check(out.dxx(), "D_xx", rigidityGV);
        check(out.dxxAlfven(), "D_xx(Alfven)", rigidityGV);
        check(out.dxxFast(), "D_xx(fast)", rigidityGV);
        return out;
    }

    /** D_xx at each rigidity [GV], computed on a pool of {@code threads} threads (pure per rigidity). */
    public List<SpatialDiffusion> curve(double[] rigiditiesGV, int threads) {
        if (threads <= 1) {
            List<SpatialDiffusion> out = new ArrayList<>();
            for (double r : rigiditiesGV) {
                out.add(at(r));
            }
            return out;
        }
        level(0);
        level(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<SpatialDiffusion>> fs = new ArrayList<>();
            for (double r : rigiditiesGV) {
                fs.add(pool.submit(() -> at(r)));
            }
            List<SpatialDiffusion> out = new ArrayList<>();
            for (Future<SpatialDiffusion> f : fs) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelException(where(Double.NaN) + ": interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new ModelException(where(Double.NaN) + ": " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * D_μμ [s^-1] at one rigidity and pitch-angle cosine, at quadrature level {@code level}:
     * {Alfvén, fast TTD, fast gyroresonance}.
     */
    public double[] pitchAngleDiffusion(double rigidityGV, double mu, int level) {
        if (!(mu >= 0 && mu < 1)) {
            throw new ModelException(where(rigidityGV) + ": mu must be in [0, 1), got " + mu);
        }
        if (!(rigidityGV > 0) || Double.isInfinite(rigidityGV) || level < 0 || level > 5) {
            throw new ModelException(where(rigidityGV) + ": need a positive finite rigidity and 0 <= level <= 5");
        }
        Resonance res = Resonance.atGV(species, rigidityGV, env.field());
        double r = res.gyroradius() / env.injectionScale();
        double v = speed(res);
        Work w = new Work();
        Level lv = level(level);
        dmumu(r, v, mu, Math.sqrt(1 - mu * mu), lv, xiRule(r, lv), w);
        double f = v / env.injectionScale();
        return new double[] {f * w.d[0], f * w.d[1], f * w.d[2]};
    }

    /**
     * The gyroresonant x-integral ∫_1^X dx x^{-5/2} J_1'²(z)[E⁺ + E⁻] at dimensionless R, μ, ξ and
     * truncation X, with {@code nodes} Gauss–Legendre nodes per panel (for tests and diagnostics).
     */
    double gyroresonanceIntegral(double r, double mu, double xi, double xMax, int nodes) {
        double s = Math.sqrt(1 - mu * mu);
        double sigma = Math.sqrt(widthFactor * env.machAlfven()) * s;
        return gyroresonance(r, mu, xi, r * Math.sqrt(1 - xi * xi) * s, xMax, sigma, nodes, new Work());
    }

    private String where(double rigidityGV) {
        return "turbulence environment " + env.name() + (Double.isNaN(rigidityGV) ? "" : ", R = " + rigidityGV + " GV");
    }

    private void check(double value, String what, double rigidityGV) {
        if (Double.isNaN(value) || value < 0) {
            throw new ModelException(where(rigidityGV) + ": " + what + " came out as " + value
                    + " (quadrature failure; please report)");
        }
    }

    private static double relDiff(double a, double b) {
        if (a == b) {
            return 0.0;
        }
        if (Double.isInfinite(a) || Double.isInfinite(b)) {
            return Double.POSITIVE_INFINITY;
        }
        return Math.abs(b - a) / Math.max(Math.abs(b), Double.MIN_NORMAL);
    }

    // ------------------------------------------------------------------ D_xx

    /** {total, Alfvén, fast} of ∫_0^1 dμ s⁴/d over the accepted pitch angles. */
    private double[] dxxLevel(double r, double v, Level lv, Work w, double rigidityGV) {
        XiRule xr = xiRule(r, lv);
        int n = lv.phi.length;
        double[][] terms = new double[n][3];
        boolean[] ok = new boolean[n];
        boolean all = true;
        for (int i = 0; i < n; i++) {
            double phi = lv.phi[i];
            double mu = Math.sin(phi);
            double s = Math.cos(phi);
            dmumu(r, v, mu, s, lv, xr, w);
            double dA = w.d[0];
            double dF = w.d[1] + w.d[2];
            double dT = (hasAlfven ? dA : 0) + (hasFast ? dF : 0);
            ok[i] = accepted(s, dT);
            all &= ok[i];
            double jac = lv.phiW[i] * s * s * s * s * s;
            terms[i][0] = jac / dT;
            terms[i][1] = hasAlfven ? jac / dA : Double.POSITIVE_INFINITY;
            terms[i][2] = hasFast ? jac / dF : Double.POSITIVE_INFINITY;
        }
        if (all) {
            double[] sum = new double[3];
            for (int i = 0; i < n; i++) {
                for (int c = 0; c < 3; c++) {
                    sum[c] += terms[i][c];
                }
            }
            return sum;
        }
        // some pitch angles are not diffusive: integrate over the accepted φ intervals only
        List<double[]> intervals = acceptedIntervals(r, v, lv, xr, w, ok);
        double[] sum = new double[3];
        for (double[] iv : intervals) {
            int m = Math.max(4, (int) Math.ceil(n * (iv[1] - iv[0]) / (0.5 * Math.PI)));
            GaussLegendre g = GaussLegendre.of(m);
            double h = 0.5 * (iv[1] - iv[0]);
            for (int j = 0; j < m; j++) {
                double phi = iv[0] + h * (1 + g.nodes[j]);
                double mu = Math.sin(phi);
                double s = Math.cos(phi);
                dmumu(r, v, mu, s, lv, xr, w);
                double dA = w.d[0];
                double dF = w.d[1] + w.d[2];
                double dT = (hasAlfven ? dA : 0) + (hasFast ? dF : 0);
                double jac = h * g.weights[j] * s * s * s * s * s;
                sum[0] += jac / dT;
                sum[1] += hasAlfven ? jac / dA : Double.POSITIVE_INFINITY;
                sum[2] += hasFast ? jac / dF : Double.POSITIVE_INFINITY;
            }
        }
        return sum;
    }

    /** The diffusive-regime criterion at one pitch angle (fornieri2021 eq. (7); CODE-2020). */
    private boolean accepted(double s, double d) {
        double size = env.regionSize();
        double l = env.injectionScale();
        switch (env.conventions().diffusiveCriterion()) {
            case NONE:
                return true;
            case PAPER_MU_STAR:
                // tau_mumu/tau_stream = v s^2/(L' D_mumu) = L s^2/(L' d) < 1, L' = size/5
                return d > 0 && l * s * s / (d * size / 5.0) < 1.0;
            case CODE2020_DROP_POINTS:
                // c/nu <= size with nu = 2 D_mumu/s^2: L s^2/(2 d) <= size
                return d > 0 && l * s * s / (2.0 * d) <= size;
            default:
                throw new IllegalStateException();
        }
    }

    private boolean acceptedAt(double r, double v, double phi, Level lv, XiRule xr, Work w) {
        double mu = Math.sin(phi);
        double s = Math.cos(phi);
        dmumu(r, v, mu, s, lv, xr, w);
        double dT = (hasAlfven ? w.d[0] : 0) + (hasFast ? w.d[1] + w.d[2] : 0);
        return accepted(s, dT);
    }

    private List<double[]> acceptedIntervals(double r, double v, Level lv, XiRule xr, Work w, boolean[] ok) {
        int n = ok.length;
        double[] pts = new double[n + 2];
        boolean[] st = new boolean[n + 2];
        pts[0] = 0.0;
        st[0] = acceptedAt(r, v, 1e-12, lv, xr, w);
        for (int i = 0; i < n; i++) {
            pts[i + 1] = lv.phi[i];
            st[i + 1] = ok[i];
        }
        pts[n + 1] = 0.5 * Math.PI;
        st[n + 1] = st[n]; // μ → 1: keep the last node's state
        List<Double> cuts = new ArrayList<>();
        List<Boolean> states = new ArrayList<>();
        cuts.add(0.0);
        states.add(st[0]);
        for (int i = 0; i + 1 < pts.length; i++) {
            if (st[i] != st[i + 1]) {
                double lo = pts[i];
                double hi = pts[i + 1];
                for (int it = 0; it < 40; it++) {
                    double mid = 0.5 * (lo + hi);
                    if (acceptedAt(r, v, mid, lv, xr, w) == st[i]) {
                        lo = mid;
                    } else {
                        hi = mid;
                    }
                }
                cuts.add(0.5 * (lo + hi));
                states.add(st[i + 1]);
            }
        }
        cuts.add(0.5 * Math.PI);
        List<double[]> out = new ArrayList<>();
        boolean muStar = env.conventions().diffusiveCriterion() == Conventions.DiffusiveCriterion.PAPER_MU_STAR;
        for (int k = 0; k + 1 < cuts.size(); k++) {
            if (states.get(k)) {
                out.add(new double[] {cuts.get(k), cuts.get(k + 1)});
            } else if (muStar) {
                break; // contiguous range [0, μ*] only
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ D_mumu

    /** Writes the dimensionless {d_A, d_F,T, d_F,G} at (R, μ) into w.d. */
    private void dmumu(double r, double v, double mu, double s, Level lv, XiRule xr, Work w) {
        w.d[0] = 0;
        w.d[1] = 0;
        w.d[2] = 0;
        if (!(s > 0)) {
            return;
        }
        double ma = env.machAlfven();
        double sigma2 = widthFactor * ma * s * s;
        double sigma = Math.sqrt(sigma2);
        if (hasFast) {
            double pref = resonancePrefactor * Math.sqrt(Math.PI) * Math.pow(ma, 1.5) * s / (2 * r * r);
            double vaOverV = env.alfvenSpeed() / v;
            double sumT = 0;
            double sumG = 0;
            for (int j = 0; j < xr.xi.length; j++) {
                double x = xr.kmaxL[j];
                if (!(x > 1)) {
                    continue;
                }
                double xi = xr.xi[j];
                double a = r * Math.sqrt(1 - xi * xi) * s;
                double dT = mu - vaOverV / xi;
                double eT = Math.exp(-dT * dT / sigma2);
                if (eT > 0) {
                    sumT += xr.w[j] * xi * eT * TransitTimeKernel.integral(a, x);
                }
                sumG += xr.w[j] * xi * gyroresonance(r, mu, xi, a, x, sigma, lv.xNodes, w);
            }
            w.d[1] = pref * sumT;
            w.d[2] = pref * sumG;
        }
        if (hasAlfven) {
            double pref = resonancePrefactor * 2 * Math.sqrt(Math.PI) * s * Math.pow(ma, alfvenB) / (3 * r * r);
            w.d[0] = pref * alfvenIntegral(r, mu, s, sigma, lv.xNodes, w);
        }
    }

    /**
     * ∫_1^X dx x^{-5/2} J_1'²(a x) [E⁺ + E⁻] in t = ln x, E^± = exp(−(μ ± e^{-t}/(ξR))²/σ²).
     */
    private double gyroresonance(double r, double mu, double xi, double a, double xMax, double sigma, int nodes,
                                 Work w) {
        double q = xi * r;
        double tMax = Math.log(xMax); // +∞ when untruncated
        int count = plan(0.0, tMax, q, mu, sigma, a, w);
        if (count < 2) {
            return 0.0;
        }
        GaussLegendre g = GaussLegendre.of(nodes);
        double inv = 1.0 / (sigma * sigma);
        double sum = 0;
        double[] e = w.edges;
        for (int p = 0; p + 1 < count; p++) {
            double t0 = e[p];
            double h = 0.5 * (e[p + 1] - t0);
            if (!(h > 0)) {
                continue;
            }
            double part = 0;
            for (int k = 0; k < g.size(); k++) {
                double x = Math.exp(t0 + h * (1 + g.nodes[k]));
                double u = 1.0 / (x * q);
                double dm = mu - u;
                double gauss = Math.exp(-dm * dm * inv);
                if (bothGyro) {
                    // exp(−(μ+u)²/σ²) = exp(−(μ−u)²/σ²) · exp(−4μu/σ²)
                    gauss += gauss * Math.exp(-4 * mu * u * inv);
                }
                if (gauss == 0.0) {
                    continue;
                }
                part += g.weights[k] / (x * Math.sqrt(x)) * BesselMeans.j1PrimeSquared(a * x, w.bessel) * gauss;
            }
            sum += h * part;
        }
        return sum;
    }

    /**
     * ∫ dx_∥/x_∥ [E⁺ + E⁻](x_∥) H(x_∥) over [x_∥,min, x_∥,max] in t = ln x_∥ (H from
     * {@link AlfvenKernelTable}).
     */
    private double alfvenIntegral(double r, double mu, double s, double sigma, int nodes, Work w) {
        int count = plan(Math.log(xParMin), Math.log(xParMax), r, mu, sigma, 0.0, w);
        if (count < 2) {
            return 0.0;
        }
        GaussLegendre g = GaussLegendre.of(nodes);
        double inv = 1.0 / (sigma * sigma);
        double b = r * s;
        double maA = Math.pow(env.machAlfven(), alfvenA);
        double sum = 0;
        double[] e = w.edges;
        for (int p = 0; p + 1 < count; p++) {
            double t0 = e[p];
            double h = 0.5 * (e[p + 1] - t0);
            if (!(h > 0)) {
                continue;
            }
            double part = 0;
            for (int k = 0; k < g.size(); k++) {
                double t = t0 + h * (1 + g.nodes[k]);
                double x = Math.exp(t);
                double u = 1.0 / (x * r);
                double dm = mu - u;
                double dp = mu + u;
                double gauss = Math.exp(-dm * dm * inv) + Math.exp(-dp * dp * inv);
                if (gauss == 0.0) {
                    continue;
                }
                part += g.weights[k] * gauss * AlfvenKernelTable.perpendicularIntegral(b, x / maA, xPerpMin, xPerpMax);
            }
            sum += h * part;
        }
        return sum;
    }

    /**
     * Panel edges in t = ln x for an integrand with the resonance Gaussian in u = e^{-t}/q
     * centred at μ with width σ and (when a &gt; 0) Bessel oscillations in z = a e^t. Returns the
     * number of edges written to w.edges (0 or 1: empty range).
     */
    private int plan(double tMin, double tMax, double q, double mu, double sigma, double a, Work w) {
        double uTop = mu + 7 * sigma;
        double tStart = Math.max(tMin, -Math.log(q * uTop));
        boolean narrow = mu - 7 * sigma > 0;
        double[] f = w.feats;
        int nf = 0;
        double[] us = {mu + 3 * sigma, mu + sigma, mu, mu - sigma, mu - 3 * sigma};
        for (double u : us) {
            if (u > 0) {
                f[nf++] = -Math.log(q * u);
            }
        }
        double tOsc0 = Double.NaN;
        double tOsc1 = Double.NaN;
        if (a > 0) {
            tOsc0 = Math.log(Math.PI / a);
            tOsc1 = Math.log(BesselMeans.Z_SWITCH / a);
            f[nf++] = tOsc0;
            f[nf++] = tOsc1;
            f[nf++] = -Math.log(a); // z = 1
        }
        double tEnd;
        if (narrow) {
            tEnd = Math.min(tMax, -Math.log(q * (mu - 7 * sigma)));
        } else {
            double ref = tStart;
            for (int i = 0; i < nf; i++) {
                ref = Math.max(ref, f[i]);
            }
            tEnd = Math.min(tMax, ref + 20.0);
        }
        if (!(tEnd > tStart)) {
            return 0;
        }
        Arrays.sort(f, 0, nf);
        double lastFeature = tStart;
        for (int i = 0; i < nf; i++) {
            if (f[i] < tEnd) {
                lastFeature = Math.max(lastFeature, f[i]);
            }
        }
        int count = 0;
        double prev = tStart;
        count = push(w, count, prev);
        for (int i = 0; i <= nf; i++) {
            double next = i < nf ? f[i] : tEnd;
            if (next <= prev + 1e-12) {
                continue;
            }
            if (next > tEnd) {
                next = tEnd;
            }
            count = subdivide(w, count, prev, next, a, tOsc0, tOsc1, prev >= lastFeature - 1e-12);
            prev = next;
            if (prev >= tEnd) {
                break;
            }
        }
        return count;
    }

    private int subdivide(Work w, int count, double t0, double t1, double a, double tOsc0, double tOsc1,
                          boolean tail) {
        if (a > 0 && t0 >= tOsc0 - 1e-12 && t1 <= tOsc1 + 1e-12) {
            double z0 = a * Math.exp(t0);
            double z1 = a * Math.exp(t1);
            int n = Math.max(1, (int) Math.ceil((z1 - z0) / 4.5));
            for (int k = 1; k < n; k++) {
                count = push(w, count, Math.log((z0 + (z1 - z0) * k / n) / a));
            }
            return push(w, count, t1);
        }
        if (tail) {
            double width = 1.0;
            double t = t0;
            while (t1 - t > 1e-12) {
                t = Math.min(t1, t + width);
                count = push(w, count, t);
                width *= 2;
            }
            return count;
        }
        int n = Math.max(1, (int) Math.ceil((t1 - t0) / 1.0 - 1e-9));
        for (int k = 1; k < n; k++) {
            count = push(w, count, t0 + (t1 - t0) * k / n);
        }
        return push(w, count, t1);
    }

    private static int push(Work w, int count, double t) {
        if (count == w.edges.length) {
            w.edges = Arrays.copyOf(w.edges, 2 * count);
        }
        w.edges[count] = t;
        return count + 1;
    }
}
