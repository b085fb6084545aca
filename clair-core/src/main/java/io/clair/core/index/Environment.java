package io.clair.core.index;

import io.clair.core.manifest.Digest;
import java.util.List;

/**
 * Where and how a package was found in one image: the package database, the layer that introduced it, and the
 * distribution and repositories (by report id) it belongs to.
 */
public record Environment(String packageDb, Digest introducedIn, String distributionId, List<String> repositoryIds) {
    public Environment {
        packageDb = Package.nz(packageDb);
        distributionId = Package.nz(distributionId);
        repositoryIds = repositoryIds == null ? List.of() : List.copyOf(repositoryIds);
    }
}
