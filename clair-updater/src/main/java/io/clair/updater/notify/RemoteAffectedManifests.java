package io.clair.updater.notify;

import io.clair.api.client.ClairClient;
import io.clair.api.mapping.V4Mapper;
import io.clair.api.v4.AffectedManifestsDto;
import io.clair.api.v4.VulnerabilityDto;
import io.clair.core.manifest.Digest;
import io.clair.core.vuln.Vulnerability;
import io.clair.service.roles.AffectedManifestSource;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Asks an indexer's internal {@code POST /indexer/api/v1/internal/affected_manifest/} which manifests are affected.
 * Each vulnerability is sent under its position in the request as id, so that the answer maps back to the very
 * records asked about, whatever ids (or none) they had.
 */
public final class RemoteAffectedManifests implements AffectedManifestSource {
    private final ClairClient indexer;

    /** @param indexer a client of the indexer; null when none is configured, which leaves the notifier idle */
    public RemoteAffectedManifests(ClairClient indexer) {
        this.indexer = indexer;
    }

    @Override
    public boolean available() {
        return indexer != null;
    }

    @Override
    public Map<Digest, List<Vulnerability>> affected(List<Vulnerability> vulnerabilities) throws IOException {
        if (indexer == null) {
            throw new IOException("notifier: no indexer to ask for affected manifests: set clair.notifier.indexer-url");
        }
        List<VulnerabilityDto> request = new ArrayList<>();
        for (int i = 0; i < vulnerabilities.size(); i++) {
            Vulnerability v = vulnerabilities.get(i);
            // "not affected" statements affect nothing, and the wire format has no field to say what they are
            if (!v.notVulnerable()) {
                request.add(V4Mapper.vulnerability(v.withId(Integer.toString(i))));
            }
        }
        if (request.isEmpty()) {
            return Map.of();
        }
        AffectedManifestsDto answer = indexer.affectedManifests(request);
        Map<Digest, List<Vulnerability>> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : answer.vulnerableManifests().entrySet()) {
            List<Vulnerability> vs = new ArrayList<>();
            for (String id : e.getValue()) {
                vs.add(vulnerabilities.get(index(id, vulnerabilities.size())));
            }
            out.put(Digest.parse(e.getKey()), vs);
        }
        return out;
    }

    private static int index(String id, int size) throws IOException {
        try {
            int i = Integer.parseInt(id);
            if (i >= 0 && i < size) {
                return i;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IOException("notifier: indexer answered with vulnerability id \"" + id + "\" it was not asked about");
    }
}
