package io.clair.ctl.scan;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.clair.api.mapping.V4Mapper;
import io.clair.api.v4.VulnerabilityReportDto;
import io.clair.ctl.CtlException;
import io.clair.ctl.report.ImageReport;
import io.clair.core.image.ImageResolver;
import io.clair.core.image.ResolvedImage;
import io.clair.core.index.IndexReport;
import io.clair.core.index.IndexState;
import io.clair.core.index.Indexer;
import io.clair.core.index.IndexerOptions;
import io.clair.core.layer.LayerFetcher;
import io.clair.core.layer.LayerListener;
import io.clair.core.layer.LayerOptions;
import io.clair.core.match.VulnerabilityMatcher;
import io.clair.core.plugin.PluginContext;
import io.clair.core.plugin.Plugins;
import io.clair.core.store.VulnerabilityStore;
import io.clair.core.store.jdbc.JdbcIndexerStore;
import io.clair.core.vuln.VulnerabilityReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Scans in-process, as the all-in-one server would: the installed plugins' scanners index the image (layers
 * fetched straight from the registry or read from the local layout or archive), and their matchers match it
 * against the vulnerability data already in {@code vulnerabilities}. Index results are kept in the database, so
 * a second scan of an image sharing layers fetches only the new ones.
 */
public final class LocalScanner implements ImageScanner {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String NO_DATA = "the database holds no vulnerability data, so no vulnerabilities can be"
            + " listed: import a bundle (--bundle FILE|URL, made by export-updaters) or run the updaters (--update)";

    private final ImageResolver resolver;
    private final StageListener progress;
    private final Indexer indexer;
    private final VulnerabilityMatcher matcher;
    private final VulnerabilityStore vulnerabilities;
    private final java.util.function.Consumer<IndexReport> beforeMatch;

    public LocalScanner(javax.sql.DataSource dataSource, VulnerabilityStore vulnerabilities, ImageResolver resolver,
                        PluginContext ctx, Path tempDir, StageListener progress, LayerListener layers) {
        this(dataSource, vulnerabilities, resolver, ctx, tempDir, progress, layers, r -> { });
    }

    /** @param beforeMatch runs between indexing and matching, e.g. to fetch the data the image needs */
    public LocalScanner(javax.sql.DataSource dataSource, VulnerabilityStore vulnerabilities, ImageResolver resolver,
                        PluginContext ctx, Path tempDir, StageListener progress, LayerListener layers,
                        java.util.function.Consumer<IndexReport> beforeMatch) {
        this.beforeMatch = beforeMatch;
        this.resolver = resolver;
        this.progress = progress;
        this.vulnerabilities = vulnerabilities;
        Plugins plugins = Plugins.load(LocalScanner.class.getClassLoader());
        LayerFetcher fetcher = new LayerFetcher(ImageResolver.newHttpClient(), LayerOptions.defaults(tempDir), layers);
        this.indexer = new Indexer(new JdbcIndexerStore(dataSource), fetcher::fetch, plugins.ecosystems(ctx),
                IndexerOptions.defaults());
        this.matcher = new VulnerabilityMatcher(vulnerabilities, plugins.matchers(ctx), null);
    }

    @Override
    public ImageReport scan(String reference) throws IOException {
        progress.stage("resolving " + reference);
        try (ResolvedImage image = resolver.resolve(reference)) {
            int layers = image.manifest().layers().size();
            progress.stage("indexing " + image.reference() + " (" + layers + " layer" + (layers == 1 ? "" : "s")
                    + ")");
            IndexReport index = indexer.index(image.manifest());
            if (index.state() != IndexState.IndexFinished) {
                throw new CtlException("indexing " + image.reference() + " failed: " + index.err());
            }
            beforeMatch.accept(index);
            progress.stage("matching " + index.packages().size() + " packages");
            VulnerabilityReport report = matcher.match(index);
            VulnerabilityReportDto dto = V4Mapper.vulnerabilityReport(report);
            // the bytes the matcher service would send for this report: its resources serialize the same record
            String json = JSON.writeValueAsString(dto);
            Map<String, String> purls = new HashMap<>();
            report.packages().forEach((id, p) -> {
                if (!p.purl().isEmpty()) {
                    purls.put(id, p.purl());
                }
            });
            return new ImageReport(image.reference(), dto, json, vulnerabilities.initialized() ? null : NO_DATA,
                    purls);
        }
    }

    @Override
    public void close() {
        indexer.close();
    }
}
