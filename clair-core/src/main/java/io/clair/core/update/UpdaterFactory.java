package io.clair.core.update;

import java.io.IOException;
import java.util.List;

/**
 * Creates the updaters of one set (for example one Alpine updater per release and repository). The set name is
 * what operators enable in configuration ({@code updaters.sets}). A factory may ask upstream which releases exist.
 *
 * <p>A set contributes vulnerability updaters, enrichment updaters, or both. Enrichment updaters come from the same
 * factory so that they are enabled, configured and run exactly like the rest of the set.
 */
public interface UpdaterFactory {

    /** The set name, for example {@code alpine}. */
    String name();

    /** The updaters of this set; never null. */
    List<Updater> create() throws IOException;

    /** The enrichment updaters of this set (for example {@code clair.cvss}); none unless overridden. */
    default List<EnrichmentUpdater> enrichmentUpdaters() throws IOException {
        return List.of();
    }
}
