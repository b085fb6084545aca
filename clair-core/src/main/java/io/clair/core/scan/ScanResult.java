package io.clair.core.scan;

import io.clair.core.index.Distribution;
import io.clair.core.index.Package;
import io.clair.core.index.Repository;
import io.clair.core.layer.Whiteout;
import java.util.List;

/** What one scanner found in one layer; stored and reused for every image that shares the layer. */
public record ScanResult(List<Package> packages, List<Distribution> distributions, List<Repository> repositories,
        List<Whiteout> whiteouts) {
    public ScanResult {
        packages = packages == null ? List.of() : List.copyOf(packages);
        distributions = distributions == null ? List.of() : List.copyOf(distributions);
        repositories = repositories == null ? List.of() : List.copyOf(repositories);
        whiteouts = whiteouts == null ? List.of() : List.copyOf(whiteouts);
    }

    public static final ScanResult EMPTY = new ScanResult(List.of(), List.of(), List.of(), List.of());
}
