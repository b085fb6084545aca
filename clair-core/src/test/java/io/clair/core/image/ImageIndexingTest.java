package io.clair.core.image;

import static org.assertj.core.api.Assertions.assertThat;

import io.clair.core.index.IndexReport;
import io.clair.core.index.IndexState;
import io.clair.core.index.Indexer;
import io.clair.core.index.IndexerOptions;
import io.clair.core.layer.LayerFetcher;
import io.clair.core.layer.LayerOptions;
import io.clair.core.plugin.PluginContext;
import io.clair.core.plugin.Plugins;
import io.clair.core.store.memory.InMemoryIndexerStore;
import io.clair.core.testing.LocalRegistry;
import io.clair.core.testing.RegistryTokenServer;
import io.clair.core.testing.TestData;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Resolved manifests are what the indexer consumes: each kind of source, fetched by the real {@link LayerFetcher}
 * (bearer token on the registry, redirect to another host, {@code file:} URIs) and indexed, yields exactly the
 * packages {@code apk info -v} lists for the Alpine minirootfs.
 */
class ImageIndexingTest {
    @TempDir
    static Path tmp;
    static RegistryTokenServer tokens;
    static LocalRegistry registry;
    static ImageFixtures.Layout layout;
    static Path archive;
    static final HttpClient HTTP = ImageResolver.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        layout = ImageFixtures.layout(tmp.resolve("layout"));
        tokens = RegistryTokenServer.start(tmp).user("alice", "wonderland");
        registry = LocalRegistry.builder().tokenAuth(tokens, "alice", "wonderland").redirectBlobs().start();
        registry.push(layout.dir(), "3.20", "test/alpine:1", LocalRegistry.Format.V2S2);
        archive = tmp.resolve("alpine.tar");
        registry.copyOut("test/alpine:1", "docker-archive:" + archive + ":test/alpine:1");
    }

    @AfterAll
    static void stop() throws IOException {
        if (registry != null) {
            registry.close();
        }
        if (tokens != null) {
            tokens.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"registry", "oci", "docker-archive"})
    void resolvedImageIndexesToTheApkInfoListing(String source) throws Exception {
        String reference = switch (source) {
            case "registry" -> registry.reference("test/alpine:1");
            case "oci" -> "oci:" + layout.dir() + ":3.20";
            default -> "docker-archive:" + archive;
        };
        ImageResolver resolver = ImageResolver.builder(HTTP).tempDir(tmp)
                .credentials(registry.host(), RegistryCredentials.basic("alice", "wonderland")).build();
        LayerFetcher fetcher = new LayerFetcher(HTTP, LayerOptions.defaults(tmp));
        Indexer indexer = new Indexer(new InMemoryIndexerStore(), fetcher::fetch,
                Plugins.load().ecosystems(PluginContext.defaults()), IndexerOptions.defaults());
        try (ResolvedImage image = resolver.resolve(reference)) {
            IndexReport report = indexer.index(image.manifest());
            assertThat(report.state()).as(report.err()).isEqualTo(IndexState.IndexFinished);
            assertThat(report.manifestHash()).isEqualTo(image.manifest().hash());
            List<String> apkInfo = Files.readAllLines(TestData.path(
                    "alpine/alpine-minirootfs-3.20.3-x86_64.apk-info-v.txt")).stream()
                    .filter(s -> !s.isBlank()).sorted().toList();
            assertThat(report.packages().values().stream().map(p -> p.name() + "-" + p.version()).sorted())
                    .containsExactlyElementsOf(apkInfo);
            assertThat(report.distributions().values()).singleElement()
                    .satisfies(d -> assertThat(d.prettyName()).isEqualTo("Alpine Linux v3.20"));
        }
        if (source.equals("registry")) {
            assertThat(registry.blobRequests()).isNotEmpty().allMatch(r -> r.endsWith("authorization=false"));
        }
    }
}
