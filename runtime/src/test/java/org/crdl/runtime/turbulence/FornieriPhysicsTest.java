package org.crdl.runtime.turbulence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.util.Pair;
import org.crdl.runtime.particles.Species;
import org.crdl.runtime.units.Constants;
import org.junit.jupiter.api.Test;

/**
 * Physics checkpoints of fornieri2021 (digest §5) on D_xx. Rigidities for the CODE-2020 runs are
 * the notebook's momenta p [GeV] mapped so that R = r_L/L matches its r_L = 3.37e12 cm (p/GeV)
 * at 1 μG.
 */
class FornieriPhysicsTest {
    /** rigidity [GV] whose exact r_g equals the CODE-2020 r_L of momentum p [GeV] at 1 μG */
    static double codeGV(double p) {
        return p * 3.37e12 / (Constants.GV / 1e-6);
    }

    static QuasiLinearScattering coarse(TurbulenceEnvironment e) {
        return new QuasiLinearScattering(e, Species.proton(), QuadratureSettings.coarse());
    }

    static double slope(QuasiLinearScattering q, double gv, double factor) {
        return Math.log(q.at(gv * factor).dxx() / q.at(gv).dxx()) / Math.log(factor);
    }

    /** L158: D decreases with M_A; digest §5.3: roughly ∝ M_A^-3, ×7.6 from M_A = 0.5 to 1 at 100 GeV (halo). */
    @Test
    void diffusionDecreasesWithMachNumberRoughlyAsInverseCube() {
        double[] mas = {0.3, 0.5, 0.7, 1.0, 1.5, 2.0};
        double[] d = new double[mas.length];
        for (int i = 0; i < mas.length; i++) {
            d[i] = coarse(Environments.fornieriHalo(100, mas[i], Conventions.code2020Halo())).at(codeGV(100)).dxx();
            if (i > 0) {
                assertTrue(d[i] < d[i - 1], "M_A=" + mas[i]);
            }
        }
        double ratio = d[1] / d[3];
        assertTrue(ratio > 6.5 && ratio < 9, "D(M_A=0.5)/D(M_A=1) = " + ratio + " (digest 7.6, M_A^-3 gives 8)");
        double exponent = Math.log(d[5] / d[1]) / Math.log(4.0);
        assertTrue(exponent < -2.5 && exponent > -3.5, "d ln D/d ln M_A over 0.5..2 = " + exponent);
        for (double gv : new double[] {1, 100, 1e4}) {
            double lo = coarse(Environments.fornieriDisk(100, 0.5, Conventions.physical())).at(gv).dxx();
            double hi = coarse(Environments.fornieriDisk(100, 1.0, Conventions.physical())).at(gv).dxx();
            assertTrue(lo > hi, "disk, physical conventions, " + gv + " GV");
        }
    }

    /** digest §5.3: D rises with the injection scale L (L = 10, 30, 100 pc). */
    @Test
    void diffusionIncreasesWithInjectionScale() {
        for (Conventions c : new Conventions[] {Conventions.code2020Halo(), Conventions.physical()}) {
            double prev = 0;
            for (double l : new double[] {10, 30, 100}) {
                double d = coarse(Environments.fornieriHalo(l, 1.0, c)).at(100).dxx();
                assertTrue(d > prev, "L=" + l + " pc, " + c.xiMapping());
                prev = d;
            }
        }
    }

    /** L201: smaller β gives smaller D (fast modes less damped at low β). */
    @Test
    void lowerBetaGivesSmallerDiffusion() {
        TurbulenceEnvironment base = Environments.fornieriHalo(100, 1.0, Conventions.physical());
        for (double gv : new double[] {10, 100, 1e4}) {
            double prev = 0;
            for (double beta : new double[] {0.03, 0.1, 0.3}) {
                TurbulenceEnvironment e = new TurbulenceEnvironment("beta=" + beta, base.injectionScale(), 1.0, beta,
                        1e6, 1e-6, base.modes(), List.of(new CollisionlessDamping(beta, 1e6)), base.cascade(),
                        base.alfvenKPerpMax(), Double.NaN, Conventions.physical());
                double d = coarse(e).at(gv).dxx();
                assertTrue(d > prev, "beta=" + beta + " at " + gv + " GV");
                prev = d;
            }
        }
    }

