package io.clair.core.version.maven;

import io.clair.core.version.Differential;
import io.clair.core.version.VectorFile;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.maven.artifact.versioning.DefaultArtifactVersion;
import org.apache.maven.artifact.versioning.InvalidVersionSpecificationException;
import org.apache.maven.artifact.versioning.VersionRange;
import org.junit.jupiter.api.Test;

/**
 * Differential test of {@link MavenVersionRange} against Maven's own {@code VersionRange} (maven-artifact 4.0.0-rc-4).
 * Version comparison itself needs no oracle run: the {@code maven} scheme is {@code ComparableVersion}, the library.
 * Ranges and versions come from the Maven vectors; parse errors must agree too.
 */
class MavenRangeOracleTest {
    static final long SEED = 20261131L;
    static final int CHECKS = 12_000;

    @Test
    void agreesWithMavenVersionRange() {
        List<String> pool = new ArrayList<>(pool());
        Random random = new Random(SEED);
        String[] shapes = {"[%s,%s)", "[%s,%s]", "(%s,%s)", "(%s,%s]", "(,%s]", "(,%s)", "[%s,)", "(%s,)", "[%s]",
            "%s", "(,%s],[%s,)", "(,%s),(%s,)", "[%s,%s),[%s,%s)", "[%s", "(%s)", "[%s,%s]]", " [%s , %s) "};
        Differential d = new Differential("maven range", SEED);
        for (int i = 0; i < CHECKS; i++) {
            String shape = shapes[random.nextInt(shapes.length)];
            Object[] args = new Object[4];
            for (int k = 0; k < 4; k++) {
                args[k] = pool.get(random.nextInt(pool.size()));
            }
            String spec = String.format(shape, args);
            String version = pool.get(random.nextInt(pool.size()));
            d.check(spec, version, ours(spec, version), theirs(spec, version));
        }
        d.assertAgreement(10_000);
    }

    private static String ours(String spec, String version) {
        MavenVersionRange r;
        try {
            r = MavenVersionRange.parse(spec);
        } catch (IllegalArgumentException e) {
            return "invalid";
        }
        return r.contains(version) ? "in" : "out";
    }

    private static String theirs(String spec, String version) {
        VersionRange r;
        try {
            r = VersionRange.createFromVersionSpec(spec);
        } catch (InvalidVersionSpecificationException e) {
            return "invalid";
        }
        return r.containsVersion(new DefaultArtifactVersion(version)) ? "in" : "out";
    }

    private static Set<String> pool() {
        Set<String> out = new LinkedHashSet<>();
        for (VectorFile.Line l : VectorFile.lines("versions/maven/cases.tsv")) {
            String[] f = l.text().split("\t");
            for (String v : new String[] {f[0], f[2]}) {
                // non-ASCII digits (a Maven 4 vector) make Maven's own DefaultArtifactVersion throw
                // NumberFormatException inside createFromVersionSpec: no answer to compare with
                if (!v.isBlank() && v.chars().allMatch(c -> c < 128)
                        && v.chars().noneMatch(c -> c == ',' || c == '[' || c == ']' || c == '(' || c == ')')) {
                    out.add(v);
                }
            }
        }
        return out;
    }
}
