package org.crdl.runtime.fit;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.crdl.runtime.plasma.ModelException;

/**
 * The full grid of a scan (the last axis varies fastest) evaluated on a pool of threads. Results
 * come back in grid order whatever the thread count, so a scan is reproducible exactly.
 */
public final class GridScan {
    private GridScan() {
    }

    /** Number of grid points (as a long: callers refuse grids that are too large). */
    public static long size(List<Axis> axes) {
        long n = 1;
        for (Axis a : axes) {
            n = Math.multiplyExact(n, a.n());
        }
        return n;
    }

    /** Every grid point, one row of values per point, last axis fastest. */
    public static double[][] points(List<Axis> axes) {
        int total = Math.toIntExact(size(axes));
        double[][] out = new double[total][axes.size()];
        for (int k = 0; k < total; k++) {
            int rest = k;
            for (int a = axes.size() - 1; a >= 0; a--) {
                int n = axes.get(a).n();
                out[k][a] = axes.get(a).value(rest % n);
                rest /= n;
            }
        }
        return out;
    }

    /** Evaluates every point on {@code threads} threads, reporting each finished point to {@code meter}. */
    public static PointResult[] run(Objective objective, double[][] points, int threads, ProgressMeter meter) {
        PointResult[] out = new PointResult[points.length];
        if (threads <= 1) {
            for (int k = 0; k < points.length; k++) {
                out[k] = objective.evaluate(points[k]);
                meter.step();
            }
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(null, r, "crdl-scan", 256L << 20);
            t.setDaemon(true);
            return t;
        });
        try {
            AtomicInteger next = new AtomicInteger();
            Future<?>[] workers = new Future<?>[threads];
            for (int w = 0; w < threads; w++) {
                workers[w] = pool.submit(() -> {
                    for (int k = next.getAndIncrement(); k < points.length; k = next.getAndIncrement()) {
                        out[k] = objective.evaluate(points[k]);
                        meter.step();
                    }
                });
            }
            for (Future<?> f : workers) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelException("scan interrupted");
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) {
                throw r;
            }
            throw new ModelException("scan failed: " + c, c);
        } finally {
            pool.shutdownNow();
        }
        return out;
    }

    /** The index of the point with the smallest total χ², or -1 when every point failed. */
    public static int best(PointResult[] results) {
        int best = -1;
        for (int k = 0; k < results.length; k++) {
            if (results[k].ok() && (best < 0 || results[k].total() < results[best].total())) {
                best = k;
            }
        }
        return best;
    }
}
