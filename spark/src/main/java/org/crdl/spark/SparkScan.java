package org.crdl.spark;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.crdl.run.DistributedScan;
import org.crdl.run.Evaluator;
import org.crdl.run.RunRequest;
import org.crdl.runtime.fit.PointResult;

/**
 * The Apache Spark backend of {@code crdl scan --spark} and {@code crdl fit --mcmc N --spark}: the
 * points are split into partitions, each task receives the {@link RunRequest} (model text and
 * parameters, not compiled classes), the executor JVM compiles the model once with
 * {@link Evaluator#compile} and caches it for every later task of the same request, and the χ²
 * rows come back in order.
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
    public Session open(RunRequest request, String master, PrintStream log) {
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(SparkScan.class.getClassLoader());
        SparkConf conf = new SparkConf().setAppName("crdl " + request.displayPath()).setMaster(master)
                .set("spark.ui.enabled", "false")
                .set("spark.driver.host", System.getProperty("crdl.spark.driverHost", "127.0.0.1"))
                .set("spark.executor.extraJavaOptions", "-Xss16m " + OPENS);
        String jars = System.getProperty("crdl.spark.jars");
        if (jars != null && !jars.isBlank() && !master.startsWith("local")) {
            conf.set("spark.jars", jars);
        }
        JavaSparkContext sc;
        try {
            sc = new JavaSparkContext(conf);
        } catch (RuntimeException e) {
            Thread.currentThread().setContextClassLoader(previous);
            throw e;
        }
        sc.setLogLevel("WARN");
        return new Session() {
            @Override
            public PointResult[] evaluate(double[][] points) {
                if (points.length == 0) {
                    return new PointResult[0];
                }
                List<double[]> rows = new ArrayList<>(points.length);
                for (double[] p : points) {
                    rows.add(p);
                }
                int slices = Math.max(1, Math.min(points.length, sc.defaultParallelism() * 4));
                List<PointResult> out = sc.parallelize(rows, slices).map(p -> evaluator(request).evaluate(p)).collect();
                return out.toArray(new PointResult[0]);
            }

            @Override
            public void close() {
                try {
                    sc.close();
                } finally {
                    Thread.currentThread().setContextClassLoader(previous);
                }
            }
        };
    }

    /** The executor's compiled model for a request (compiled on first use). */
    static Evaluator evaluator(RunRequest request) {
        return COMPILED.computeIfAbsent(request, Evaluator::compile);
    }
}