    /**
     * L172/L181: Alfvén-only D is orders of magnitude above the total and decreases with energy;
     * digest §5.3 [REPRO] halo values 2.0e39 … 9.8e31 cm²/s at 1 … 1e5 GeV (factor-2 band: the
     * notebook's 100-point Alfvén grids show wiggles, digest §6.2).
     */
    @Test
    void alfvenOnlyDiffusionIsHugeAndDecreasing() {
        QuasiLinearScattering q = coarse(Environments.fornieriHaloCode2020());
        double[] p = {1, 10, 100, 1e3, 1e4, 1e5};
        double[] repro = {2.0e39, 5.7e37, 3.0e36, 6.7e34, 1.8e33, 9.8e31};
        double prev = Double.POSITIVE_INFINITY;
        for (int i = 0; i < p.length; i++) {
            SpatialDiffusion d = q.at(codeGV(p[i]));
            assertTrue(d.dxxAlfven() < prev, "decreasing at " + p[i] + " GeV");
            prev = d.dxxAlfven();
            assertTrue(d.dxxAlfven() / d.dxx() > 100, "Alfven-only / total = " + d.dxxAlfven() / d.dxx());
            assertTrue(d.dxxAlfven() > repro[i] / 2 && d.dxxAlfven() < repro[i] * 2,
                    p[i] + " GeV: " + d.dxxAlfven() + " vs REPRO " + repro[i]);
        }
        SpatialDiffusion low = q.at(codeGV(1));
        assertTrue(low.dxxAlfven() / low.dxx() > 1e10, "~12 orders at 1 GeV (L172: up to ~15)");
    }

    /** digest §5.3: the slope steepens from ≈0.22–0.3 at GeV to ≈0.47 at 10–100 TeV (non-power law). */
    @Test
    void slopeSteepensWithRigidity() {
        QuasiLinearScattering q = coarse(Environments.fornieriHaloCode2020());
        double sGeV = slope(q, codeGV(1), 10);
        double s100 = slope(q, codeGV(100), 10);
        double sTeV = slope(q, codeGV(1e3), 10);
        double s10TeV = slope(q, codeGV(1e4), 10);
        assertTrue(sGeV > 0.2 && sGeV < 0.3, "slope 1-10 GeV = " + sGeV);
        assertTrue(s10TeV > 0.42 && s10TeV < 0.5, "slope 10-100 TeV = " + s10TeV);
        assertTrue(sGeV < s100 && s100 < sTeV && sTeV < s10TeV, "steepening: " + sGeV + " " + s100 + " " + sTeV);
    }

    /**
     * L160/L503: the disk D (viscous + collisionless) has a low-rigidity minimum, the halo is monotonic.
     * digest §5.3: with CODE-2020 parameters the minimum is at ~1–10 GeV; with the ξ mapping
     * corrected at ~17–28 GeV. The paper's 50–100 GV is a qualitative target.
     */
    @Test
    void diskHasLowRigidityMinimumHaloDoesNot() {
        double faithful = argMin(coarse(Environments.fornieriDiskCode2020()));
        assertTrue(faithful > 1 && faithful < 15, "CODE-2020 disk minimum at " + faithful + " GV");
        double corrected = argMin(coarse(Environments.fornieriDisk(100, 1.0,
                Conventions.code2020Disk().withXiMapping(Conventions.XiMapping.COS_THETA))));
        assertTrue(corrected > 10 && corrected < 60, "xi-corrected disk minimum at " + corrected + " GV");
        // physical conventions (v = βc, ξ = cos θ, no cap, rates add): D ∝ v falls below ~2 GV, and the
        // damping upturn leaves a local minimum near the paper's 50–100 GV
        QuasiLinearScattering phys = coarse(Environments.fornieriDisk(100, 1.0, Conventions.physical()));
        double[] g = new double[25];
        double[] dp = new double[25];
        for (int i = 0; i < 25; i++) {
            g[i] = Math.pow(10, 0.5 + 0.125 * i); // 3.2 GV – 3.2 TV
            dp[i] = phys.at(g[i]).dxx();
        }
        int localMin = -1;
        for (int i = 1; i < 24; i++) {
            if (dp[i] < dp[i - 1] && dp[i] < dp[i + 1]) {
                localMin = i;
            }
        }
        assertTrue(localMin > 0 && g[localMin] > 30 && g[localMin] < 300,
                "physical disk local minimum at " + (localMin > 0 ? g[localMin] : Double.NaN) + " GV");
        for (TurbulenceEnvironment halo : new TurbulenceEnvironment[] {Environments.fornieriHaloCode2020(),
            Environments.fornieriHalo(100, 1.0, Conventions.physical())}) {
            QuasiLinearScattering q = coarse(halo);
            double prev = 0;
            for (int i = 0; i <= 20; i++) {
                double d = q.at(Math.pow(10, -1 + 0.3 * i)).dxx();
                assertTrue(d > prev, halo.name() + " monotonic, step " + i);
                prev = d;
            }
        }
    }

