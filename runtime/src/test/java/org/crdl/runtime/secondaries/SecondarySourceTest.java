package org.crdl.runtime.secondaries;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.crdl.runtime.network.Gas;
import org.junit.jupiter.api.Test;

class SecondarySourceTest {
    /** proton and helium power laws I = K T_n^−γ [cm⁻² s⁻¹ sr⁻¹ (GeV/n)⁻¹] */
    private static final double KP = 1.8;
    private static final double KHE = 0.09;
    private static final double GAMMA = 2.7;

    static double[] logGrid(double lo, double hi, int perDecade) {
        int n = (int) Math.round(Math.log10(hi / lo) * perDecade) + 1;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = lo * Math.pow(hi / lo, i / (double) (n - 1));
        }
        return x;
    }

    static double[] powerLaw(double[] x, double k) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = k * Math.pow(x[i], -GAMMA);
        }
        return y;
    }

    /**
     * Independent quadrature: q(T) = 4π Σ n_t ∫ I_P dσ_{P t}/dT dT_n by a dense midpoint rule in
     * ln T_n (6000 cells) on the analytic power laws, calling the public cross section for each
     * (projectile, target) pair. The source uses 10 nodes per decade, power-law interpolation and the
     * factorised nuclear weights; agreement to 0.5 % checks all three.
     */
    @Test
    void antiprotonSourceMatchesDenseQuadratureForPowerLaws() {
        double[] tn = logGrid(1, 1e4, 10);
        Gas gas = new Gas(1.0, 0.1, 0.0);
        double[] t = {0.3, 2, 10, 100};
        double[] q = SecondarySource.antiprotons(t, tn, powerLaw(tn, KP), powerLaw(tn, KHE), gas);
        for (int k = 0; k < t.length; k++) {
            double expected = dense(t[k], 1, 1e4, gas);
            assertEquals(expected, q[k], 5e-3 * expected, "T = " + t[k] + " GeV");
        }
    }

    private static double dense(double t, double lo, double hi, Gas gas) {
        int n = 6000;
        double a = Math.log(lo);
        double h = Math.log(hi / lo) / n;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double e = Math.exp(a + (i + 0.5) * h);
            double ip = KP * Math.pow(e, -GAMMA);
            double ihe = KHE * Math.pow(e, -GAMMA);
            double rate = gas.hydrogenDensity() * (ip * AntiprotonCrossSection.dSigmaDTMbPerGeV(1, 1, e, t)
                    + ihe * AntiprotonCrossSection.dSigmaDTMbPerGeV(4, 1, e, t))
                    + gas.heliumDensity() * (ip * AntiprotonCrossSection.dSigmaDTMbPerGeV(1, 4, e, t)
                    + ihe * AntiprotonCrossSection.dSigmaDTMbPerGeV(4, 4, e, t));
            sum += e * rate * h;
        }
        return 4 * Math.PI * 1e-27 * sum;
    }

    /** The e± source against the same dense independent quadrature, across the 1 TeV join. */
    @Test
    void leptonSourceMatchesDenseQuadratureForPowerLaws() {
        double[] tn = logGrid(1, 1e5, 10);
        Gas gas = new Gas(1.0, 0.1, 0.0);
        double[] t = {0.01, 0.5, 20, 300};
        double[] q = SecondarySource.leptons(true, t, tn, powerLaw(tn, KP), powerLaw(tn, KHE), gas);
        for (int k = 0; k < t.length; k++) {
            final double tk = t[k];
            double expected = denseGeneric(tk, 1, 1e5, gas,
                    (pa, ta, e) -> LeptonCrossSection.dSigmaDTMbPerGeV(true, pa, ta, e, tk));
            assertEquals(expected, q[k], 5e-3 * expected, "T = " + t[k] + " GeV");
        }
    }

    interface Kernel {
        double mbPerGeV(int projectileA, int targetA, double tn);
    }

    private static double denseGeneric(double t, double lo, double hi, Gas gas, Kernel kernel) {
        int n = 20000;
        double a = Math.log(lo);
        double h = Math.log(hi / lo) / n;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double e = Math.exp(a + (i + 0.5) * h);
            double ip = KP * Math.pow(e, -GAMMA);
            double ihe = KHE * Math.pow(e, -GAMMA);
            double rate = gas.hydrogenDensity() * (ip * kernel.mbPerGeV(1, 1, e) + ihe * kernel.mbPerGeV(4, 1, e))
                    + gas.heliumDensity() * (ip * kernel.mbPerGeV(1, 4, e) + ihe * kernel.mbPerGeV(4, 4, e));
            sum += e * rate * h;
        }
        return 4 * Math.PI * 1e-27 * sum;
    }

    /** q is linear in the target densities; no helium table = no helium primaries. */
    @Test
    void linearInGasAndHeliumOptional() {
        double[] tn = logGrid(3, 3e3, 8);
        double[] ip = powerLaw(tn, KP);
        double[] t = {1, 10};
        double[] one = SecondarySource.antiprotons(t, tn, ip, null, Gas.neutralHydrogen(1));
        double[] two = SecondarySource.antiprotons(t, tn, ip, null, Gas.neutralHydrogen(2));
        double[] zeros = SecondarySource.antiprotons(t, tn, ip, new double[tn.length], Gas.neutralHydrogen(1));
        for (int k = 0; k < t.length; k++) {
            assertEquals(2 * one[k], two[k], 1e-12 * two[k]);
        }
        assertArrayEquals(one, zeros, 0);
        assertThrows(IllegalArgumentException.class,
                () -> SecondarySource.antiprotons(t, tn, new double[3], null, Gas.neutralHydrogen(1)));
    }
}
