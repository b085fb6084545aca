package io.clair.core.ecosystem.osv;

import io.clair.core.update.FetchResult;
import io.clair.core.update.HttpSource;
import io.clair.core.update.Updater;
import io.clair.core.vuln.Fingerprint;
import io.clair.core.vuln.Vulnerability;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

/**
 * The updater for one OSV ecosystem, named {@code osv/<ecosystem>} in lowercase as Clair names them ({@code osv/pypi},
 * {@code osv/go}, {@code osv/crates.io}), reading {@code <base><Ecosystem>/all.zip}. Created by
 * {@link OsvUpdaterFactory}.
 */
public final class OsvUpdater implements Updater {
    private final String ecosystem;
    private final URI uri;
    private final HttpSource source;
    private final Clock clock;

    OsvUpdater(String ecosystem, URI uri, HttpSource source, Clock clock) {
        this.ecosystem = ecosystem;
        this.uri = uri;
        this.source = source;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "osv/" + ecosystem.toLowerCase(Locale.ROOT);
    }

    /** The ecosystem as osv.dev spells it, for example {@code PyPI}. */
    public String ecosystem() {
        return ecosystem;
    }

    public URI uri() {
        return uri;
    }

    @Override
    public FetchResult fetch(Fingerprint previous) throws IOException {
        return source.fetch(name(), uri, previous);
    }

    @Override
    public List<Vulnerability> parse(InputStream content) throws IOException {
        return new OsvArchiveParser(name(), ecosystem, clock).parse(content);
    }
}
