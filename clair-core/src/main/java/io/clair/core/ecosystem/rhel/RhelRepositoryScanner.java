package io.clair.core.ecosystem.rhel;

import io.clair.core.index.Repository;
import io.clair.core.layer.Layer;
import io.clair.core.plugin.PluginContext;
import io.clair.core.scan.RepositoryScanner;
import io.clair.core.update.HttpSource;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the Red Hat repositories a layer's rpm packages come from and names them by CPE, as claircore's
 * {@code rhel-repository-scanner} does: the layer's content sets ({@link ContentSets}: the content manifests, else the
 * enabled yum/dnf repository ids) are looked up in Red Hat's repository-to-CPE mapping, and every CPE found becomes a
 * {@link Repository} with key {@value VexDocumentParser#REPOSITORY_KEY} and the CPE, bound by {@link RhelCpe}, as both
 * name and CPE: the values the VEX records carry. A layer without content sets, or whose sets the mapping does not
 * know, has no Red Hat repository.
 *
 * <p>The scanner gets its configuration from the plugin that builds it ({@link #RhelRepositoryScanner(PluginContext)}
 * reads {@link RepositoryScannerConfig} under the component name {@value #NAME}); by default it makes no network
 * access. A new mapping does not change this scanner's {@link #version()}: layers already scanned keep the
 * repositories found with the mapping of that time, as in claircore.
 */
public final class RhelRepositoryScanner implements RepositoryScanner {
    private static final Logger log = LoggerFactory.getLogger(RhelRepositoryScanner.class);
    public static final String NAME = "rhel-repository-scanner";

    private final RepositoryCpeMappingSource mapping;
    private final AtomicBoolean warnedUnconfigured = new AtomicBoolean();

    /** A scanner configured from {@code ctx} (configuration tree {@value #NAME}, HTTP client, clock). */
    public RhelRepositoryScanner(PluginContext ctx) {
        this(ctx.config(NAME, RepositoryScannerConfig.class), ctx);
    }

    RhelRepositoryScanner(RepositoryScannerConfig config, PluginContext ctx) {
        this.mapping = new RepositoryCpeMappingSource(config, new HttpSource(ctx, NAME), ctx.clock());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String version() {
        return "1";
    }

    @Override
    public List<Repository> scan(Layer layer) throws IOException {
        Optional<List<String>> manifests = ContentSets.fromManifests(layer);
        List<String> sets = manifests.isPresent() ? manifests.get() : ContentSets.fromYumRepos(layer);
        if (sets.isEmpty()) {
            return List.of();
        }
        if (mapping.unconfigured()) {
            if (warnedUnconfigured.compareAndSet(false, true)) {
                log.atInfo().addKeyValue("layer", layer.digest())
                        .log("no repository-to-CPE mapping configured; Red Hat content sets are not mapped to CPEs");
            }
            return List.of();
        }
        RepositoryCpeMapping m = mapping.get();
        Set<String> cpes = new LinkedHashSet<>();
        for (String set : sets) {
            cpes.addAll(m.cpes(set));
        }
        List<Repository> out = new ArrayList<>();
        for (String cpe : cpes) {
            out.add(new Repository("", cpe, VexDocumentParser.REPOSITORY_KEY, "", cpe));
        }
        log.atDebug().addKeyValue("layer", layer.digest()).addKeyValue("content_sets", sets)
                .addKeyValue("from_manifest", manifests.isPresent()).addKeyValue("cpes", cpes.size())
                .log("repositories found");
        return out;
    }
}
