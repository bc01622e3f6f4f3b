package org.crdl.runtime.structures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.crdl.runtime.particles.Resonance;
import org.crdl.runtime.plasma.ModelException;
import org.crdl.runtime.plasma.PhaseState;
import org.junit.jupiter.api.Test;

/**
 * The size integral against closed forms (butsky2024 digest §2.9, §5.2), with hand-written populations:
 * power-law distributions in arbitrary units, so the expected values are elementary integrals.
 */
class SizeIntegralTest {

    /** A population on [lo, hi] with n_s(>ℓ) = ℓ^-alpha (or f_V per e-fold = ℓ^beta), τ_s = tau0 (ℓ/lo)^q. */
    private record PowerLaw(boolean filling, int dim, double lo, double hi, double exponent, double tau0, double q)
            implements Structure {
        public StructureInfo info() {
            return StructureInfo.of("p", dim, true, filling, false, "none");
        }

        public void bind(PhaseState phase, Resonance res) {
        }

        public double sizeMin() {
            return lo;
        }

        public double sizeMax() {
            return hi;
        }

        public double longAxis(double l) {
            return 3 * l;
        }

        public double abundance(double l) {
            return Math.pow(l, filling ? exponent : -exponent);
        }

        public double opticalDepth(double l) {
            return tau0 * Math.pow(l / lo, q);
        }

        public double densityRatio(double l) {
            return Double.NaN;
        }

        public double scaleHeight() {
            return Double.NaN;
        }
    }

    private static SizeIntegral.Result of(Structure s, double rg, Weight w) {
        return SizeIntegral.compute(s, rg, w, () -> "test");
    }

    @Test
    void cumulativeDistributionMatchesTheDigestClosedForm() {
        // §2.9: ∫_{ℓ_min}^{ℓ_max} |dn/dℓ| ℓ² dℓ = α/(α−2) ℓ_min^(2−α) [1 − (ℓ_max/ℓ_min)^(2−α)] for n(>ℓ) = ℓ^−α
        for (double alpha : new double[] {1.5, 2.5, 3.0}) {
            SizeIntegral.Result r = of(new PowerLaw(false, 0, 1, 1e4, alpha, 5, 0), 2, Weight.STEP);
            double expected = alpha / (alpha - 2) * Math.pow(2, 2 - alpha) * (1 - Math.pow(1e4 / 2, 2 - alpha));
            assertEquals(expected, r.nuPerSpeed(), 1e-9 * expected, "α = " + alpha);
            // f_V = ∫ |dn/dℓ| ℓ³ dℓ = α/(3−α) [ℓ_max^(3−α) − ℓ_min^(3−α)] (α ≠ 3)
            if (alpha != 3) {
                double fv = alpha / (3 - alpha) * (Math.pow(1e4, 3 - alpha) - Math.pow(2, 3 - alpha));
                assertEquals(fv, r.filling(), 1e-9 * fv);
                assertEquals(5 * fv, r.trapped(), 1e-9 * 5 * fv, "τ_s f_V with constant τ_s");
            }
        }
    }

    @Test
    void fillingPerEfoldAndGeometry() {
        // dn/d ln ℓ = f/(A ℓ) with A = ℓ_L^𝒟 ℓ^(2−𝒟), ℓ_L = 3ℓ: ν/v = ∫ f(ℓ)/ℓ d ln ℓ = ∫ ℓ^(β−1) d ln ℓ for every 𝒟
        for (int d = 0; d <= 2; d++) {
            SizeIntegral.Result r = of(new PowerLaw(true, d, 1, 100, 0.5, 2, 0), 0.5, Weight.STEP);
            double expected = (Math.pow(100, -0.5) - 1) / -0.5;
            assertEquals(expected, r.nuPerSpeed(), 1e-9 * expected, "𝒟 = " + d);
            double fv = (Math.pow(100, 0.5) - 1) / 0.5;   // f_V = ∫ ℓ^β d ln ℓ
            assertEquals(fv, r.filling(), 1e-9 * fv);
        }
    }

    @Test
    void stepWeightCutsAtTauOneAndTheGyroradiusCutsBelow() {
        // τ_s = 0.1 (ℓ/1)^1 on [1, 1e3]: only ℓ ≥ 10 scatter; with r_g = 50 only ℓ ≥ 50
        Structure s = new PowerLaw(false, 0, 1, 1e3, 2.5, 0.1, 1);
        double from10 = 5 * Math.pow(10, -0.5) * (1 - Math.pow(1e2, -0.5));
        assertEquals(from10, of(s, 0.5, Weight.STEP).nuPerSpeed(), 1e-8 * from10, "step at τ = 1 (L103)");
        double from50 = 5 * Math.pow(50, -0.5) * (1 - Math.pow(20, -0.5));
        assertEquals(from50, of(s, 50, Weight.STEP).nuPerSpeed(), 1e-8 * from50, "Θ(ℓ − r_g) (Eq. 3)");
        assertEquals(0.1 * 50, of(s, 50, Weight.STEP).tauMin(), 1e-9, "τ_s,min at the smallest eligible size");
        assertEquals(false, of(s, 2e3, Weight.STEP).eligible(), "nothing above ℓ_max");
    }

    @Test
    void aRisingCumulativeDistributionIsAnError() {
        Structure rising = new PowerLaw(false, 0, 1, 10, -1, 2, 0);
        assertThrows(ModelException.class, () -> of(rising, 0.5, Weight.STEP));
    }
}
