package io.clair.core.ecosystem.alpine;

import io.clair.core.update.FeedUpdater;
import io.clair.core.update.HttpSource;
import io.clair.core.vuln.Vulnerability;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;

/**
 * The updater for one Alpine release and repository, named {@code alpine-<repo>-<release>-updater} (for example
 * {@code alpine-main-v3.18-updater}), reading {@code <base><release>/<repo>.json}. Created by
 * {@link AlpineUpdaterFactory}.
 */
public final class SecDbUpdater extends FeedUpdater {
    private final String release;
    private final String repo;

    SecDbUpdater(String release, String repo, URI base, HttpSource source) {
        super("alpine-" + repo + "-" + release + "-updater", base.resolve(release + "/" + repo + ".json"), source);
        this.release = release;
        this.repo = repo;
    }

    /** The release, as {@code v3.18} or {@code edge}. */
    public String release() {
        return release;
    }

    public String repo() {
        return repo;
    }

    @Override
    public List<Vulnerability> parse(InputStream content) throws IOException {
        return new SecDbParser(name(), AlpineDistributions.release(release)).parse(content);
    }
}
