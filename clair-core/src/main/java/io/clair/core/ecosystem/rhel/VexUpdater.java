package io.clair.core.ecosystem.rhel;

import io.clair.core.update.DeltaUpdater;
import io.clair.core.update.FetchResult;
import io.clair.core.vuln.Fingerprint;
import io.clair.core.vuln.Vulnerability;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;

/**
 * The {@code rhel-vex} updater: Red Hat's CSAF VEX data, loaded in full once and then from
 * {@code changes.csv}/{@code deletions.csv} deltas (see {@link VexFetcher}), turned into records by
 * {@link VexDocumentParser}. It is a {@link DeltaUpdater}: after a delta fetch, {@link #parse(InputStream, List)}
 * needs the previous run's records; {@link #parse(InputStream)} accepts only a full load.
 */
public final class VexUpdater implements DeltaUpdater {
    public static final String NAME = "rhel-vex";

    private final URI base;
    private final VexFetcher fetcher;
    private final boolean ignoreKernel;

    VexUpdater(URI base, VexFetcher fetcher, boolean ignoreKernel) {
        this.base = base;
        this.fetcher = fetcher;
        this.ignoreKernel = ignoreKernel;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The VEX directory the data is read from. */
    public URI base() {
        return base;
    }

    @Override
    public FetchResult fetch(Fingerprint previous) throws IOException {
        return fetcher.fetch(previous);
    }

    @Override
    public List<Vulnerability> parse(InputStream content) throws IOException {
        return new VexParser(NAME, ignoreKernel).parse(content, null);
    }

    @Override
    public List<Vulnerability> parse(InputStream content, List<Vulnerability> previous) throws IOException {
        return new VexParser(NAME, ignoreKernel).parse(content, previous);
    }
}
