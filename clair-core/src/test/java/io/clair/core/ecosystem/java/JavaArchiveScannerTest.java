package io.clair.core.ecosystem.java;

import static org.assertj.core.api.Assertions.assertThat;

import io.clair.core.index.Package;
import io.clair.core.osrelease.RootfsFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The java scanner on real Maven Central archives (see {@link JavaTree}), each archive's packages against what
 * {@code unzip} reads from its pom.properties files, manifest and nested archives.
 */
class JavaArchiveScannerTest {

    @Test
    void eachArchiveReportsWhatUnzipReadsFromIt() throws IOException {
        Path root = JavaTree.get();
        Map<String, Set<String>> expected = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                expected.put(root.relativize(f).toString(), UnzipOracle.declared(f));
            }
        }
        assertThat(expected).hasSize(JavaTree.ARTIFACTS.size());
        assertThat(expected.get("opt/app/lib/jetty-runner-9.4.53.v20231009.jar")).as("shaded jar").hasSize(35)
                .contains("org.eclipse.jetty:jetty-server 9.4.53.v20231009");
        assertThat(expected.get("opt/app/webapps/jolokia-war-1.7.2.war")).as("war").containsExactlyInAnyOrder(
                "org.jolokia:jolokia-war 1.7.2", "org.jolokia:jolokia-core 1.7.2", "org.jolokia:jolokia-jsr160 1.7.2",
                "com.googlecode.json-simple:json-simple 1.1.1");

        List<Package> found = new JavaArchiveScanner().scan(RootfsFixtures.layer(root));

        Map<String, Set<String>> byFile = found.stream().collect(Collectors.groupingBy(Package::filepath, TreeMap::new,
                Collectors.mapping(p -> p.name() + " " + p.version(), Collectors.toCollection(TreeSet::new))));
        assertThat(byFile).isEqualTo(expected);
        assertThat(found).allSatisfy(p -> assertThat(p.packageDb()).isEqualTo("maven:" + p.filepath()));
        assertThat(found).filteredOn(p -> p.name().equals("org.apache.logging.log4j:log4j-core")).singleElement()
                .satisfies(p -> assertThat(p.purl()).isEqualTo("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1"));
        assertThat(found).filteredOn(p -> p.name().contains(":")).allSatisfy(p -> assertThat(p.purl())
                .isEqualTo("pkg:maven/" + p.name().replace(':', '/') + "@" + p.version()));
    }

    @Test
    void manifestAttributesNameArchivesWithoutPomProperties() {
        JarManifest mf = JarManifest.parse("Manifest-Version: 1.0\r\nBundle-SymbolicName: org.example.very.long.s\r\n"
                + " ymbolic.name;singleton:=true\r\nBundle-Version: 2.0.1\r\n\r\nName: org/example/\r\n"
                + "Implementation-Version: 9\r\n");
        assertThat(mf.artifact("m")).hasValueSatisfying(a -> {
            assertThat(a.name()).isEqualTo("org.example.very.long.symbolic.name");
            assertThat(a.version()).isEqualTo("2.0.1");
        });
        assertThat(JarManifest.parse("Manifest-Version: 1.0\nName: martian\nBundle-SymbolicName: x\n"
                + "Bundle-Version: 1\n").artifact("m")).isEmpty();
        assertThat(JarManifest.parse("Implementation-Title: t\nImplementation-Version: 1\n").artifact("m")).isEmpty();
        assertThat(JarArtifact.fromFileName("jetty-runner-9.4.53.v20231009.jar")).hasValueSatisfying(a ->
                assertThat(a.name() + " " + a.version()).isEqualTo("jetty-runner 9.4.53.v20231009"));
    }
}
