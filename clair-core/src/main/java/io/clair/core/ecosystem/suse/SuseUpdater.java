package io.clair.core.ecosystem.suse;

import io.clair.core.update.FeedUpdater;
import io.clair.core.update.HttpSource;
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
public final class SuseUpdater extends FeedUpdater {
    private final SuseRelease release;

    SuseUpdater(SuseRelease release, URI base, HttpSource source) {
        super(release.updaterName(), base.resolve(release.file() + ".xml.gz"), source);
        this.release = release;
    }

    public SuseRelease release() {
        return release;
    }

    @Override
    public List<Vulnerability> parse(InputStream content) throws IOException {
        return new SuseOvalParser(name(), release.distribution()).parse(content);
    }
}