    private static double argMin(QuasiLinearScattering q) {
        double best = Double.MAX_VALUE;
        double at = 0;
        for (int i = 0; i <= 24; i++) {
            double gv = Math.pow(10, -1 + 0.2 * i);
            double d = q.at(gv).dxx();
            if (d < best) {
                best = d;
                at = gv;
            }
        }
        assertTrue(at > 0.1 && at < Math.pow(10, 3.8), "the minimum must be interior, found at " + at + " GV");
        return at;
    }

    /**
     * digest §5.2 item 24: with the authors' code conventions the halo fit D = 1e28 a R^b (+ c) over
     * the notebook's grid points 29…38 (100 GeV–1 TeV) gives a = 184.41049864, b = 0.32650955.
     * Least squares in D with c = 0 (scipy's curve_fit leaves c at its start value 0 there).
     */
    @Test
    void code2020HaloFitReproducesNotebook() {
        QuasiLinearScattering q = new QuasiLinearScattering(Environments.fornieriHaloCode2020());
        double[] r = new double[10];
        double[] d = new double[10];
        double l = 100 * 3.0857e18;
        for (int i = 0; i < 10; i++) {
            double p = Math.pow(10, -1 + 6.0 * (29 + i) / 59);
            r[i] = 3.37e12 * p / l;
            SpatialDiffusion sd = q.at(codeGV(p));
            assertTrue(sd.relError() < 1e-3, "converged: " + sd.relError());
            d[i] = sd.dxx();
        }
        double[] ab = fitPowerLaw(r, d);
        System.out.printf("CODE-2020 halo fit: a = %.5f (notebook 184.41049864), b = %.6f (notebook 0.32650955)%n",
                ab[0], ab[1]);
        assertEquals(184.41049864, ab[0], 0.01 * 184.41049864);
        assertEquals(0.32650955, ab[1], 0.01 * 0.32650955);
    }

    /** Levenberg–Marquardt fit of D = 1e28 a R^b, residuals in D. */
    static double[] fitPowerLaw(double[] r, double[] d) {
        LeastSquaresOptimizer.Optimum opt = new LevenbergMarquardtOptimizer().optimize(new LeastSquaresBuilder()
                .start(new double[] {100, 0.3})
                .target(d)
                .model(point -> {
                    double a = point.getEntry(0);
                    double b = point.getEntry(1);
                    RealVector value = new ArrayRealVector(r.length);
                    Array2DRowRealMatrix jac = new Array2DRowRealMatrix(r.length, 2);
                    for (int i = 0; i < r.length; i++) {
                        double f = 1e28 * a * Math.pow(r[i], b);
                        value.setEntry(i, f);
                        jac.setEntry(i, 0, f / a);
                        jac.setEntry(i, 1, f * Math.log(r[i]));
                    }
                    return new Pair<>(value, jac);
                })
                .maxEvaluations(10000).maxIterations(10000).build());
        return opt.getPoint().toArray();
    }

