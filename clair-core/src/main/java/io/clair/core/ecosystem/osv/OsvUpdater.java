package io.clair.core.ecosystem.osv;

import io.clair.core.update.FeedUpdater;
import io.clair.core.update.HttpSource;
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
public final class OsvUpdater extends FeedUpdater {
    private final String ecosystem;
    private final Clock clock;

    OsvUpdater(String ecosystem, URI uri, HttpSource source, Clock clock) {
        super("osv/" + ecosystem.toLowerCase(Locale.ROOT), uri, source);
        this.ecosystem = ecosystem;
        this.clock = clock;
    }

    /** The ecosystem as osv.dev spells it, for example {@code PyPI}. */
    public String ecosystem() {
        return ecosystem;
    }

    @Override
    public List<Vulnerability> parse(InputStream content) throws IOException {
        return new OsvArchiveParser(name(), ecosystem, clock).parse(content);
    }
}
