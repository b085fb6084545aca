package io.clair.bench;

import io.clair.core.version.VersionScheme;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Throughput of {@link VersionScheme#compare} per scheme, on pairs of real versions from the shared test data (parsing
 * both strings is part of each call, as it is for a matcher). Run: {@code java -jar clair-bench/target/benchmarks.jar
 * VersionCompare -f 1 -wi 2 -i 3 -r 1s}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class VersionCompareBenchmark {
    private static final int PAIRS = 4096;

    @Param({"dpkg", "rpm", "apk", "pep440", "semver", "maven", "go", "gem"})
    public String scheme;

    private VersionScheme compare;
    private String[] left;
    private String[] right;
    private int i;

    @Setup
    public void setup() {
        compare = VersionScheme.of(scheme);
        List<String> valid = new ArrayList<>();
        for (String v : BenchVersions.forScheme(scheme)) {
            try {
                compare.compare(v, v);
                valid.add(v);
            } catch (IllegalArgumentException e) {
                // a version this scheme rejects is not a comparison to time
            }
        }
        if (valid.size() < 2) {
            throw new IllegalStateException("bench: too few " + scheme + " versions");
        }
        Random r = new Random(42);
        left = new String[PAIRS];
        right = new String[PAIRS];
        for (int k = 0; k < PAIRS; k++) {
            left[k] = valid.get(r.nextInt(valid.size()));
            right[k] = valid.get(r.nextInt(valid.size()));
        }
    }

    @Benchmark
    public int compare() {
        i = (i + 1) & (PAIRS - 1);
        return compare.compare(left[i], right[i]);
    }
}
