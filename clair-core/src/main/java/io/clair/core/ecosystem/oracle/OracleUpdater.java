package io.clair.core.ecosystem.oracle;

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
 * The updater for one year of Oracle's ELSA OVAL, named {@code oracle-<year>-updater} (for example
 * {@code oracle-2024-updater}), reading {@code <url>com.oracle.elsa-<year>.xml.bz2}. Created by
 * {@link OracleUpdaterFactory}.
 */
public final class OracleUpdater implements Updater {
    private final int year;
    private final URI uri;
    private final HttpSource source;

    OracleUpdater(int year, URI base, HttpSource source) {
        this.year = year;
        this.uri = base.resolve("com.oracle.elsa-" + year + ".xml.bz2");
        this.source = source;
    }

    @Override
    public String name() {
        return "oracle-" + year + "-updater";
    }

    public int year() {
        return year;
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
        return new ElsaParser(name()).parse(content);
    }
}
