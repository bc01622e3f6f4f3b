package org.crdl.runtime.fit;

import java.util.List;

/**
 * A model seen by a fit or scan: parameter values in, χ² per dataset out. Implementations are
 * thread-safe (a scan calls {@link #evaluate} from several threads) and never throw for a point
 * the model cannot solve: they return {@link PointResult#failed}.
 */
public interface Objective {

    /** The varied parameters, in the order {@link #evaluate} takes their values. */
    List<FreeParameter> parameters();

    /** One label per dataset of {@link PointResult#chi2}, e.g. {@code B/C B_C_ratio_AMS_PRL2018.txt}. */
    List<String> datasets();

    /** One label per profiled normalisation of {@link PointResult#scales}, e.g. {@code p}. */
    List<String> scales();

    /** χ² of the model at these values (cgs, one per parameter). */
    PointResult evaluate(double[] values);
}
