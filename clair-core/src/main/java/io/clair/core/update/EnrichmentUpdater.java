package io.clair.core.update;

import io.clair.core.vuln.Enrichment;
import io.clair.core.vuln.Fingerprint;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Pulls one enrichment source (claircore's {@code driver.EnrichmentUpdater}), such as NVD's CVSS data, into
 * {@link Enrichment} records; the same two steps and the same promises as {@link Updater}: {@link #fetch} downloads
 * (or says unchanged), {@link #parseEnrichments} turns the download into the complete set of records, and a failure
 * at either step MUST throw so that the previous data stays in place.
 *
 * <p>Runs are recorded as update operations of kind {@code enrichment} under {@link #name()}, which is also the
 * name a {@link io.clair.core.match.Enricher} looks its records up by. Created by an {@link UpdaterFactory}
 * ({@link UpdaterFactory#enrichmentUpdaters()}).
 */
public interface EnrichmentUpdater {

    /** Stable, unique name, for example {@code clair.cvss}. */
    String name();

    /** Downloads the source unless {@code previous} shows it unchanged. */
    FetchResult fetch(Fingerprint previous) throws IOException;

    /** Parses content produced by {@link #fetch}: every record the source holds, not a delta. */
    List<Enrichment> parseEnrichments(InputStream content) throws IOException;
}
