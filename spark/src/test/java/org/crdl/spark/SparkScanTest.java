package org.crdl.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.crdl.run.DistributedScan;
import org.crdl.run.Evaluator;
import org.crdl.run.RunRequest;
import org.crdl.runtime.fit.Axis;
import org.crdl.runtime.fit.EnsembleSampler;
import org.crdl.runtime.fit.FreeParameter;
import org.crdl.runtime.fit.GridScan;
import org.crdl.runtime.fit.PointResult;
import org.crdl.runtime.fit.ProgressMeter;
import org.junit.jupiter.api.Test;

/**
 * A D0–δ scan of the reference flat halo against B/C on Spark {@code local[2]} equals the same
 * scan in process, bit for bit (the executors compile the model text themselves), and a short
 * ensemble-sampler chain whose batches run on Spark equals the chain run on local threads.
 */
class SparkScanTest {

    @Test
    void sparkLocalScanEqualsInProcessScan() {
        Path model = Path.of(System.getProperty("crdl.root", "."), "models/reference/flat_halo.crdl");
        RunRequest request = RunRequest.of(model, null, false, Map.of(), List.of("D0", "delta"), List.of("B/C"),
                List.of());
        Evaluator local = Evaluator.compile(request);
        FreeParameter d0 = local.parameters().get(0);
        FreeParameter delta = local.parameters().get(1);
        double[][] points = GridScan.points(List.of(new Axis(d0, 0.9e28, 1.2e28, 3, true),
                new Axis(delta, 0.45, 0.52, 2, false)));
        PointResult[] inProcess = GridScan.run(local, points, 2, ProgressMeter.quiet(points.length));
        EnsembleSampler.Chain localChain = EnsembleSampler.run(local, new double[] {1.05e28, 0.49},
                new double[] {0.005, 0.01}, 4, 2, 3, 2, ProgressMeter.quiet(2));
        PointResult[] spark;
        EnsembleSampler.Chain sparkChain;
        try (DistributedScan.Session session = new SparkScan().open(request, "local[2]", null)) {
            spark = session.evaluate(points);
            sparkChain = EnsembleSampler.run(local, session::evaluate, new double[] {1.05e28, 0.49},
                    new double[] {0.005, 0.01}, 4, 2, 3, ProgressMeter.quiet(2));
        }
        assertEquals(points.length, spark.length);
        for (int k = 0; k < points.length; k++) {
            assertTrue(inProcess[k].ok(), inProcess[k].toString());
            assertArrayEquals(points[k], spark[k].values());
            assertArrayEquals(inProcess[k].chi2(), spark[k].chi2(), 0.0, "point " + k);
            assertArrayEquals(inProcess[k].points(), spark[k].points());
        }
        // the sampler draws its random numbers before a batch is evaluated: same chain wherever it runs
        for (int step = 0; step < 2; step++) {
            assertArrayEquals(localChain.chi2()[step], sparkChain.chi2()[step], 0.0, "step " + step);
        }
    }
}
