package io.clair.core.ecosystem.photon;

import io.clair.core.index.Distribution;
import io.clair.core.layer.Layer;
import io.clair.core.osrelease.OsRelease;
import io.clair.core.osrelease.ReleaseFiles;
import io.clair.core.osrelease.ReleaseNumbers;
import io.clair.core.scan.DistributionScanner;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Detects VMware Photon OS as {@link PhotonDistributions#release(String)}, normalized to {@code N.0}: from os-release
 * ({@code ID=photon}, {@code VERSION_ID="4.0"}), else from {@code etc/photon-release} ({@code VMware Photon OS 4.0},
 * {@code VMware Photon Linux 1.0}).
 */
public final class PhotonDistributionScanner implements DistributionScanner {
    private static final Pattern PHOTON_RELEASE =
            Pattern.compile("VMware Photon (?:OS|Linux)(?:/Linux)? (\\d+)\\.\\d+");

    @Override
    public String name() {
        return "photon";
    }

    @Override
    public String version() {
        return "v0.0.1";
    }

    @Override
    public List<Distribution> scan(Layer layer) throws IOException {
        Optional<OsRelease> os = ReleaseFiles.osRelease(layer);
        Optional<Integer> major = Optional.empty();
        if (os.isPresent() && PhotonDistributions.DID.equals(os.get().id())) {
            major = ReleaseNumbers.major(os.get().versionId());
        }
        if (major.isEmpty()) {
            major = ReleaseFiles.readText(layer, "etc/photon-release").flatMap(PhotonDistributionScanner::releaseOf);
        }
        return major.map(m -> PhotonDistributions.release(m + ".0")).stream().toList();
    }

    private static Optional<Integer> releaseOf(String text) {
        Matcher m = PHOTON_RELEASE.matcher(text);
        return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
    }
}
