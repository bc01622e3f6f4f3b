package org.crdl.runtime.fit;

/**
 * The best linear scale s of a model against data, profiled analytically: χ²(s) = Σ (s mᵢ − yᵢ)²/σᵢ²
 * is quadratic in s, so ∂χ²/∂s = 0 gives s* = Σ mᵢyᵢ/σᵢ² / Σ mᵢ²/σᵢ². With asymmetric errors σᵢ
 * depends on the side of yᵢ where s·mᵢ lies; the closed form is re-solved with the sides of the
 * previous s* until they no longer change (two or three passes in practice).
 *
 * <p>A source normalisation (an element's abundance, or the energy budget for all species at once)
 * enters a primary's flux linearly, so profiling it this way replaces a hand-tuned budget.
 */
public final class Normalisation {
    private Normalisation() {
    }

    /**
     * @param model  model value at each data point (any positive scale)
     * @param y      data values
     * @param errLo  lower total errors
     * @param errHi  upper total errors
     * @return s* &gt; 0, or 1 when there are no points or the model vanishes
     */
    public static double best(double[] model, double[] y, double[] errLo, double[] errHi) {
        double num = 0;
        double den = 0;
        for (int i = 0; i < model.length; i++) {
            double sigma = 0.5 * (errLo[i] + errHi[i]);
            if (sigma > 0) {
                num += model[i] * y[i] / (sigma * sigma);
                den += model[i] * model[i] / (sigma * sigma);
            }
        }
        if (!(den > 0) || !(num > 0)) {
            return 1;
        }
        double s = num / den;
        double bestS = s;
        double bestChi2 = chi2(s, model, y, errLo, errHi);
        for (int pass = 0; pass < 10; pass++) {
            num = 0;
            den = 0;
            for (int i = 0; i < model.length; i++) {
                double sigma = s * model[i] >= y[i] ? errHi[i] : errLo[i];
                if (sigma > 0) {
                    num += model[i] * y[i] / (sigma * sigma);
                    den += model[i] * model[i] / (sigma * sigma);
                }
            }
            if (!(den > 0) || !(num > 0)) {
                break;
            }
            double next = num / den;
            double c = chi2(next, model, y, errLo, errHi);
            if (c < bestChi2) {
                bestChi2 = c;
                bestS = next;
            }
            if (next == s) {
                break;
            }
            s = next;
        }
        return bestS;
    }

    /** χ² of the scaled model with the error on the model's side of each point. */
    public static double chi2(double s, double[] model, double[] y, double[] errLo, double[] errHi) {
        double c = 0;
        for (int i = 0; i < model.length; i++) {
            double d = s * model[i] - y[i];
            if (d != 0) {
                double sigma = d > 0 ? errHi[i] : errLo[i];
                c += d * d / (sigma * sigma);
            }
        }
        return c;
    }
}
