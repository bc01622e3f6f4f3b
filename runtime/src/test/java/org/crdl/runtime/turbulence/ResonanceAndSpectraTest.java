package org.crdl.runtime.turbulence;

import org.crdl.runtime.numerics.GaussLegendre;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.List;
import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;
import org.crdl.runtime.particles.Resonance;
import org.crdl.runtime.particles.Species;
import org.crdl.runtime.units.Constants;
import org.junit.jupiter.api.Test;

/**
 * The ingredients of eq. (1): the resonance function (fornieri2021 eq. (2)) and the normalised
 * spectra (A7), (A9), (A10); and the dimensionless D_μμ kernels of {@link QuasiLinearScattering}
 * against a brute-force evaluation of eq. (1)/(A12)/(A20) in physical units built from them.
 */
class ResonanceAndSpectraTest {
    private static final IterativeLegendreGaussIntegrator GI = new IterativeLegendreGaussIntegrator(10, 1e-11, 1e-300);

    /** fornieri2021 digest §5.1 item 22: ∫ R_n dΔ = π for any M_A (a Gaussian of width |k_∥|v_⊥M_A^{1/2}). */
    @Test
    void resonanceFunctionIntegratesToPiForAnyMachNumber() {
        for (double ma : new double[] {0.01, 0.1, 0.5, 1, 2, 10}) {
            for (Conventions.ResonanceWidth w : Conventions.ResonanceWidth.values()) {
                double kPar = 3e-12;
                double vPerp = 2e10;
                double width = kPar * vPerp * Math.sqrt(ma);
                double integral = GI.integrate(Integer.MAX_VALUE,
                        d -> ResonanceFunction.value(d, kPar, vPerp, ma, w), -40 * width, 40 * width);
                assertEquals(Math.PI, integral, 1e-9, "M_A=" + ma + " " + w);
            }
        }
    }

    /** digest §2.2 / §6.4 item 7: CODE-2023's resonance is √2 wider than eq. (2) (same integral). */
    @Test
    void code2023ResonanceIsSqrtTwoWider() {
        double kPar = 1e-12;
        double vPerp = 1e10;
        double ma = 0.7;
        double a = kPar * vPerp * Math.sqrt(ma);
        double paperRatio = ResonanceFunction.value(a, kPar, vPerp, ma, Conventions.ResonanceWidth.PAPER_EQ2)
                / ResonanceFunction.value(0, kPar, vPerp, ma, Conventions.ResonanceWidth.PAPER_EQ2);
        double codeRatio = ResonanceFunction.value(Math.sqrt(2) * a, kPar, vPerp, ma, Conventions.ResonanceWidth.CODE2023)
                / ResonanceFunction.value(0, kPar, vPerp, ma, Conventions.ResonanceWidth.CODE2023);
        assertEquals(Math.exp(-1), paperRatio, 1e-14);
        assertEquals(Math.exp(-1), codeRatio, 1e-14);
    }

