package org.crdl.runtime.transport.evolve;

import java.util.List;

/**
 * What the evolutions from several starts say about a model (hopkins2022 L397, L434; digest §3.1
 * "Stable/unstable classification"): the same steady state from every start, different attractors
 * from different starts, or no steady state.
 */
public enum Classification {
    /** every start reached a steady state and the final mid-plane e'_cr agree within {@link #AGREEMENT} */
    CONVERGED("converged"),
    /** at some rigidity the starts end on different attractors (free escape vs bottleneck …) */
    BISTABLE("bistable"),
    /** otherwise: a start is still evolving at t_max, or the steady states differ without changing attractor */
    NO_STEADY_STATE("no_steady_state");

    /** relative agreement of the final mid-plane e'_cr that counts as "the same state" */
    public static final double AGREEMENT = 1e-2;

    public final String label;

    Classification(String label) {
        this.label = label;
    }

    public static Classification of(List<Evolution> runs) {
        int nr = runs.get(0).rigiditiesGV().length;
        for (int k = 0; k < nr; k++) {
            Attractor first = runs.get(0).attractor(k);
            for (Evolution r : runs) {
                if (r.attractor(k) != first) {
                    return BISTABLE;
                }
            }
        }
        for (Evolution r : runs) {
            if (!r.steady()) {
                return NO_STEADY_STATE;
            }
        }
        double[] ref = runs.get(0).finalMidplane();
        for (Evolution r : runs) {
            double[] m = r.finalMidplane();
            for (int k = 0; k < nr; k++) {
                if (Math.abs(m[k] - ref[k]) > AGREEMENT * Math.max(m[k], ref[k])) {
                    return NO_STEADY_STATE;
                }
            }
        }
        return CONVERGED;
    }
}
