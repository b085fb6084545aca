package io.clair.core.scan;

import java.util.List;
import java.util.Objects;

/**
 * Scanners that must be seen together, and the coalescer that merges their findings: for example the dpkg scanner
 * with the Debian and Ubuntu distribution scanners, so that packages are tied to their distribution.
 * Scanners are de-duplicated by name across ecosystems.
 */
public record Ecosystem(String name, List<PackageScanner> packageScanners,
        List<DistributionScanner> distributionScanners, List<RepositoryScanner> repositoryScanners,
        Coalescer coalescer) {
    public Ecosystem {
        Objects.requireNonNull(name, "name");
        packageScanners = List.copyOf(packageScanners);
        distributionScanners = List.copyOf(distributionScanners);
        repositoryScanners = List.copyOf(repositoryScanners);
        Objects.requireNonNull(coalescer, "coalescer");
    }

    /** Every scanner of this ecosystem. */
    public List<VersionedScanner> scanners() {
        List<VersionedScanner> all = new java.util.ArrayList<>(packageScanners);
        all.addAll(distributionScanners);
        all.addAll(repositoryScanners);
        return all;
    }
}
