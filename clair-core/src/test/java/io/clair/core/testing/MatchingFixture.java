package io.clair.core.testing;

import io.clair.core.index.IndexReport;
import io.clair.core.index.Indexer;
import io.clair.core.index.IndexerOptions;
import io.clair.core.layer.DirectoryLayer;
import io.clair.core.manifest.Digest;
import io.clair.core.manifest.LayerDescriptor;
import io.clair.core.manifest.Manifest;
import io.clair.core.match.VulnerabilityMatcher;
import io.clair.core.plugin.PluginContext;
import io.clair.core.plugin.Plugins;
import io.clair.core.store.IndexerStore;
import io.clair.core.store.VulnerabilityStore;
import io.clair.core.store.jdbc.JdbcIndexerStore;
import io.clair.core.store.jdbc.JdbcVulnerabilityStore;
import io.clair.core.store.jdbc.Migrations;
import io.clair.core.store.memory.InMemoryIndexerStore;
import io.clair.core.store.memory.InMemoryVulnerabilityStore;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * An indexer and a matcher (with its enrichers) wired with every installed plugin over one kind of store ({@code memory} or
 * {@code postgres}), indexing directory trees as single-layer images.
 */
public record MatchingFixture(IndexerStore index, VulnerabilityStore vulns, Indexer indexer,
        VulnerabilityMatcher matcher, Map<Digest, Path> dirs) {

    public static MatchingFixture create(String kind) {
        IndexerStore is;
        VulnerabilityStore vs;
        if (kind.equals("memory")) {
            is = new InMemoryIndexerStore();
            vs = new InMemoryVulnerabilityStore();
        } else {
            DataSource ds = TestDatabase.createDataSource();
            Migrations.migrate(ds, "indexer");
            Migrations.migrate(ds, "vulnstore");
            is = new JdbcIndexerStore(ds);
            vs = new JdbcVulnerabilityStore(ds);
        }
        Map<Digest, Path> dirs = new ConcurrentHashMap<>();
        Plugins plugins = Plugins.load();
        PluginContext ctx = PluginContext.defaults();
        Indexer indexer = new Indexer(is, d -> new DirectoryLayer(d.hash(), dirs.get(d.hash())),
                plugins.ecosystems(ctx), IndexerOptions.defaults());
        return new MatchingFixture(is, vs, indexer, new VulnerabilityMatcher(vs, plugins.matchers(ctx),
                plugins.enrichers(ctx), null), dirs);
    }

    /** Indexes {@code dir} as a one-layer image named {@code name}. */
    public IndexReport indexDirectory(String name, Path dir) {
        Digest layer = Digest.of("sha256", ("layer:" + name).getBytes(StandardCharsets.UTF_8));
        dirs.put(layer, dir);
        Manifest m = new Manifest(Digest.of("sha256", ("manifest:" + name).getBytes(StandardCharsets.UTF_8)),
                List.of(new LayerDescriptor(layer, URI.create("file:///" + name))));
        return indexer.index(m);
    }
}
