package org.crdl.runtime.fit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Grid order, parallel = serial, failing points, the scan files, and the ensemble sampler's moments. */
class GridScanAndSamplerTest {
    private final QuadraticObjective q = new QuadraticObjective(3.0, -1.5, 0.2, 0.05, 0.6, 10);

    @Test
    void gridIsCartesianWithTheLastAxisFastestAndLogAxesGeometric() {
        FreeParameter a = new FreeParameter("a", "1", 1, 1000, true);
        FreeParameter b = new FreeParameter("b", "1", 0, 1, false);
        double[][] p = GridScan.points(List.of(new Axis(a, 1, 100, 3, true), new Axis(b, 0, 1, 2, false)));
        assertEquals(6, p.length);
        assertArrayEquals(new double[] {1, 0}, p[0]);
        assertArrayEquals(new double[] {1, 1}, p[1]);
        assertEquals(10, p[2][0], 1e-12);
        assertArrayEquals(new double[] {100, 1}, p[5]);
    }

    @Test
    void parallelScanEqualsSerialAndFailedPointsKeepTheirReason(@TempDir Path dir) throws Exception {
        Objective failing = new Objective() {
            public List<FreeParameter> parameters() {
                return q.parameters();
            }

            public List<String> datasets() {
                return q.datasets();
            }

            public List<String> scales() {
                return q.scales();
            }

            public PointResult evaluate(double[] x) {
                return x[0] > 3.2 ? PointResult.failed(x, 1, 0, "no scattering at R = 1 GV") : q.evaluate(x);
            }
        };
        List<Axis> axes = List.of(new Axis(q.parameters().get(0), 2.5, 3.5, 11, false),
                new Axis(q.parameters().get(1), -1.7, -1.3, 9, false));
        double[][] pts = GridScan.points(axes);
        PointResult[] serial = GridScan.run(failing, pts, 1, ProgressMeter.quiet(pts.length));
        PointResult[] parallel = GridScan.run(failing, pts, 3, ProgressMeter.quiet(pts.length));
        assertArrayEquals(serial, parallel);
        int best = GridScan.best(serial);
        assertArrayEquals(new double[] {3.0, -1.5}, serial[best].values(), 1e-12);
        ScanWriter.write(dir, "quadratic", axes, failing.datasets(), failing.scales(), serial);
        List<String> lines = Files.readAllLines(dir.resolve("scan.csv"));
        assertEquals(1 + 99, lines.size());
        assertEquals("a,b,chi2 quadratic,chi2_total,N,failure", lines.get(0));
        assertTrue(lines.get(lines.size() - 1).endsWith(",,,no scattering at R = 1 GV"), lines.get(lines.size() - 1));
        assertTrue(Files.size(dir.resolve("scan.png")) > 1000);
        assertTrue(Files.readString(dir.resolve("scan.json")).contains("\"failed_points\": 27"));
    }

    @Test
    void ensembleSamplerReproducesTheGaussianMoments() {
        EnsembleSampler.Chain c = EnsembleSampler.run(q, new double[] {3.0, -1.5}, new double[] {0.01, 0.01}, 32, 600,
                7, 1, ProgressMeter.quiet(600));
        double[] sum = new double[2];
        double[] sq = new double[2];
        double cross = 0;
        int n = 0;
        for (int s = 150; s < c.steps(); s++) {
            for (double[] x : c.positions()[s]) {
                sum[0] += x[0];
                sum[1] += x[1];
                sq[0] += x[0] * x[0];
                sq[1] += x[1] * x[1];
                cross += x[0] * x[1];
                n++;
            }
        }
        double m0 = sum[0] / n;
        double m1 = sum[1] / n;
        double v0 = sq[0] / n - m0 * m0;
        double v1 = sq[1] / n - m1 * m1;
        double rho = (cross / n - m0 * m1) / Math.sqrt(v0 * v1);
        // posterior exp(-χ²/2) of the quadratic: means μ, σ 0.2 and 0.05, ρ 0.6 (Monte Carlo error a few %)
        assertEquals(3.0, m0, 0.03);
        assertEquals(-1.5, m1, 0.0075);
        assertEquals(0.2, Math.sqrt(v0), 0.02);
        assertEquals(0.05, Math.sqrt(v1), 0.005);
        assertEquals(0.6, rho, 0.08);
        assertTrue(c.acceptance() > 0.2 && c.acceptance() < 0.9, "acceptance " + c.acceptance());
        assertFalse(Double.isNaN(c.chi2()[c.steps() - 1][0]));
    }
}
