package io.clair.core.ecosystem.wolfi;

import io.clair.core.index.Distribution;
import io.clair.core.layer.Layer;
import io.clair.core.osrelease.OsRelease;
import io.clair.core.osrelease.ReleaseFiles;
import io.clair.core.scan.DistributionScanner;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** Detects Wolfi from os-release {@code ID=wolfi} as {@link WolfiDistributions#WOLFI}. */
public final class WolfiDistributionScanner implements DistributionScanner {
    @Override
    public String name() {
        return "wolfi";
    }

    @Override
    public String version() {
        return "1";
    }

    @Override
    public List<Distribution> scan(Layer layer) throws IOException {
        Optional<OsRelease> os = ReleaseFiles.osRelease(layer);
        return os.isPresent() && WolfiDistributions.DID.equals(os.get().id()) ? List.of(WolfiDistributions.WOLFI)
                : List.of();
    }
}
