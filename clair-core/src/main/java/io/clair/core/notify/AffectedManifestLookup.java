package io.clair.core.notify;

import io.clair.core.manifest.Digest;
import io.clair.core.vuln.Vulnerability;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Which indexed manifests some vulnerabilities affect: {@link io.clair.core.match.AffectedManifests} when the
 * indexer's store is at hand, the indexer's internal {@code affected_manifest} API otherwise.
 */
@FunctionalInterface
public interface AffectedManifestLookup {
    /**
     * Manifest digest to the given vulnerabilities that affect it (the same instances that were passed in), most
     * severe first; manifests affected by none are absent.
     */
    Map<Digest, List<Vulnerability>> affected(List<Vulnerability> vulnerabilities) throws IOException;
}
