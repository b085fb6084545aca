package io.clair.core.linux;

import static org.assertj.core.api.Assertions.assertThat;

import io.clair.core.ecosystem.gobin.GoBinaryScanner;
import io.clair.core.ecosystem.gobin.GoTree;
import io.clair.core.ecosystem.java.JavaArchiveScanner;
import io.clair.core.ecosystem.java.JavaTree;
import io.clair.core.ecosystem.npm.NpmPackageScanner;
import io.clair.core.ecosystem.npm.NpmTree;
import io.clair.core.ecosystem.python.BookwormLanguageRoot;
import io.clair.core.ecosystem.python.PythonPackageScanner;
import io.clair.core.ecosystem.ruby.RubyGemScanner;
import io.clair.core.ecosystem.rust.AuditableBinaryScanner;
import io.clair.core.ecosystem.rust.CargoLockScanner;
import io.clair.core.ecosystem.rust.RustTree;
import io.clair.core.index.Environment;
import io.clair.core.index.IndexReport;
import io.clair.core.index.IndexState;
import io.clair.core.index.Indexer;
import io.clair.core.index.IndexerOptions;
import io.clair.core.index.Package;
import io.clair.core.index.Repository;
import io.clair.core.layer.DirectoryLayer;
import io.clair.core.manifest.Digest;
import io.clair.core.manifest.LayerDescriptor;
import io.clair.core.manifest.Manifest;
import io.clair.core.osrelease.RootfsFixtures;
import io.clair.core.plugin.PluginContext;
import io.clair.core.plugin.Plugins;
import io.clair.core.scan.PackageScanner;
import io.clair.core.store.memory.InMemoryIndexerStore;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A multi-language image through the whole indexer with the installed plugins: a Debian layer with Python and Ruby
 * packages, then layers of Java archives, node_modules, Go executables and Rust inputs. Every language package is in
 * the report with its ecosystem's repository, exactly as its scanner finds it; a later layer that whites out a jar
 * and a wheel removes just those packages.
 */
class LanguageIndexTest {
    private final Map<Digest, Path> dirs = new LinkedHashMap<>();

    private LayerDescriptor layer(String name, Path dir) {
        Digest d = Digest.of("sha256", ("language-index/" + name).getBytes(StandardCharsets.UTF_8));
        dirs.put(d, dir);
        return new LayerDescriptor(d, URI.create("https://registry.example/v2/test/blobs/" + d));
    }

    private Indexer indexer() {
        return new Indexer(new InMemoryIndexerStore(), d -> new DirectoryLayer(d.hash(), dirs.get(d.hash())),
                Plugins.load().ecosystems(PluginContext.defaults()), IndexerOptions.defaults());
    }

    private static Set<String> scan(Path tree, PackageScanner... scanners) throws IOException {
        Set<String> out = new TreeSet<>();
        for (PackageScanner s : scanners) {
            s.scan(RootfsFixtures.layer(tree)).forEach(p -> out.add(p.name() + " " + p.version()));
        }
        return out;
    }

    /** The packages of the report whose environments name the repository called {@code repo}. */
    private static Set<String> inRepository(IndexReport r, String repo) {
        Set<String> ids = r.repositories().values().stream().filter(x -> x.name().equals(repo))
                .map(Repository::id).collect(Collectors.toSet());
        assertThat(ids).as("repository " + repo).hasSize(1);
        Set<String> out = new TreeSet<>();
        r.environments().forEach((pkgId, envs) -> {
            if (envs.stream().map(Environment::repositoryIds).anyMatch(rids -> rids.stream().anyMatch(ids::contains))) {
                Package p = r.packages().get(pkgId);
                out.add(p.name() + " " + p.version());
            }
        });
        return out;
    }

    @Test
    void everyLanguagePackageIsReportedWithItsRepositoryAndWhiteoutsRemoveThem() throws IOException {
        Path debian = BookwormLanguageRoot.get();
        Path java = JavaTree.get();
        Path npm = NpmTree.get();
        Path go = GoTree.get();
        Path rust = RustTree.get();
        Map<String, Set<String>> expected = new LinkedHashMap<>();
        expected.put("pypi", scan(debian, new PythonPackageScanner()));
        expected.put("rubygems", scan(debian, new RubyGemScanner()));
        expected.put("maven", scan(java, new JavaArchiveScanner()));
        expected.put("npm", scan(npm, new NpmPackageScanner()));
        expected.put("go", scan(go, new GoBinaryScanner()));
        expected.put("crates.io", scan(rust, new AuditableBinaryScanner(), new CargoLockScanner()));
        expected.forEach((repo, pkgs) -> assertThat(pkgs).as(repo).isNotEmpty());

        List<LayerDescriptor> layers = new ArrayList<>(List.of(layer("debian", debian), layer("java", java),
                layer("npm", npm), layer("go", go), layer("rust", rust)));
        Indexer indexer = indexer();
        IndexReport r = indexer.index(new Manifest(Digest.of("sha256", "all".getBytes(StandardCharsets.UTF_8)),
                layers));

        assertThat(r.state()).isEqualTo(IndexState.IndexFinished);
        expected.forEach((repo, pkgs) -> assertThat(inRepository(r, repo)).as(repo).isEqualTo(pkgs));
        assertThat(r.repositories().values()).extracting(x -> x.name() + " " + x.uri()).contains(
                "pypi https://pypi.org/simple", "maven https://repo1.maven.apache.org/maven2", "go https://pkg.go.dev/",
                "npm https://www.npmjs.com/", "rubygems https://rubygems.org/gems/", "crates.io https://crates.io/");
        // language packages belong to no distribution; dpkg's packages still do
        r.environments().forEach((id, envs) -> {
            if (r.packages().get(id).purl().startsWith("pkg:pypi/")) {
                assertThat(envs).allSatisfy(e -> assertThat(e.distributionId()).isEmpty());
            }
        });

        Path wipe = RootfsFixtures.scratch("language-index-whiteout");
        RootfsFixtures.write(wipe, "opt/app/lib/.wh.log4j-core-2.14.1.jar", "");
        RootfsFixtures.write(wipe, "opt/venv/lib/python3.11/site-packages/.wh.wheel-0.38.4.dist-info", "");
        Files.createDirectories(wipe.resolve("etc"));
        layers.add(layer("wipe", wipe));
        IndexReport after = indexer.index(new Manifest(Digest.of("sha256", "wiped".getBytes(StandardCharsets.UTF_8)),
                layers));

        Set<String> maven = new TreeSet<>(expected.get("maven"));
        assertThat(maven.remove("org.apache.logging.log4j:log4j-core 2.14.1")).isTrue();
        Set<String> pypi = new TreeSet<>(expected.get("pypi"));
        assertThat(pypi.remove("wheel 0.38.4")).isTrue();
        assertThat(inRepository(after, "maven")).isEqualTo(maven);
        assertThat(inRepository(after, "pypi")).isEqualTo(pypi);
        assertThat(inRepository(after, "npm")).isEqualTo(expected.get("npm"));
    }
}
