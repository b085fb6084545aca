package io.clair.core.ecosystem.rhel;

import io.clair.core.index.Distribution;
import io.clair.core.layer.Layer;
import io.clair.core.osrelease.OsRelease;
import io.clair.core.osrelease.ReleaseFiles;
import io.clair.core.osrelease.ReleaseNumbers;
import io.clair.core.scan.DistributionScanner;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Detects RHEL and the RHEL-compatible rebuilds (CentOS, Rocky Linux, AlmaLinux), normalized to the major release
 * as {@link RhelDistributions} describes, plus Red Hat's Hummingbird images.
 *
 * <p>os-release decides when it has an {@code ID}: {@code rhel}, {@code centos}, {@code rocky}, {@code almalinux}
 * or {@code hummingbird} are reported, any other ID (Fedora, Oracle Linux, ...) is not this scanner's. Images older
 * than os-release (RHEL and CentOS 6) are read from their release file. As in claircore, a layer with
 * {@code etc/oracle-release} is left to the Oracle scanner: Oracle Linux ships an unmodified
 * {@code etc/redhat-release}.
 */
public final class RhelDistributionScanner implements DistributionScanner {
    private static final Logger LOG = LoggerFactory.getLogger(RhelDistributionScanner.class);
    private static final List<String> RELEASE_FILES = List.of("etc/redhat-release", "etc/centos-release",
            "etc/rocky-release", "etc/almalinux-release");
    /** os-release ID of each rebuild, and the name claircore-style distributions use when NAME is absent. */
    private static final Map<String, String> REBUILD_NAMES = Map.of("centos", "CentOS Linux", "rocky", "Rocky Linux",
            "almalinux", "AlmaLinux");

    @Override
    public String name() {
        return "rhel";
    }

    @Override
    public String version() {
        return "3";
    }

    @Override
    public List<Distribution> scan(Layer layer) throws IOException {
        if (layer.exists("etc/oracle-release")) {
            return List.of();
        }
        Optional<OsRelease> os = ReleaseFiles.osRelease(layer);
        if (os.isPresent() && !os.get().id().isEmpty()) {
            Optional<Distribution> d = fromOsRelease(os.get());
            if (d.isPresent() || !isFamily(os.get().id())) {
                return d.stream().toList();
            }
            LOG.atInfo().addKeyValue("layer", layer.digest()).addKeyValue("VERSION_ID", os.get().versionId())
                    .log("rhel: os-release has no major release, trying the release files");
        }
        for (String path : RELEASE_FILES) {
            Optional<Distribution> d = ReleaseFiles.readText(layer, path).flatMap(RhelReleaseLine::parse);
            if (d.isPresent()) {
                return List.of(d.get());
            }
        }
        return List.of();
    }

    private static boolean isFamily(String id) {
        return id.equals(RhelDistributions.DID) || id.equals("hummingbird") || REBUILD_NAMES.containsKey(id);
    }

    private static Optional<Distribution> fromOsRelease(OsRelease os) {
        String id = os.id();
        if (id.equals("hummingbird")) {
            return Optional.of(RhelDistributions.hummingbird(os));
        }
        Optional<Integer> major = ReleaseNumbers.major(os.versionId());
        if (id.equals(RhelDistributions.DID)) {
            return major.map(RhelDistributions::release);
        }
        String name = os.get("NAME").isEmpty() ? REBUILD_NAMES.get(id) : os.get("NAME");
        return REBUILD_NAMES.containsKey(id) ? major.map(m -> RhelDistributions.compatible(id, name, m))
                : Optional.empty();
    }
}
