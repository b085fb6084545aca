package io.clair.core.update;

import io.clair.core.vuln.Fingerprint;
import io.clair.core.vuln.UpdateKind;
import io.clair.core.vuln.Vulnerability;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * One updater of either kind as {@link UpdateManager} runs it, so that vulnerability and enrichment updaters share
 * locking, status and failure handling: fetching, and parsing into a {@link UpdateManager.Fetched} of the kind.
 */
interface UpdateJob {
    String name();

    UpdateKind kind();

    FetchResult fetch(Fingerprint previous) throws IOException;

    /**
     * @param previous the records of the run whose fingerprint {@link #fetch} got, for delta sources; null when the
     *                 fetch started from nothing
     */
    UpdateManager.Fetched parse(InputStream content, Fingerprint next, Supplier<List<Vulnerability>> previous)
            throws IOException;

    /** Every updater of the set, vulnerability updaters first. */
    static List<UpdateJob> of(UpdaterFactory f) throws IOException {
        List<UpdateJob> out = new ArrayList<>();
        for (Updater u : f.create()) {
            out.add(new Job(u.name(), UpdateKind.VULNERABILITY, u::fetch, (content, next, previous) ->
                    // a delta source builds the complete set from the records of the run whose fingerprint it got
                    new UpdateManager.Fetched(u.name(), next, UpdateKind.VULNERABILITY,
                            u instanceof DeltaUpdater delta && previous != null
                                    ? delta.parse(content, previous.get()) : u.parse(content), List.of())));
        }
        for (EnrichmentUpdater u : f.enrichmentUpdaters()) {
            out.add(new Job(u.name(), UpdateKind.ENRICHMENT, u::fetch, (content, next, previous) ->
                    new UpdateManager.Fetched(u.name(), next, UpdateKind.ENRICHMENT, List.of(),
                            u.parseEnrichments(content))));
        }
        return out;
    }

    /** How a job fetches. */
    interface Fetch {
        FetchResult fetch(Fingerprint previous) throws IOException;
    }

    /** How a job parses; see {@link UpdateJob#parse}. */
    interface Parse {
        UpdateManager.Fetched parse(InputStream content, Fingerprint next, Supplier<List<Vulnerability>> previous)
                throws IOException;
    }

    /** An updater of either kind behind the two functions that differ between the kinds. */
    record Job(String name, UpdateKind kind, Fetch fetcher, Parse parser) implements UpdateJob {
        @Override
        public FetchResult fetch(Fingerprint previous) throws IOException {
            return fetcher.fetch(previous);
        }

        @Override
        public UpdateManager.Fetched parse(InputStream content, Fingerprint next,
                Supplier<List<Vulnerability>> previous) throws IOException {
            return parser.parse(content, next, previous);
        }
    }
}
