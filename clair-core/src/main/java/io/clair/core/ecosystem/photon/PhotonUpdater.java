package io.clair.core.ecosystem.photon;

import io.clair.core.update.FeedUpdater;
import io.clair.core.update.HttpSource;
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
public final class PhotonUpdater extends FeedUpdater {
    private final String release;

    PhotonUpdater(String release, URI base, HttpSource source) {
        super("photon-updater-" + release, base.resolve("cve_data_photon" + release + ".json"), source);
        this.release = release;
    }

    public String release() {
        return release;
    }

    @Override
    public List<Vulnerability> parse(InputStream content) throws IOException {
        return new PhotonCveParser(name(), PhotonDistributions.release(release)).parse(content);
    }
}
