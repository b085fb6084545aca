package io.clair.core.ecosystem.alpine;

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
 * The updater for one Alpine release and repository, named {@code alpine-<repo>-<release>-updater} (for example
 * {@code alpine-main-v3.18-updater}), reading {@code <base><release>/<repo>.json}. Created by
 * {@link AlpineUpdaterFactory}.
 */
public final class SecDbUpdater implements Updater {
    private final String release;
    private final String repo;
    private final URI uri;
    private final HttpSource source;

    SecDbUpdater(String release, String repo, URI base, HttpSource source) {
        this.release = release;
        this.repo = repo;
        this.uri = base.resolve(release + "/" + repo + ".json");
        this.source = source;
    }

    @Override
    public String name() {
        return "alpine-" + repo + "-" + release + "-updater";
    }

    /** The release, as {@code v3.18} or {@code edge}. */
    public String release() {
        return release;
    }

    public String repo() {
        return repo;
    }

    /** Where the secdb document is read from. */
    public URI uri() {
        return uri;
    }

    @Override
    public FetchResult fetch(Fingerprint previous) throws IOException {
        return source.fetch(name(), uri, previous);
    }

    @Override
    public List<Vulnerability> parse(InputStream content) throws IOException {
        return new SecDbParser(name(), AlpineDistributions.release(release)).parse(content);
    }
}
