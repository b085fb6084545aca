package io.clair.core.ecosystem.java;

import io.clair.core.osrelease.RootfsFixtures;
import io.clair.core.testing.TestCache;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A tree of real archives from Maven Central, fetched once with Maven's dependency plugin and cached under
 * {@code ${java.io.tmpdir}/clair-testcache/lang-java}: a plain jar (log4j-core 2.14.1), a shaded fat jar embedding
 * 35 artifacts' pom.properties (jetty-runner), a jar identified only by its OSGi manifest (rxjava 3), one identified
 * only by its file name (kotlin-stdlib, built by Gradle), and a war with jars in {@code WEB-INF/lib}
 * (jolokia-war).
 */
public final class JavaTree {
    /** Maven coordinates ({@code g:a:v[:packaging]}) and the directory each archive goes to. */
    static final Map<String, String> ARTIFACTS = Map.of(
            "org.apache.logging.log4j:log4j-core:2.14.1", "opt/app/lib",
            "org.eclipse.jetty:jetty-runner:9.4.53.v20231009", "opt/app/lib",
            "io.reactivex.rxjava3:rxjava:3.1.8", "opt/app/lib",
            "org.jetbrains.kotlin:kotlin-stdlib:1.9.0", "opt/app/lib",
            "org.jolokia:jolokia-war:1.7.2:war", "opt/app/webapps");

    private JavaTree() {
    }

    public static Path get() {
        return TestCache.get("lang-java", "opt/app/webapps", building -> {
            for (Map.Entry<String, String> a : ARTIFACTS.entrySet()) {
                Path dir = Files.createDirectories(building.resolve(a.getValue()));
                RootfsFixtures.run(List.of(RootfsFixtures.tool("mvn", "maven"), "-q", "-B",
                        "org.apache.maven.plugins:maven-dependency-plugin:3.6.1:copy", "-Dartifact=" + a.getKey(),
                        "-Dtransitive=false", "-DoutputDirectory=" + dir));
            }
        });
    }

    /** A copy of one cached archive, by file name, for tests that build their own trees. */
    static Path archive(String fileName) {
        for (String dir : List.of("opt/app/lib", "opt/app/webapps")) {
            Path p = get().resolve(dir).resolve(fileName);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new IllegalStateException("java: no cached archive " + fileName);
    }
}
