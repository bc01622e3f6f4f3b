package org.crdl.runtime.waves;

import org.crdl.runtime.particles.Resonance;
import org.crdl.runtime.plasma.ModelException;
import org.crdl.runtime.plasma.PhaseState;

/**
 * The cosmic-ray state a law may use at the resonant rigidity: e_cr = e'_cr (energy density
 * per ln p) [erg cm^-3], P_cr = P'_cr [erg cm^-3] and the gradient scale ell_grad [cm].
 * For local calculations they come from phase fields of the same names (which may depend
 * on R); the transport solvers supply them self-consistently. A missing P_cr defaults to
 * beta^2 e_cr / 3 (hopkins2022 L84); a missing value that a law needs is a {@link ModelException}.
 */
public final class CrState {
    private final String origin;
    private final double eCr;
    private final double pCr;
    private final double ellGrad;

    public CrState(String origin, double eCr, double pCr, double ellGrad) {
        this.origin = origin;
        this.eCr = eCr;
        this.pCr = pCr;
        this.ellGrad = ellGrad;
    }

    /** No CR state at all: any law that reads it fails with a message naming {@code origin}. */
    public static CrState none(String origin) {
        return new CrState(origin, Double.NaN, Double.NaN, Double.NaN);
    }

    /** CR state from the phase fields e_cr, P_cr, ell_grad (already evaluated at the resonance). */
    public static CrState fromPhase(PhaseState phase, Resonance res) {
        double e = phase.fieldOr("e_cr", Double.NaN);
        double p = phase.has("P_cr") ? phase.field("P_cr")
                : (Double.isNaN(e) ? Double.NaN : res.beta() * res.beta() * e / 3.0);
        return new CrState("phase " + phase.name(), e, p, phase.fieldOr("ell_grad", Double.NaN));
    }

    public double eCr() {
        return require(eCr, "e_cr");
    }

    public double pCr() {
        return require(pCr, "P_cr");
    }

    public double ellGrad() {
        return require(ellGrad, "ell_grad");
    }

    private double require(double v, String name) {
        if (Double.isNaN(v)) {
            throw new ModelException("the CR state '" + name + "' is not available: " + origin
                    + " does not define it (declare it as a phase field, e.g. "
                    + "e_cr = 0.6 [eV cm^-3] * (R / 1 [GV])^-0.7)");
        }
        return v;
    }
}
