package io.clair.core.ecosystem.debian;

import io.clair.core.update.FetchResult;
import io.clair.core.update.HttpSource;
import io.clair.core.update.Updater;
import io.clair.core.vuln.Fingerprint;
import io.clair.core.vuln.Vulnerability;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;

/**
 * The single Debian updater, {@value #NAME}: all numbered releases come from one security-tracker document.
 * Created by {@link DebianUpdaterFactory}.
 */
public final class DebianTrackerUpdater implements Updater {
    public static final String NAME = "debian/updater";

    private final URI uri;
    private final HttpSource source;

    DebianTrackerUpdater(URI uri, HttpSource source) {
        this.uri = uri;
        this.source = source;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Where the tracker JSON is read from. */
    public URI uri() {
        return uri;
    }

    @Override
    public FetchResult fetch(Fingerprint previous) throws IOException {
        return source.fetch(NAME, uri, previous);
    }

    @Override
    public List<Vulnerability> parse(InputStream content) throws IOException {
        return new TrackerParser(NAME).parse(content);
    }
}
