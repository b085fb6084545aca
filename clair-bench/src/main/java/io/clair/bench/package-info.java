/**
 * Benchmarks. JMH benchmarks run with {@code java -jar clair-bench/target/benchmarks.jar}; bench commands that
 * measure whole jobs against external baselines have their own {@code main} and print their figures.
 */
package io.clair.bench;
