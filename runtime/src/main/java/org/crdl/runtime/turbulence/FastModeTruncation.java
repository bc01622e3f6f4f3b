package org.crdl.runtime.turbulence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.crdl.runtime.plasma.ModelException;

/**
 * The truncation k_max L(ξ) of the fast-mode cascade (fornieri2021 L109, L505; kempski2022
 * App. A step 1): the smallest wavenumber at which the damping reaches the cascade rate,
 * <pre>
 *   k_max(ξ) = min { k : Σ_i Γ_i(k, ξ) ≥ τ_casc^{-1}(k, ξ) }           (SUM_OF_RATES)
 *   k_max(ξ) = min_i min { k : Γ_i(k, ξ) ≥ τ_casc^{-1}(k, ξ) }         (MIN_OF_TRUNCATIONS, fornieri2021 L503)
 * </pre>
 * then capped (CODE-2020: at the Alfvén x_⊥,max) and re-paired with ξ according to
 * {@link Conventions.XiMapping}. The search scans ln x = ln(kL) upward from x = 1e-8 in steps
 * of 0.5 and bisects the first sign change to 1e-13 relative; no crossing up to x = 1e40 means
 * no truncation (+∞). Values ≤ 1 mean the whole inertial range is damped at that ξ (zero
 * contribution). The search runs once per environment, not per rigidity.
 */
public final class FastModeTruncation {
    static final double LN_X_MIN = Math.log(1e-8);
    static final double LN_X_MAX = Math.log(1e40);
    /**
     * Scan step in ln x. With the window search of {@link #crossing} the kempski2022 Fig. 3 and
     * Sec. 4.2 curves are identical at steps 0.2, 0.1, 0.02 and 0.005; at 0.5 the Fig. 3 halo
     * D_xx was 0.4 % low (and 1-4 % without the window search).
     */
    static final double LN_STEP = 0.2;
    /** active-constraint ids besides the damping indices */
    static final int CAPPED = -1;
    static final int FULLY_DAMPED = -2;
    static final int UNTRUNCATED = -3;

    private final List<FastModeDamping> damping;
    private final FastModeCascade cascade;
    private final double injectionScale;
    private final Conventions.TruncationCombination combination;
    private final Conventions.XiMapping mapping;
    private final double cap;
    private final String environment;

    public FastModeTruncation(TurbulenceEnvironment env) {
        this.damping = env.damping();
        this.cascade = env.cascade();
        this.injectionScale = env.injectionScale();
        this.combination = env.conventions().truncation();
        this.mapping = env.conventions().xiMapping();
        this.cap = env.conventions().fastModeCap() == Conventions.FastModeCap.ALFVEN_CUTOFF
                ? env.alfvenXPerpMax() : Double.POSITIVE_INFINITY;
        this.environment = env.name();
    }

    /** k_max L at the quadrature variable ξ (after the ξ mapping convention). */
    public double kMaxL(double xi) {
        return kMaxLAtCosTheta(trueCosTheta(xi));
    }

    /** The physical cos θ whose truncation is used at quadrature variable ξ. */
    double trueCosTheta(double xi) {
        return mapping == Conventions.XiMapping.COS_THETA ? xi : Math.sin(0.5 * Math.PI * xi);
    }

    /** Inverse of {@link #trueCosTheta}. */
    double quadratureXi(double cosTheta) {
        return mapping == Conventions.XiMapping.COS_THETA ? cosTheta : 2.0 / Math.PI * Math.asin(cosTheta);
    }

    /** k_max L at the physical cos θ = ξ, including the cap. */
    public double kMaxLAtCosTheta(double xi) {
        double[] r = evaluate(xi);
        return r[0];
    }

    /** {k_max L, active id} */
    private double[] evaluate(double xi) {
        double x;
        int id;
        if (damping.isEmpty()) {
            x = Double.POSITIVE_INFINITY;
            id = UNTRUNCATED;
        } else if (combination == Conventions.TruncationCombination.SUM_OF_RATES) {
            x = crossing(-1, xi);
            id = Double.isInfinite(x) ? UNTRUNCATED : dominant(x, xi);
        } else {
            x = Double.POSITIVE_INFINITY;
            id = UNTRUNCATED;
            for (int i = 0; i < damping.size(); i++) {
                double xi_ = crossing(i, xi);
                if (xi_ < x) {
                    x = xi_;
                    id = i;
                }
            }
        }
        if (cap < x) {
            x = cap;
            id = CAPPED;
        }
        if (x <= 1.0) {
            id = FULLY_DAMPED;
        }
        return new double[] {x, id};
    }

