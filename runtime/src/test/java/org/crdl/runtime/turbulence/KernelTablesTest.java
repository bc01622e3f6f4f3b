package org.crdl.runtime.turbulence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;
import org.apache.commons.math3.special.BesselJ;
import org.apache.commons.math3.special.Gamma;
import org.junit.jupiter.api.Test;

/**
 * The tabulated x-integrals against independent quadrature of the exact Bessel kernels
 * (Commons Math BesselJ and IterativeLegendreGaussIntegrator), and the Weber–Schafheitlin
 * closed form of F(∞).
 */
class KernelTablesTest {
    /** ∫_lo^hi f(t) dt with Commons Math on unit panels (robust for oscillatory integrands). */
    static double integrate(java.util.function.DoubleUnaryOperator f, double lo, double hi, double panel) {
        IterativeLegendreGaussIntegrator gi = new IterativeLegendreGaussIntegrator(8, 1e-12, 1e-300);
        double sum = 0;
        int n = (int) Math.ceil((hi - lo) / panel);
        for (int i = 0; i < n; i++) {
            double a = lo + (hi - lo) * i / n;
            double b = lo + (hi - lo) * (i + 1) / n;
            sum += gi.integrate(Integer.MAX_VALUE, f::applyAsDouble, a, b);
        }
        return sum;
    }

    @Test
    void transitTimeKernelAtInfinityIsWeberSchafheitlin() {
        // ∫_0^∞ t^{-μ} J_ν² dt = Γ(μ)Γ(ν+(1−μ)/2) / (2^μ Γ((1+μ)/2)² Γ(ν+(1+μ)/2)), μ = 5/2, ν = 1
        double exact = Math.exp(Gamma.logGamma(2.5) + Gamma.logGamma(0.25) - 2.5 * Math.log(2)
                - 2 * Gamma.logGamma(1.75) - Gamma.logGamma(2.75));
        assertEquals(exact, TransitTimeKernel.F_INFINITY, 1e-9 * exact);
        assertEquals(exact, TransitTimeKernel.f(Double.POSITIVE_INFINITY), 1e-9 * exact);
    }

    @Test
    void transitTimeIntegralMatchesDirectQuadrature() {
        double[][] cases = {{1e-3, 50}, {0.02, 3e3}, {0.3, 1e3}, {1.7, 40}, {5, 3}, {1e-7, 1e4}};
        for (double[] c : cases) {
            double a = c[0];
            double xMax = c[1];
            // in t = ln x: x^{-3/2} J1(a x)^2
            double direct = integrate(t -> {
                double x = Math.exp(t);
                double j = BesselJ.value(1, a * x);
                return Math.pow(x, -1.5) * j * j;
            }, 0, Math.log(xMax), 0.02);
            double table = TransitTimeKernel.integral(a, xMax);
            assertEquals(direct, table, 2e-7 * direct, "a=" + a + ", X=" + xMax);
        }
        assertEquals(0.0, TransitTimeKernel.integral(0.1, 0.9), 0.0, "k_max L < 1 gives zero");
        assertEquals(0.0, TransitTimeKernel.integral(0.0, 10), 0.0);
    }

    @Test
    void alfvenPerpendicularIntegralMatchesDirectQuadrature() {
        // H = ∫ dx x^{-7/3} J1²(bx)/(bx)² exp(−c x^{-2/3}) over [xmin, xmax], exact Bessel, in t = ln x
        double[][] cases = {{1e-6, 3e3, 1, 1e9}, {1e-4, 10, 1, 1e9}, {0.3, 2, 1, 1e4}, {2e-9, 1e6, 4, 9e11},
            {0.05, 500, 1, 1e5}};
        for (double[] c : cases) {
            double b = c[0];
            double cc = c[1];
            double lo = c[2];
            double hi = c[3];
            double direct = integrate(t -> {
                double x = Math.exp(t);
                double w = b * x;
                double j = w < 1e-6 ? 0.5 : BesselJ.value(1, w) / w;
                return Math.pow(x, -4.0 / 3.0) * j * j * Math.exp(-cc * Math.pow(x, -2.0 / 3.0));
            }, Math.log(lo), Math.log(Math.min(hi, 200 / b)), 0.01)
                    + AlfvenKernelTable.closedForm(cc * Math.pow(b, 2.0 / 3.0), Math.min(hi, 200 / b) * b)
                    * Math.pow(b, 4.0 / 3.0)
                    - (hi > 200 / b ? AlfvenKernelTable.closedForm(cc * Math.pow(b, 2.0 / 3.0), hi * b)
                    * Math.pow(b, 4.0 / 3.0) : 0);
            double table = AlfvenKernelTable.perpendicularIntegral(b, cc, lo, hi);
            assertEquals(direct, table, 2e-3 * direct, "b=" + b + ", c=" + cc);
        }
    }

    @Test
    void gyroresonanceIntegralMatchesExactBesselQuadrature() {
        // the production x-integral uses the oscillation-averaged kernel above z = 17π/4; compare with
        // the fully resolved exact-Bessel integral (fornieri2021 (A23) inner integral)
        TurbulenceEnvironment env = Environments.fornieriHalo(100, 1.0, Conventions.physical());
        QuasiLinearScattering q = new QuasiLinearScattering(env);
        double[][] cases = {{1e-6, 0.5, 0.5, 1e9}, {1e-8, 0.9, 0.3, 1e11}, {3e-5, 0.2, 0.8, 1e6},
            {1e-7, 0.99, 0.95, 1e10}, {1e-6, 0.5, 0.05, 1e9}};
        for (double[] c : cases) {
            double r = c[0];
            double mu = c[1];
            double xi = c[2];
            double xMax = c[3];
            double s = Math.sqrt(1 - mu * mu);
            double a = r * Math.sqrt(1 - xi * xi) * s;
            double sig2 = env.machAlfven() * s * s;
            double direct = integrate(t -> {
                double x = Math.exp(t);
                double z = a * x;
                double jp = 0.5 * (BesselJ.value(0, z) - BesselJ.value(2, z));
                double u = 1 / (x * xi * r);
                double g = Math.exp(-(mu - u) * (mu - u) / sig2) + Math.exp(-(mu + u) * (mu + u) / sig2);
                return Math.pow(x, -1.5) * jp * jp * g;
            }, 0, Math.log(xMax), 0.005);
            double prod = q.gyroresonanceIntegral(r, mu, xi, xMax, 12);
            assertTrue(direct > 0);
            // 0.2 %; 0.5 % at small ξ, where the resonance (z ≈ 35) lies in the oscillation-averaged
            // region (BesselMeans: O(1/4Z²) there; its effect on D_xx is < 1e-5)
            double tol = xi < 0.1 ? 5e-3 : 2e-3;
            assertEquals(direct, prod, tol * direct, "R=" + r + ", mu=" + mu + ", xi=" + xi);
        }
        assertEquals(0.0, q.gyroresonanceIntegral(1e-6, 0.5, 0.5, 0.7, 8), 0.0, "k_max L < 1 gives zero");
    }
}
