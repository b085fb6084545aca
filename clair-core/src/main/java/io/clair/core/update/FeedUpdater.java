package io.clair.core.update;

import io.clair.core.vuln.Fingerprint;
import java.io.IOException;
import java.net.URI;
import java.util.Objects;

/**
 * Base of the updaters that read one document from one URL: the fetch is a conditional GET through the set's
 * {@link HttpSource} (so an unchanged document costs one request), and a subclass only parses what came back.
 */
public abstract class FeedUpdater implements Updater {
    private final String name;
    private final URI uri;
    private final HttpSource source;

    protected FeedUpdater(String name, URI uri, HttpSource source) {
        this.name = Objects.requireNonNull(name, "name");
        this.uri = Objects.requireNonNull(uri, "uri");
        this.source = Objects.requireNonNull(source, "source");
    }

    @Override
    public final String name() {
        return name;
    }

    /** Where the document is read from. */
    public final URI uri() {
        return uri;
    }

    @Override
    public final FetchResult fetch(Fingerprint previous) throws IOException {
        return source.fetch(name, uri, previous);
    }
}