    private int dominant(double x, double xi) {
        double k = x / injectionScale;
        int best = 0;
        double max = -1;
        for (int i = 0; i < damping.size(); i++) {
            double g = damping.get(i).rate(k, xi);
            if (g > max) {
                max = g;
                best = i;
            }
        }
        return best;
    }

    /** ln(Γ/τ^-1) sign function at ln x; which = -1 for the sum. */
    private double excess(int which, double lnX, double xi) {
        double k = Math.exp(lnX) / injectionScale;
        double g = 0;
        if (which < 0) {
            for (FastModeDamping d : damping) {
                g += checked(d, k, xi);
            }
        } else {
            g = checked(damping.get(which), k, xi);
        }
        double c = cascade.rate(k, xi);
        if (!(c > 0) || Double.isInfinite(c)) {
            throw new ModelException("turbulence environment " + environment + ": the fast-mode cascade rate is " + c
                    + " s^-1 at k = " + k + " 1/cm, cos(theta) = " + xi + "; it must be positive and finite");
        }
        return g - c;
    }

    private double checked(FastModeDamping d, double k, double xi) {
        double g = d.rate(k, xi);
        if (!(g >= 0) || Double.isInfinite(g)) {
            throw new ModelException("turbulence environment " + environment + ": damping " + d.label() + " gives "
                    + g + " s^-1 at k = " + k + " 1/cm, cos(theta) = " + xi + "; a damping rate must be finite and >= 0");
        }
        return g;
    }

    /**
     * The first ln x where the damping reaches the cascade: a scan in steps of LN_STEP, then
     * bisection. A damping law that switches regime (kempski2022 L606) can exceed the cascade
     * only in a window narrower than the step; every local maximum of the excess seen by the
     * scan is therefore searched (golden section) for such a window before the scan moves on.
     */
    private double crossing(int which, double xi) {
        double t0 = LN_X_MIN;
        double e0 = excess(which, t0, xi);
        if (e0 >= 0) {
            return Math.exp(t0);
        }
        double tPrev = Double.NaN;
        double ePrev = Double.NaN;
        for (double t1 = t0 + LN_STEP; t1 <= LN_X_MAX + 1e-9; t1 += LN_STEP) {
            double e1 = excess(which, t1, xi);
            if (e1 >= 0) {
                return Math.exp(firstCrossing(which, xi, t0, t1));
            }
            if (e0 > ePrev && e0 >= e1) {
                double peak = windowPeak(which, xi, tPrev, t1);
                if (!Double.isNaN(peak)) {
                    return Math.exp(firstCrossing(which, xi, tPrev, peak));
                }
            }
            tPrev = t0;
            ePrev = e0;
            t0 = t1;
            e0 = e1;
        }
        return Double.POSITIVE_INFINITY;
    }

