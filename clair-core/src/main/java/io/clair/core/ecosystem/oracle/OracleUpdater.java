package io.clair.core.ecosystem.oracle;

import io.clair.core.update.FeedUpdater;
import io.clair.core.update.HttpSource;
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
public final class OracleUpdater extends FeedUpdater {
    private final int year;

    OracleUpdater(int year, URI base, HttpSource source) {
        super("oracle-" + year + "-updater", base.resolve("com.oracle.elsa-" + year + ".xml.bz2"), source);
        this.year = year;
    }

    public int year() {
        return year;
    }

    @Override
    public List<Vulnerability> parse(InputStream content) throws IOException {
        return new ElsaParser(name()).parse(content);
    }
}
