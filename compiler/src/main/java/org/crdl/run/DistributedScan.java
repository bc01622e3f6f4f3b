package org.crdl.run;

import java.io.PrintStream;
import org.crdl.runtime.fit.PointResult;

/**
 * Model evaluations elsewhere than in this JVM's threads (the Spark backend implements it in the
 * separate {@code spark/} module): points in, one {@link PointResult} per point out, in order,
 * equal to what {@link Evaluator#evaluate} gives in process.
 */
public interface DistributedScan {

    /** An open connection (a Spark context) evaluating batches of points, e.g. the sampler's half-steps. */
    interface Session extends AutoCloseable {
        PointResult[] evaluate(double[][] points);

        @Override
        void close();
    }

    /**
     * @param request the run as data: executors compile its model text once and cache it
     * @param master  the Spark master URL: local[*], local[N] or spark://host:7077
     * @param log     where to report what runs where (null: quiet)
     */
    Session open(RunRequest request, String master, PrintStream log);

    /** One grid, one session. */
    default PointResult[] scan(RunRequest request, double[][] points, String master, PrintStream log) {
        try (Session s = open(request, master, log)) {
            if (log != null) {
                log.printf("crdl scan: %d points on Spark %s%n", points.length, master);
            }
            return s.evaluate(points);
        }
    }
}
