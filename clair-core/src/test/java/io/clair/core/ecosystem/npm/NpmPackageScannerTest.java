package io.clair.core.ecosystem.npm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clair.core.index.Package;
import io.clair.core.osrelease.RootfsFixtures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The nodejs scanner on a real npm install, against {@code npm ls --all --json} on the same tree. */
class NpmPackageScannerTest {

    /** Every {@code name version} in npm's dependency tree, below the root project. */
    static Set<String> npmLs(Path app) throws IOException {
        String json = RootfsFixtures.run(List.of(RootfsFixtures.tool("npm", "npm"), "ls", "--all", "--json",
                "--prefix", app.toString()));
        Set<String> out = new TreeSet<>();
        collect(new ObjectMapper().readTree(json).path("dependencies"), out);
        return out;
    }

    private static void collect(JsonNode deps, Set<String> out) {
        for (Iterator<Map.Entry<String, JsonNode>> it = deps.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            out.add(e.getKey() + " " + e.getValue().path("version").asText());
            collect(e.getValue().path("dependencies"), out);
        }
    }

    @Test
    void nodeModulesEqualNpmLs() throws IOException {
        Path root = NpmTree.get();
        Set<String> expected = npmLs(root.resolve(NpmTree.APP));
        assertThat(expected).as("npm ls").contains("lodash 4.17.15", "minimist 1.2.0", "express 4.17.1")
                .hasSizeGreaterThan(40);

        List<Package> found = new NpmPackageScanner().scan(RootfsFixtures.layer(root));

        Set<String> rows = found.stream().map(p -> p.name() + " " + p.version())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(rows).isEqualTo(expected);
        assertThat(found).allSatisfy(p -> {
            assertThat(p.filepath()).startsWith(NpmTree.APP + "/node_modules/").endsWith("/package.json");
            assertThat(p.packageDb()).isEqualTo("nodejs:" + p.filepath());
            assertThat(p.purl()).isEqualTo("pkg:npm/" + p.name().replaceFirst("^@", "%40") + "@" + p.version());
        });
    }

    @Test
    void privateUnversionedAndMalformedManifestsAreSkipped() throws IOException {
        Path tree = RootfsFixtures.scratch("npm-edge");
        Path lodash = NpmTree.get().resolve(NpmTree.APP + "/node_modules/lodash/package.json");
        RootfsFixtures.copy(lodash, tree, "app/node_modules/lodash/package.json");
        RootfsFixtures.write(tree, "app/node_modules/@acme/ws/package.json",
                "{\"name\":\"@acme/ws\",\"version\":\"1.0.0\",\"private\":true}");
        RootfsFixtures.write(tree, "app/node_modules/noversion/package.json", "{\"name\":\"noversion\"}");
        RootfsFixtures.write(tree, "app/node_modules/broken/package.json", "{\"name\": \"broken\", ");
        RootfsFixtures.write(tree, "app/node_modules/lodash/fp/package.json", "{\"main\":\"../fp.js\"}");

        assertThat(new NpmPackageScanner().scan(RootfsFixtures.layer(tree))).extracting(Package::name)
                .containsExactly("lodash");
    }

    @Test
    void scopedNamesBecomeThePurlNamespace() {
        assertThat(NpmPackageScanner.purl("@babel/core", "7.0.0")).isEqualTo("pkg:npm/%40babel/core@7.0.0");
    }
}