    /** Bisection between lo (damping below the cascade) and hi (at or above it). */
    private double firstCrossing(int which, double xi, double lo, double hi) {
        while (hi - lo > 1e-13) {
            double mid = 0.5 * (lo + hi);
            if (excess(which, mid, xi) >= 0) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return hi;
    }

    private static final double GOLDEN = 0.5 * (Math.sqrt(5) - 1);

    /** A point of [a, b] where the damping reaches the cascade, searched around a local maximum; NaN if none. */
    private double windowPeak(int which, double xi, double a, double b) {
        double c = b - GOLDEN * (b - a);
        double d = a + GOLDEN * (b - a);
        double ec = excess(which, c, xi);
        double ed = excess(which, d, xi);
        while (b - a > 1e-9) {
            if (ec >= 0) {
                return c;
            }
            if (ed >= 0) {
                return d;
            }
            if (ec >= ed) {
                b = d;
                d = c;
                ed = ec;
                c = b - GOLDEN * (b - a);
                ec = excess(which, c, xi);
            } else {
                a = c;
                c = d;
                ec = ed;
                d = a + GOLDEN * (b - a);
                ed = excess(which, d, xi);
            }
        }
        return Double.NaN;
    }

    /** Samples per unit of θ in the interpolation table. */
    private static final int TABLE_SAMPLES = 1024;
    /** ln of the value stored for "untruncated" (k_max L = +∞). */
    static final double LN_INFINITE = 700.0;

    private volatile Table table;

    /** ln k_max L tabulated over the quadrature variable ξ, in segments split at the breakpoints. */
    private record Table(double[] breaks, double[][] xi, double[][] lnX) {
    }

    private Table table() {
        Table t = table;
        if (t == null) {
            synchronized (this) {
                t = table;
                if (t == null) {
                    t = buildTable();
                    table = t;
                }
            }
        }
        return t;
    }

    private Table buildTable() {
        double[] bp = breakpoints();
        Map<List<Double>, double[][]> segments = new HashMap<>();
        Table t = sample(bp, segments);
        double[] kinks = kinks(t);
        if (kinks.length == 0) {
            return t;
        }
        TreeSet<Double> all = new TreeSet<>();
        for (double b : bp) {
            all.add(b);
        }
        for (double k : kinks) {
            all.add(k);
        }
        double[] merged = new double[all.size()];
        int i = 0;
        for (double b : all) {
            merged[i++] = b;
        }
        return sample(merged, segments);   // only the segments a kink splits are sampled again
    }

    /** The table over segments between the breakpoints; segments already in {@code done} are reused. */
    private Table sample(double[] bp, Map<List<Double>, double[][]> done) {
        double[] ends = new double[bp.length + 2];
        ends[0] = 0.0;
        System.arraycopy(bp, 0, ends, 1, bp.length);
        ends[ends.length - 1] = 1.0;
        int segs = ends.length - 1;
        double[][] xs = new double[segs][];
        double[][] ls = new double[segs][];
        for (int s = 0; s < segs; s++) {
            double a = ends[s];
            double b = ends[s + 1];
            double[][] seg = done.computeIfAbsent(List.of(a, b), k -> segment(a, b));
            xs[s] = seg[0];
            ls[s] = seg[1];
        }
        return new Table(ends, xs, ls);
    }

    /** Samples {ξ, ln k_max L} of one segment [a, b]. */
    private double[][] segment(double a, double b) {
        // uniform in the angle ψ = arccos of the quadrature variable (dense where ξ → 1), ends nudged inside
        double pa = Math.acos(a);
        double pb = Math.acos(b);
        int n = Math.max(8, (int) Math.ceil(TABLE_SAMPLES * Math.abs(pa - pb) / (0.5 * Math.PI)));
        double eps = 1e-10;
        List<double[]> pts = new ArrayList<>();
        for (int i = 0; i <= n; i++) {
            double q = Math.cos(pa + (pb - pa) * i / n);
            q = Math.min(Math.max(q, a + eps), b - eps);
            pts.add(new double[] {q, lnKMaxL(q)});
        }
        // refine where ln k_max L changes by more than 0.05 between samples (steep exp(2/(βγξ²)) ends)
        for (int pass = 0; pass < 14; pass++) {
            List<double[]> next = new ArrayList<>();
            boolean changed = false;
            for (int i = 0; i < pts.size(); i++) {
                double[] p0 = pts.get(i);
                next.add(p0);
                if (i + 1 < pts.size()) {
                    double[] p1 = pts.get(i + 1);
                    if (Math.abs(p1[1] - p0[1]) > 0.05 && p1[0] - p0[0] > 1e-7) {
                        double q = 0.5 * (p0[0] + p1[0]);
                        next.add(new double[] {q, lnKMaxL(q)});
                        changed = true;
                    }
                }
            }
            pts = next;
            if (!changed) {
                break;
            }
        }
        double[][] seg = new double[2][pts.size()];
        for (int i = 0; i < pts.size(); i++) {
            seg[0][i] = pts.get(i)[0];
            seg[1][i] = pts.get(i)[1];
        }
        return seg;
    }

    /**
     * Isolated jumps and kinks of ln k_max L (e.g. a damping law that switches regime,
     * kempski2022 L606). Jumps (|Δ ln X| &gt; 0.5 over one sample interval and 4× the neighbours')
     * are located by bisection on the exact truncation; kinks are sample points where the slope in ψ = arccos ξ jumps by more than half its size while the
     * neighbouring slope changes are four times smaller. The kink is placed where the two
     * adjacent secant lines intersect.
     */
    private double[] kinks(Table t) {
        List<Double> out = new ArrayList<>();
        for (int s = 0; s < t.xi.length; s++) {
            double[] xs = t.xi[s];
            double[] ls = t.lnX[s];
            int n = xs.length;
            if (n < 6) {
                continue;
            }
            double[] psi = new double[n];
            for (int i = 0; i < n; i++) {
                psi[i] = Math.acos(xs[i]);
            }
            double[] slope = new double[n - 1];
            for (int i = 0; i + 1 < n; i++) {
                slope[i] = (ls[i + 1] - ls[i]) / (psi[i + 1] - psi[i]);
            }
            for (int i = 1; i + 1 < n - 1; i++) {
                // jumps: |Δ ln X| over one sample interval much larger than over its neighbours
                double di = Math.abs(ls[i + 1] - ls[i]);
                double nb = Math.max(Math.abs(ls[i] - ls[i - 1]), i + 2 < n ? Math.abs(ls[i + 2] - ls[i + 1]) : 0);
                if (di > 0.5 && di > 4 * nb && Math.max(Math.abs(ls[i]), Math.abs(ls[i + 1])) < LN_INFINITE) {
                    double lo = xs[i];
                    double hi = xs[i + 1];
                    double llo = ls[i];
                    double lhi = ls[i + 1];
                    for (int it = 0; it < 45; it++) {
                        double mid = 0.5 * (lo + hi);
                        double x = kMaxL(mid);
                        double lm = Double.isInfinite(x) ? LN_INFINITE : Math.log(Math.max(x, 1e-300));
                        if (Math.abs(lm - llo) > Math.abs(lhi - lm)) {
                            hi = mid;
                            lhi = lm;
                        } else {
                            lo = mid;
                            llo = lm;
                        }
                    }
                    double q = 0.5 * (lo + hi);
                    if (q > 1e-9 && q < 1 - 1e-9) {
                        out.add(q);
                    }
                }
            }
            for (int i = 1; i + 2 < slope.length; i++) {
                if (Math.max(Math.max(Math.abs(ls[i - 1]), Math.abs(ls[i + 2])), Math.abs(ls[i + 1])) >= LN_INFINITE) {
                    continue;
                }
                double jump = Math.abs(slope[i + 1] - slope[i]);
                double size = Math.max(Math.abs(slope[i]), Math.abs(slope[i + 1]));
                double before = Math.abs(slope[i] - slope[i - 1]);
                double after = Math.abs(slope[i + 2] - slope[i + 1]);
                if (jump > 0.5 * size && jump > 1e-6 && before < 0.25 * jump && after < 0.25 * jump) {
                    // intersect the line through psi[i] with the slope of the interval before it and the line
                    // through psi[i+2] with the slope of the interval after it (the smooth sides of the kink)
                    double a1 = slope[i - 1];
                    double a2 = slope[i + 2];
                    double p = psi[i + 1];
                    if (Math.abs(a1 - a2) > 0) {
                        double cand = (ls[i + 2] - ls[i] + a1 * psi[i] - a2 * psi[i + 2]) / (a1 - a2);
                        if (cand > psi[i] && cand < psi[i + 2]) {
                            p = cand;
                        }
                    }
                    double q = quadratureXi(Math.cos(p));
                    if (q > 1e-9 && q < 1 - 1e-9) {
                        out.add(q);
                    }
                }
            }
        }
        double[] r = new double[out.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = out.get(i);
        }
        return r;
    }

    /**
     * ln k_max L at quadrature variable ξ from the table: cubic Hermite interpolation with
     * three-point derivatives within a breakpoint segment; {@link #LN_INFINITE} stands for no truncation.
     */
    double lnKMaxLInterpolated(double xi) {
        Table t = table();
        int s = 0;
        while (s < t.breaks.length - 2 && xi > t.breaks[s + 1]) {
            s++;
        }
        double[] xs = t.xi[s];
        double[] ls = t.lnX[s];
        int n = xs.length;
        if (xi <= xs[0]) {
            return ls[0];
        }
        if (xi >= xs[n - 1]) {
            return ls[n - 1];
        }
        int lo = 0;
        int hi = n - 1;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (xs[mid] <= xi) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double h = xs[lo + 1] - xs[lo];
        double f = (xi - xs[lo]) / h;
        double y0 = ls[lo];
        double y1 = ls[lo + 1];
        if (Math.max(Math.abs(y0), Math.abs(y1)) >= LN_INFINITE || lo == 0 || lo + 2 >= n) {
            return y0 + f * (y1 - y0);
        }
        double ym = ls[lo - 1];
        double y2 = ls[lo + 2];
        if (Math.max(Math.abs(ym), Math.abs(y2)) >= LN_INFINITE) {
            return y0 + f * (y1 - y0);
        }
        // cubic Hermite with three-point (quadratic-exact) derivatives on the non-uniform grid
        double d0 = slope3(xs[lo - 1], xs[lo], xs[lo + 1], ym, y0, y1) * h;
        double d1 = slope3(xs[lo], xs[lo + 1], xs[lo + 2], y0, y1, y2) * h;
        double f2 = f * f;
        double f3 = f2 * f;
        return (2 * f3 - 3 * f2 + 1) * y0 + (f3 - 2 * f2 + f) * d0 + (-2 * f3 + 3 * f2) * y1 + (f3 - f2) * d1;
    }

    /** Derivative at the middle point of the parabola through three points. */
    private static double slope3(double xa, double xb, double xc, double ya, double yb, double yc) {
        double h0 = xb - xa;
        double h1 = xc - xb;
        return (h0 * h0 * (yc - yb) + h1 * h1 * (yb - ya)) / (h0 * h1 * (h0 + h1));
    }

    /** k_max L at quadrature variable ξ from the table (+∞ when untruncated). */
    public double kMaxLInterpolated(double xi) {
        double l = lnKMaxLInterpolated(xi);
        return l >= LN_INFINITE - 1e-9 ? Double.POSITIVE_INFINITY : Math.exp(l);
    }

    /**
     * ξ-panel edges for one rigidity: the breakpoints (branch changes, jumps, kinks), plus cuts
     * wherever ln min(k_max L, x_rel) has changed by more than {@code maxLnChange} or the panel is
     * wider than {@code maxWidth}; x_rel is the x beyond which the x-integrals no longer depend
     * on k_max.
     */
    double[] panelEdges(double xRelevant, double maxLnChange, double maxWidth) {
        Table t = table();
        double lnRel = Math.log(xRelevant);
        List<Double> out = new ArrayList<>();
        out.add(0.0);
        for (int s = 0; s < t.xi.length; s++) {
            double[] xs = t.xi[s];
            double[] ls = t.lnX[s];
            double start = t.breaks[s];
            double ref = clampLn(ls[0], lnRel);
            for (int i = 1; i < xs.length - 1; i++) {
                double v = clampLn(ls[i], lnRel);
                if (Math.abs(v - ref) > maxLnChange || xs[i] - start > maxWidth) {
                    out.add(xs[i]);
                    start = xs[i];
                    ref = v;
                }
            }
            double end = t.breaks[s + 1];
            if (end - start > maxWidth) {
                int n = (int) Math.ceil((end - start) / maxWidth);
                for (int k = 1; k < n; k++) {
                    out.add(start + (end - start) * k / n);
                }
            }
            out.add(end);
        }
        double[] r = new double[out.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = out.get(i);
        }
        return r;
    }

    private double lnKMaxL(double q) {
        double x = kMaxL(q);
        return Double.isInfinite(x) ? LN_INFINITE : Math.log(Math.max(x, 1e-300));
    }

    private static double clampLn(double l, double lnRel) {
        return Math.max(0.0, Math.min(l, lnRel));
    }

    /**
     * Points in the quadrature variable ξ ∈ (0, 1) where the truncation changes branch (another
     * mechanism becomes binding, the cap starts or ends, the range becomes fully damped). Found
     * on 400 points uniform in θ and refined by bisection; they become ξ-panel boundaries.
     */
    public double[] breakpoints() {
        int n = 400;
        double[] cos = new double[n + 1];
        int[] ids = new int[n + 1];
        for (int i = 0; i <= n; i++) {
            double theta = 0.5 * Math.PI * (i + 0.5) / (n + 1);
            cos[i] = Math.cos(theta);
            ids[i] = (int) evaluate(cos[i])[1];
        }
        TreeSet<Double> out = new TreeSet<>();
        for (int i = 0; i < n; i++) {
            if (ids[i] != ids[i + 1]) {
                double lo = cos[i + 1];
                double hi = cos[i];
                int idHi = ids[i];
                for (int it = 0; it < 50; it++) {
                    double mid = 0.5 * (lo + hi);
                    if ((int) evaluate(mid)[1] == idHi) {
                        hi = mid;
                    } else {
                        lo = mid;
                    }
                }
                double q = quadratureXi(0.5 * (lo + hi));
                if (q > 1e-9 && q < 1 - 1e-9) {
                    out.add(q);
                }
            }
        }
        List<Double> list = new ArrayList<>(out);
        double[] r = new double[list.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = list.get(i);
        }
        return r;
    }
}
