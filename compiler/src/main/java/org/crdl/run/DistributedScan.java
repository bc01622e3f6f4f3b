package org.crdl.run;

import java.io.PrintStream;
import org.crdl.runtime.fit.PointResult;

/**
 * A scan evaluated elsewhere than in this JVM's threads (the Spark backend implements it in the
 * separate {@code spark/} module): the points of a grid in, one {@link PointResult} per point
 * out, in grid order, equal to what {@link Evaluator#evaluate} gives in process.
 */
public interface DistributedScan {

    /**
     * @param request the run as data: executors compile its model text once and cache it
     * @param points  the grid, one row of values per point
     * @param master  the Spark master URL: local[*], local[N] or spark://host:7077
     * @param log     where to report progress
     */
    PointResult[] scan(RunRequest request, double[][] points, String master, PrintStream log);
}
