package io.clair.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.clair.core.ecosystem.alpine.AlpineDistributions;
import io.clair.core.ecosystem.alpine.SecDbParser;
import io.clair.core.image.ImageResolver;
import io.clair.core.image.ResolvedImage;
import io.clair.core.index.IndexReport;
import io.clair.core.index.IndexState;
import io.clair.core.index.Indexer;
import io.clair.core.index.IndexerOptions;
import io.clair.core.layer.LayerFetcher;
import io.clair.core.layer.LayerOptions;
import io.clair.core.match.VulnerabilityMatcher;
import io.clair.core.plugin.PluginContext;
import io.clair.core.plugin.Plugins;
import io.clair.core.store.memory.InMemoryIndexerStore;
import io.clair.core.store.memory.InMemoryVulnerabilityStore;
import io.clair.core.testing.OciLayoutBuilder;
import io.clair.core.testing.TestData;
import io.clair.core.vuln.Fingerprint;
import io.clair.core.vuln.VulnerabilityReport;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a JVM application uses the core library with no framework and no database: resolve an image, index it, load
 * vulnerability data, match. The README's embedding example is this code.
 */
class EmbeddingExampleTest {
    @TempDir
    Path tmp;

    @Test
    void indexAndMatchAnImageInPlainJava() throws Exception {
        OciLayoutBuilder layout = new OciLayoutBuilder(tmp.resolve("oci"));
        layout.tag("3.6", layout.image("linux", "amd64", null,
                List.of(TestData.path("alpine/alpine-minirootfs-3.6.5-x86_64.tar.gz"))));

        // --- the example ---
        Plugins plugins = Plugins.load();
        PluginContext ctx = PluginContext.defaults();
        LayerFetcher fetcher = new LayerFetcher(ImageResolver.newHttpClient(), LayerOptions.defaults(tmp.resolve("layers")));
        InMemoryVulnerabilityStore vulns = new InMemoryVulnerabilityStore();
        try (Indexer indexer = new Indexer(new InMemoryIndexerStore(), fetcher::fetch, plugins.ecosystems(ctx),
                IndexerOptions.defaults());
             ResolvedImage image = ImageResolver.builder(ImageResolver.newHttpClient()).build()
                     .resolve("oci:" + tmp.resolve("oci") + ":3.6")) {
            IndexReport report = indexer.index(image.manifest());
            try (InputStream secdb = Files.newInputStream(TestData.path("alpine/secdb/v3.6/main.json"))) {
                vulns.recordUpdate("alpine-main-v3.6-updater", new Fingerprint("example"),
                        new SecDbParser("alpine-main-v3.6-updater", AlpineDistributions.release("v3.6")).parse(secdb),
                        null);
            }
            VulnerabilityReport vr = new VulnerabilityMatcher(vulns, plugins.matchers(ctx), null).match(report);
            // --- end of the example ---

            assertThat(report.state()).isEqualTo(IndexState.IndexFinished);
            List<String> listing = Files.readAllLines(
                    TestData.path("alpine/alpine-minirootfs-3.6.5-x86_64.apk-info-v.txt")).stream()
                    .filter(l -> !l.isBlank()).sorted().toList();
            assertThat(report.packages().values().stream().map(p -> p.name() + "-" + p.version()).sorted())
                    .containsExactlyElementsOf(listing);
            assertThat(vr.packages()).isEqualTo(report.packages());
            // the 3.6.5 packages are newer than the secdb snapshot: nothing matches (see the test data README)
            assertThat(vr.vulnerabilities()).isEmpty();
        }
    }
}
