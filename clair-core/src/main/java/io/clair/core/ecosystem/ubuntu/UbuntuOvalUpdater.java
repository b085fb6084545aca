package io.clair.core.ecosystem.ubuntu;

import io.clair.core.update.FeedUpdater;
import io.clair.core.update.HttpSource;
import io.clair.core.vuln.Vulnerability;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;

/**
 * The updater for one Ubuntu series, named {@code ubuntu/updater/<series>} (for example {@code ubuntu/updater/jammy}),
 * reading {@code com.ubuntu.<series>.cve.oval.xml[.bz2]}. Created by {@link UbuntuUpdaterFactory}.
 */
public final class UbuntuOvalUpdater extends FeedUpdater {
    private final String series;
    private final String version;

    UbuntuOvalUpdater(String series, String version, URI uri, HttpSource source) {
        super("ubuntu/updater/" + series, uri, source);
        this.series = series;
        this.version = version;
    }

    public String series() {
        return series;
    }

    /** The release version of the series, as images report it in {@code VERSION_ID}. */
    public String version() {
        return version;
    }

    @Override
    public List<Vulnerability> parse(InputStream content) throws IOException {
        return new OvalParser(name(), UbuntuDistributions.release(version, series)).parse(content);
    }
}
