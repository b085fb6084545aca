package io.clair.core.ecosystem.suse;

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
 * The updater for one SUSE release, named {@code suse-updater-<name>} (for example
 * {@code suse-updater-suse.linux.enterprise.server.15}), reading {@code <url><file>.xml.gz}. Created by
 * {@link SuseUpdaterFactory}.
 */
public final class SuseUpdater implements Updater {
    private final SuseRelease release;
    private final URI uri;
    private final HttpSource source;

    SuseUpdater(SuseRelease release, URI base, HttpSource source) {
        this.release = release;
        this.uri = base.resolve(release.file() + ".xml.gz");
        this.source = source;
    }

    @Override
    public String name() {
        return release.updaterName();
    }

    public SuseRelease release() {
        return release;
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
        return new SuseOvalParser(name(), release.distribution()).parse(content);
    }
}
