package io.clair.core.ecosystem.ubuntu;

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
 * The updater for one Ubuntu series, named {@code ubuntu/updater/<series>} (for example {@code ubuntu/updater/jammy}),
 * reading {@code com.ubuntu.<series>.cve.oval.xml[.bz2]}. Created by {@link UbuntuUpdaterFactory}.
 */
public final class UbuntuOvalUpdater implements Updater {
    private final String series;
    private final String version;
    private final URI uri;
    private final HttpSource source;

    UbuntuOvalUpdater(String series, String version, URI uri, HttpSource source) {
        this.series = series;
        this.version = version;
        this.uri = uri;
        this.source = source;
    }

    @Override
    public String name() {
        return "ubuntu/updater/" + series;
    }

    public String series() {
        return series;
    }

    /** The release version of the series, as images report it in {@code VERSION_ID}. */
    public String version() {
        return version;
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
        return new OvalParser(name(), UbuntuDistributions.release(version, series)).parse(content);
    }
}