    /** Composite 12-point Gauss–Legendre (Commons Math rule) over [a, b] split into n panels. */
    static double composite(java.util.function.DoubleUnaryOperator f, double a, double b, int n) {
        org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory fac =
                new org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory();
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double lo = a + (b - a) * i / n;
            double hi = a + (b - a) * (i + 1) / n;
            sum += fac.legendre(12, lo, hi).integrate(f::applyAsDouble);
        }
        return sum;
    }

    /** digest §2.4 [REPRO] check: ∫d³k Tr M^{A,sub} = M_A⁴, Tr M^{A,super} → 1, Tr M^F → M_A². */
    @Test
    void spectraAreNormalisedAsInTheAppendix() {
        double l = 100 * Constants.PC;
        for (double ma : new double[] {0.1, 0.3, 0.5, 1.0, 1.5, 2.0}) {
            double kMin = ma <= 1 ? 1 / (l * ma * ma) : ma * ma * ma / l;
            // 2π ∫ k⊥ dk⊥ ∫_{-∞}^{∞} dk∥ Tr M, in u = ln(k⊥/kMin), v = ln(k∥ L)
            double total = composite(u -> {
                double kPerp = kMin * Math.exp(u);
                double inner = composite(v -> {
                    double kPar = Math.exp(v) / l;
                    return kPar * TurbulenceSpectra.alfvenTrace(kPar, kPerp, ma, l);
                }, -40, 25, 130);
                return 2 * Math.PI * kPerp * kPerp * 2 * inner;
            }, 0, 40, 80);
            double expected = ma <= 1 ? Math.pow(ma, 4) : 1.0;
            assertEquals(expected, total, 1e-6 * expected, "Alfven M_A=" + ma);
            double fast = composite(u -> {
                double k = Math.exp(u) / l;
                return 4 * Math.PI * k * k * k * TurbulenceSpectra.fastTrace(k, ma, l);
            }, 0, 90, 120);
            assertEquals(ma * ma, fast, 1e-9 * ma * ma, "fast M_A=" + ma);
        }
    }

    /**
     * fornieri2021 (A20)–(A23): the fast-mode D_μμ of the code (dimensionless kernels, prefactor
     * √π M_A^{3/2} s/(2R²) v/L) equals eq. (1) evaluated by brute force in physical units with the
     * (A7) spectrum and the eq. (2) resonance, n = 0 with ω = ±k v_A and n = ±1, ξ ∈ (−1, 1).
     */
    @Test
    void fastModeKernelEqualsEquationOneByBruteForce() {
        double l = 100 * Constants.PC;
        double b = 1e-6;
        double ma = 0.8;
        double va = 2e6;
        TurbulenceEnvironment env = new TurbulenceEnvironment("brute force", l, ma, 0.1, va, b,
                EnumSet.of(ModeFamily.FAST), List.of(), FastModeCascade.weakIsotropic(l, ma, va),
                TurbulenceEnvironment.alfvenCutoff(b, Conventions.ConstantSet.CODATA), Double.NaN,
                Conventions.physical());
        double rgv = 3e5;
        double mu = 0.45;
        Resonance res = Resonance.atGV(Species.proton(), rgv, b);
        double v = res.speed();
        double rg = res.gyroradius();
        double omega = v / rg;
        double s = Math.sqrt(1 - mu * mu);
        // ∫ d³k = 2π ∫ k² dk ∫_{-1}^{1} dξ, k from 1/L (no damping), t = ln(kL) up to 1e4 L/r_g
        double tMax = Math.log(1e4 * l / rg);
        double[] sums = new double[2];
        GaussLegendre gx = GaussLegendre.of(10);
        for (int pxi = 0; pxi < 100; pxi++) {
            double xa = -1 + 0.02 * pxi;
            for (int jx = 0; jx < gx.size(); jx++) {
                double xi = xa + 0.01 * (1 + gx.nodes[jx]);
                double wxi = 0.01 * gx.weights[jx];
                int panels = (int) Math.ceil(tMax / 0.05);
                for (int pt = 0; pt < panels; pt++) {
                    double ta = tMax * pt / panels;
                    double h = 0.5 * tMax / panels;
                    for (int jt = 0; jt < gx.size(); jt++) {
                        double t = ta + h * (1 + gx.nodes[jt]);
                        double k = Math.exp(t) / l;
                        double kPar = k * xi;
                        double kPerp = k * Math.sqrt(1 - xi * xi);
                        double z = kPerp * rg * s;
                        double j0 = Bessel.j0(z);
                        double j1 = Bessel.j1(z);
                        double j1p = Bessel.j1Prime(z);
                        double common = wxi * h * gx.weights[jt] * 2 * Math.PI * k * k * k
                                * TurbulenceSpectra.fastTrace(k, ma, l) * (kPar * kPar) / (k * k);
                        double w0 = Math.signum(kPar) * k * va;
                        double ttd = ResonanceFunction.value(kPar * v * mu - w0, kPar, v * s, ma,
                                Conventions.ResonanceWidth.PAPER_EQ2) * j1 * j1;
                        double gyro = (ResonanceFunction.value(kPar * v * mu + omega, kPar, v * s, ma,
                                Conventions.ResonanceWidth.PAPER_EQ2)
                                + ResonanceFunction.value(kPar * v * mu - omega, kPar, v * s, ma,
                                Conventions.ResonanceWidth.PAPER_EQ2)) * j1p * j1p;
                        sums[0] += common * ttd;
                        sums[1] += common * gyro;
                        if (j0 > 2) {
                            throw new AssertionError();
                        }
                    }
                }
            }
        }
        double pref = omega * omega * s * s;
        QuasiLinearScattering q = new QuasiLinearScattering(env);
        double[] code = q.pitchAngleDiffusion(rgv, mu, 2);
        assertEquals(pref * sums[0], code[1], 2e-3 * code[1], "TTD");
        assertEquals(pref * sums[1], code[2], 2e-3 * code[2], "gyroresonance");
    }

    /**
     * fornieri2021 (A12)–(A16): the Alfvén D_μμ of the code (prefactor 2√π M_A^{5/6} s/(3R²) v/L
     * with √(1−μ²) restored) equals eq. (1) with the (A9) spectrum by brute force over
     * k_∥ ∈ ±[1/L, x_∥,max/L], k_⊥ ∈ [1/ℓ_tr, x_⊥,max/L], n = ±1.
     */
    @Test
    void alfvenKernelEqualsEquationOneByBruteForce() {
        double l = 10 * Constants.PC;
        double b = 1e-6;
        double ma = 0.7;
        TurbulenceEnvironment env = new TurbulenceEnvironment("brute force", l, ma, 0.1, 1e6, b,
                EnumSet.of(ModeFamily.ALFVEN), List.of(), FastModeCascade.weakIsotropic(l, ma, 1e6),
                1e6 / l, Double.NaN, Conventions.physical());
        double rgv = 0.05 * l * b / Constants.GV; // R = r_g/L = 0.05
        double mu = 0.5;
        Resonance res = Resonance.atGV(Species.proton(), rgv, b);
        double v = res.speed();
        double rg = res.gyroradius();
        double omega = v / rg;
        double s = Math.sqrt(1 - mu * mu);
        double xPerpMin = 1 / (ma * ma);
        double xPerpMax = 1e6;
        double xParMax = Math.pow(xPerpMax, 2.0 / 3.0);
        GaussLegendre g = GaussLegendre.of(8);
        double sum = 0;
        double tpMax = Math.log(xParMax);
        int npar = (int) Math.ceil(tpMax / 0.04);
        for (int ip = 0; ip < npar; ip++) {
            double a = tpMax * ip / npar;
            double h = 0.5 * tpMax / npar;
            for (int jp = 0; jp < g.size(); jp++) {
                double kPar = Math.exp(a + h * (1 + g.nodes[jp])) / l;
                double wPar = h * g.weights[jp] * kPar;
                double resonance = ResonanceFunction.value(kPar * v * mu + omega, kPar, v * s, ma,
                        Conventions.ResonanceWidth.PAPER_EQ2)
                        + ResonanceFunction.value(kPar * v * mu - omega, kPar, v * s, ma,
                        Conventions.ResonanceWidth.PAPER_EQ2);
                double inner = 0;
                double t0 = Math.log(xPerpMin);
                double t1 = Math.log(xPerpMax);
                int nperp = (int) Math.ceil((t1 - t0) / 0.01);
                for (int iq = 0; iq < nperp; iq++) {
                    double qa = t0 + (t1 - t0) * iq / nperp;
                    double hq = 0.5 * (t1 - t0) / nperp;
                    for (int jq = 0; jq < g.size(); jq++) {
                        double kPerp = Math.exp(qa + hq * (1 + g.nodes[jq])) / l;
                        double z = kPerp * rg * s;
                        double jz = Bessel.j1(z) / z;
                        inner += hq * g.weights[jq] * kPerp * kPerp * jz * jz
                                * TurbulenceSpectra.alfvenTrace(kPar, kPerp, ma, l);
                    }
                }
                // both signs of k_par: n = ±1 map onto each other, hence the factor 2
                sum += 2 * wPar * resonance * 2 * Math.PI * inner;
            }
        }
        double bruteForce = omega * omega * s * s * sum;
        QuasiLinearScattering q = new QuasiLinearScattering(env);
        double[] code = q.pitchAngleDiffusion(rgv, mu, 2);
        assertEquals(bruteForce, code[0], 3e-3 * bruteForce, "Alfven D_mumu");
    }
}
