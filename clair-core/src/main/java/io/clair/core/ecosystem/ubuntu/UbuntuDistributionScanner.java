package io.clair.core.ecosystem.ubuntu;

import io.clair.core.index.Distribution;
import io.clair.core.layer.Layer;
import io.clair.core.osrelease.OsRelease;
import io.clair.core.osrelease.OsReleaseParser;
import io.clair.core.osrelease.ReleaseFiles;
import io.clair.core.scan.DistributionScanner;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Detects Ubuntu as {@link UbuntuDistributions#release(String, String)} from {@code etc/lsb-release}
 * ({@code DISTRIB_ID=Ubuntu}, {@code DISTRIB_RELEASE}, {@code DISTRIB_CODENAME}), else from os-release
 * ({@code ID=ubuntu}, {@code VERSION_ID}, {@code VERSION_CODENAME}), as claircore's scanner does. Two additions:
 * an lsb-release without release or code name no longer hides a usable os-release, and os-release files older than
 * {@code VERSION_CODENAME} may name the code name in {@code UBUNTU_CODENAME}.
 */
public final class UbuntuDistributionScanner implements DistributionScanner {
    static final String LSB_RELEASE = "etc/lsb-release";

    @Override
    public String name() {
        return "ubuntu";
    }

    @Override
    public String version() {
        return "3";
    }

    @Override
    public List<Distribution> scan(Layer layer) throws IOException {
        Optional<OsRelease> lsb = ReleaseFiles.readText(layer, LSB_RELEASE).map(OsReleaseParser::parse);
        if (lsb.isPresent()) {
            Optional<Distribution> d = find(lsb.get(), "DISTRIB_ID", "DISTRIB_RELEASE", "DISTRIB_CODENAME");
            if (d.isPresent()) {
                return List.of(d.get());
            }
        }
        Optional<OsRelease> os = ReleaseFiles.osRelease(layer);
        if (os.isPresent()) {
            Optional<Distribution> d = find(os.get(), "ID", "VERSION_ID", "VERSION_CODENAME")
                    .or(() -> find(os.get(), "ID", "VERSION_ID", "UBUNTU_CODENAME"));
            return d.stream().toList();
        }
        return List.of();
    }

    private static Optional<Distribution> find(OsRelease file, String idKey, String versionKey, String nameKey) {
        String version = file.get(versionKey);
        String codename = file.get(nameKey);
        if (!file.get(idKey).equalsIgnoreCase(UbuntuDistributions.DID) || version.isEmpty() || codename.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(UbuntuDistributions.release(version, codename));
    }
}
