package io.clair.core.ecosystem.photon;

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
 * The updater for one Photon OS release, named {@code photon-updater-<release>} (for example
 * {@code photon-updater-4.0}), reading {@code <url>cve_data_photon<release>.json}. Created by
 * {@link PhotonUpdaterFactory}.
 */
public final class PhotonUpdater implements Updater {
    private final String release;
    private final URI uri;
    private final HttpSource source;

    PhotonUpdater(String release, URI base, HttpSource source) {
        this.release = release;
        this.uri = base.resolve("cve_data_photon" + release + ".json");
        this.source = source;
    }

    @Override
    public String name() {
        return "photon-updater-" + release;
    }

    public String release() {
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
        return new PhotonCveParser(name(), PhotonDistributions.release(release)).parse(content);
    }
}