    /**
     * digest §6.4 item 1 [REPRO]: CODE-2020 ξ mapping vs corrected, halo L = 100 pc, M_A = 1:
     * faithful 6.28e27/2.03e28/4.37e28/3.35e29, corrected 4.30e28/5.08e28/6.75e28/3.39e29 cm²/s at
     * 1/89/925/1e5 GeV (an independent re-implementation; 2 % band).
     */
    @Test
    void xiMappingQuirkMatchesIndependentReimplementation() {
        QuasiLinearScattering faithful = coarse(Environments.fornieriHaloCode2020());
        QuasiLinearScattering corrected = coarse(Environments.fornieriHaloCode2020()
                .withConventions(Conventions.code2020Halo().withXiMapping(Conventions.XiMapping.COS_THETA)));
        double[] p = {1, 89, 925, 1e5};
        double[] f = {6.28e27, 2.03e28, 4.37e28, 3.35e29};
        double[] c = {4.30e28, 5.08e28, 6.75e28, 3.39e29};
        for (int i = 0; i < p.length; i++) {
            assertEquals(f[i], faithful.at(codeGV(p[i])).dxx(), 0.02 * f[i], "faithful " + p[i] + " GeV");
            assertEquals(c[i], corrected.at(codeGV(p[i])).dxx(), 0.02 * c[i], "corrected " + p[i] + " GeV");
        }
    }

    /**
     * L121 (digest §5.1 item 1) with the paper's μ* criterion (eq. (7), L' = size/5, threshold 1)
     * on the CODE-2020 curves: disk particles are non-diffusive at M_A = 0.1 even at low energy
     * (D = 0: no diffusive μ range); for M_A ≥ 0.3 μ* ≈ 1 (D unchanged) — checked over 0.1–1e3 GeV.
     */
    @Test
    void paperMuStarCriterion() {
        Conventions star = Conventions.code2020Halo().withDiffusiveCriterion(Conventions.DiffusiveCriterion.PAPER_MU_STAR);
        Conventions none = Conventions.code2020Halo().withDiffusiveCriterion(Conventions.DiffusiveCriterion.NONE);
        for (double gv : new double[] {0.3, 1}) {
            assertEquals(0.0, coarse(Environments.fornieriDisk(100, 0.1, star)).at(codeGV(gv)).dxx(), 0.0);
        }
        for (double ma : new double[] {0.3, 1.0}) {
            for (boolean disk : new boolean[] {true, false}) {
                TurbulenceEnvironment e = disk ? Environments.fornieriDisk(100, ma, star)
                        : Environments.fornieriHalo(100, ma, star);
                QuasiLinearScattering withStar = coarse(e);
                QuasiLinearScattering without = coarse(e.withConventions(none));
                for (double p : new double[] {0.1, 10, 1e3}) {
                    double a = withStar.at(codeGV(p)).dxx();
                    double b = without.at(codeGV(p)).dxx();
                    assertEquals(b, a, 0.01 * b, e.name() + " at " + p + " GeV");
                }
            }
        }
    }

    /**
     * digest §5.3 [REPRO]: the Alfvén fraction of D_μμ at (100 GeV, μ = 0.5) is 1.3e-8 (halo,
     * M_A = 1, L = 100 pc) and 1.4e-4 (M_A = 2, L = 10 pc); factor-1.5 band (REPRO used 100-point
     * trapezoid grids for the Alfvén integral).
     */
    @Test
    void alfvenShareOfPitchAngleScattering() {
        double[][] cases = {{100, 1.0, 1.3e-8}, {10, 2.0, 1.4e-4}};
        for (double[] c : cases) {
            QuasiLinearScattering q = coarse(Environments.fornieriHalo(c[0], c[1], Conventions.code2020Halo()));
            double[] d = q.pitchAngleDiffusion(codeGV(100), 0.5, 2);
            double share = d[0] / (d[0] + d[1] + d[2]);
            assertTrue(share > c[2] / 1.5 && share < c[2] * 1.5, "L=" + c[0] + ", M_A=" + c[1] + ": " + share);
        }
    }
}
