/**
 * The Apache Spark backend of {@code crdl scan --spark}, built into {@code spark/target} with its
 * dependencies in {@code spark/target/lib} and loaded by {@link org.crdl.run.SparkBackend} only when
 * asked for; crdl.jar never contains Spark.
 */
package org.crdl.spark;
