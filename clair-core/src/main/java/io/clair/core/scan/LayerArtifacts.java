package io.clair.core.scan;

import io.clair.core.index.Distribution;
import io.clair.core.index.Package;
import io.clair.core.index.Repository;
import io.clair.core.layer.Whiteout;
import io.clair.core.manifest.Digest;
import java.util.List;
import java.util.Objects;

/**
 * What the scanners of one ecosystem found in one layer, plus the layer's whiteouts: the input of a
 * {@link Coalescer}.
 */
public record LayerArtifacts(Digest layer, List<Package> packages, List<Distribution> distributions,
        List<Repository> repositories, List<Whiteout> whiteouts) {
    public LayerArtifacts {
        Objects.requireNonNull(layer, "layer");
        packages = packages == null ? List.of() : List.copyOf(packages);
        distributions = distributions == null ? List.of() : List.copyOf(distributions);
        repositories = repositories == null ? List.of() : List.copyOf(repositories);
        whiteouts = whiteouts == null ? List.of() : List.copyOf(whiteouts);
    }
}
