package org.crdl.spark;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.crdl.run.DistributedScan;
import org.crdl.run.Evaluator;
import org.crdl.run.RunRequest;
import org.crdl.runtime.fit.PointResult;

/**
 * The Apache Spark backend of {@code crdl scan --spark}: the grid is split into partitions, each
 * task receives the {@link RunRequest} (model text and parameters, not compiled classes), the
 * executor JVM compiles the model once with {@link Evaluator#compile} and caches it for every later
 * task of the same request, and the χ² rows come back in grid order.
 */
public final class SparkScan implements DistributedScan {

    /** The module openings Spark 3.5 needs on Java 17 (executor JVMs of a cluster get them too). */
    static final String OPENS = String.join(" ", java.util.stream.Stream.of("java.lang", "java.lang.invoke",
            "java.lang.reflect", "java.io", "java.net", "java.nio", "java.util", "java.util.concurrent",
            "java.util.concurrent.atomic", "sun.nio.ch", "sun.nio.cs", "sun.security.action", "sun.util.calendar")
            .map(p -> "--add-opens=java.base/" + p + "=ALL-UNNAMED").toList());

    /** Executor-side cache: one compiled model per request (model text + settings) and JVM. */
    private static final Map<RunRequest, Evaluator> COMPILED = new ConcurrentHashMap<>();

    @Override
    public PointResult[] scan(RunRequest request, double[][] points, String master, PrintStream log) {
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(SparkScan.class.getClassLoader());
        SparkConf conf = new SparkConf().setAppName("crdl scan " + request.displayPath()).setMaster(master)
                .set("spark.ui.enabled", "false")
                .set("spark.driver.host", System.getProperty("crdl.spark.driverHost", "127.0.0.1"))
                .set("spark.executor.extraJavaOptions", "-Xss16m " + OPENS);
        String jars = System.getProperty("crdl.spark.jars");
        if (jars != null && !jars.isBlank() && !master.startsWith("local")) {
            conf.set("spark.jars", jars);
        }
        try (JavaSparkContext sc = new JavaSparkContext(conf)) {
            sc.setLogLevel("WARN");
            List<double[]> rows = new ArrayList<>(points.length);
            for (double[] p : points) {
                rows.add(p);
            }
            int slices = Math.max(1, Math.min(points.length, sc.defaultParallelism() * 4));
            if (log != null) {
                log.printf("crdl scan: %d points on Spark %s in %d partitions%n", points.length, master, slices);
            }
            JavaRDD<double[]> grid = sc.parallelize(rows, slices);
            List<PointResult> out = grid.map(p -> evaluator(request).evaluate(p)).collect();
            return out.toArray(new PointResult[0]);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    /** The executor's compiled model for a request (compiled on first use). */
    static Evaluator evaluator(RunRequest request) {
        return COMPILED.computeIfAbsent(request, Evaluator::compile);
    }
}
