package io.clair.core.plugin;

import io.clair.core.match.Enricher;
import io.clair.core.match.Matcher;
import io.clair.core.scan.Ecosystem;
import io.clair.core.update.UpdaterFactory;
import java.util.List;

/**
 * One ecosystem's contribution, discovered with {@link java.util.ServiceLoader} from
 * {@code META-INF/services/io.clair.core.plugin.ClairPlugin}. Each service takes only what it needs: the indexer
 * takes ecosystems, the matcher takes matchers and enrichers, the updater takes updater factories.
 *
 * <p>Implementations MUST have a public no-argument constructor, hold no mutable state, and build their components
 * only from the given {@link PluginContext}. Names of scanners, matchers, enrichers and updater sets must be unique
 * across plugins; {@link Plugins} rejects a clash naming both plugins.
 */
public interface ClairPlugin {

    /** Stable name of the plugin, for example {@code alpine}. */
    String name();

    default List<Ecosystem> ecosystems(PluginContext ctx) {
        return List.of();
    }

    default List<Matcher> matchers(PluginContext ctx) {
        return List.of();
    }

    default List<UpdaterFactory> updaterFactories(PluginContext ctx) {
        return List.of();
    }

    /** Enrichers that add data to vulnerability reports; their records come from this plugin's updater sets. */
    default List<Enricher> enrichers(PluginContext ctx) {
        return List.of();
    }
}
