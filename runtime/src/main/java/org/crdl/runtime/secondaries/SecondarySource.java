package org.crdl.runtime.secondaries;

import org.crdl.runtime.network.Gas;

/**
 * Source rate of a secondary species from primary intensities in a gas:
 * <pre>
 *   q(T) = 4π Σ_{P ∈ {p, He}} Σ_{t ∈ {H, He}} n_t ∫ dT_n I_P(T_n) dσ_{P t}/dT(T_n, T)      [cm⁻³ s⁻¹ GeV⁻¹]
 * </pre>
 * with I_P the primary intensity [cm⁻² s⁻¹ sr⁻¹ (GeV/n)⁻¹] tabulated on an increasing grid of
 * kinetic energy per nucleon T_n [GeV/n] (typically logarithmic), n_H = {@link Gas#hydrogenDensity()}
 * and n_He = {@link Gas#heliumDensity()}.
 *
 * <p><b>Quadrature.</b> Between two grid nodes I_P is interpolated as a power law (log–log; linearly
 * where a node is ≤ 0), and each cell is integrated with the 8-point Gauss–Legendre rule in ln T_n.
 * A power-law primary is therefore represented exactly; the rule on the cross section across a
 * cell is converged to 10⁻⁶ (p̄ source at 0.3–100 GeV, grids of 4 to 40 nodes per decade agree to
 * that level) and agrees with a dense independent quadrature to 0.5 % (test). For other spectra the
 * error is that of log–log interpolation between the nodes. Primaries outside the tabulated range
 * contribute nothing.
 *
 * <p>The production cross sections factorise as dσ_{P t} = ε(A_P, A_t) dσ_pp (the nuclear factors
 * of {@link AntiprotonCrossSection#nuclearFactor} and {@link LeptonCrossSection#nuclearFactor}),
 * so the p–p spectrum is evaluated once per node and weighted by Σ_P Σ_t n_t ε(A_P, A_t) I_P.
 */
public final class SecondarySource {
    private static final double MB = 1e-27;

    private SecondarySource() {
    }

    /** the p–p production spectrum dσ/dT [mb/GeV] at (T_n, T) */
    @FunctionalInterface
    interface PpSpectrum {
        double mbPerGeV(double projectileTnGeV, double secondaryTGeV);
    }

    /** dσ_{P t}/dσ_pp for projectile and target mass numbers */
    @FunctionalInterface
    interface NuclearFactor {
        double of(int projectileA, int targetA);
    }

    /**
     * p̄ source rate q(T) [cm⁻³ s⁻¹ GeV⁻¹] at each {@code secondaryT} [GeV], with
     * {@link AntiprotonCrossSection#dSigmaDTMbPerGeV} (n̄ and hyperons included; tertiaries are
     * not part of this source). {@code heliumIntensity} may be null (no helium primaries).
     */
    public static double[] antiprotons(double[] secondaryT, double[] projectileTn, double[] protonIntensity,
            double[] heliumIntensity, Gas gas) {
        return source(secondaryT, projectileTn, protonIntensity, heliumIntensity, gas,
                AntiprotonCrossSection::nuclearFactor, (tn, t) -> AntiprotonCrossSection.dSigmaDTMbPerGeV(1, 1, tn, t));
    }

    /**
     * e⁺ ({@code positron}) or e⁻ source rate q(T) [cm⁻³ s⁻¹ GeV⁻¹] at each {@code secondaryT} [GeV]
     * with {@link LeptonCrossSection#dSigmaDTMbPerGeV}. {@code heliumIntensity} may be null.
     */
    public static double[] leptons(boolean positron, double[] secondaryT, double[] projectileTn, double[] protonIntensity,
            double[] heliumIntensity, Gas gas) {
        return source(secondaryT, projectileTn, protonIntensity, heliumIntensity, gas,
                LeptonCrossSection::nuclearFactor, (tn, t) -> LeptonCrossSection.dSigmaDTMbPerGeV(positron, 1, 1, tn, t));
    }

    static double[] source(double[] secondaryT, double[] tn, double[] protons, double[] helium, Gas gas,
            NuclearFactor scaling, PpSpectrum pp) {
        check(tn, protons, helium);
        double nH = gas.hydrogenDensity();
        double nHe = gas.heliumDensity();
        // Σ_t n_t (A_P A_t)^0.8 for P = p and P = He
        double protonWeight = nH * scaling.of(1, 1) + nHe * scaling.of(1, 4);
        double heliumWeight = nH * scaling.of(4, 1) + nHe * scaling.of(4, 4);
        double[] q = new double[secondaryT.length];
        for (int k = 0; k < secondaryT.length; k++) {
            double t = secondaryT[k];
            double sum = 0;
            for (int i = 0; i + 1 < tn.length; i++) {
                final int cell = i;
                double lo = Math.log(tn[i]);
                double hi = Math.log(tn[i + 1]);
                sum += Quadrature.panel(x -> {
                    double e = Math.exp(x);
                    double primaries = protonWeight * interpolate(tn, protons, cell, e)
                            + (helium == null ? 0 : heliumWeight * interpolate(tn, helium, cell, e));
                    return primaries == 0 ? 0 : e * primaries * pp.mbPerGeV(e, t);
                }, lo, hi);
            }
            q[k] = 4 * Math.PI * MB * sum;
        }
        return q;
    }

    /** I at e inside cell [x_i, x_{i+1}]: power law between the nodes, linear if a node is ≤ 0 */
    private static double interpolate(double[] x, double[] y, int i, double e) {
        double y0 = y[i];
        double y1 = y[i + 1];
        double f = Math.log(e / x[i]) / Math.log(x[i + 1] / x[i]);
        if (y0 > 0 && y1 > 0) {
            return y0 * Math.pow(y1 / y0, f);
        }
        return Math.max(0, y0 + (y1 - y0) * (e - x[i]) / (x[i + 1] - x[i]));
    }

    private static void check(double[] tn, double[] protons, double[] helium) {
        if (tn.length != protons.length || (helium != null && helium.length != tn.length)) {
            throw new IllegalArgumentException("secondary source: the intensity tables must have the length of the T_n grid ("
                    + tn.length + "), got " + protons.length + (helium == null ? "" : " and " + helium.length));
        }
        for (int i = 0; i < tn.length; i++) {
            if (!(tn[i] > 0) || (i > 0 && !(tn[i] > tn[i - 1]))) {
                throw new IllegalArgumentException("secondary source: the T_n grid must be positive and increasing, got "
                        + tn[i] + " GeV/n at index " + i);
            }
        }
    }
}
