package io.clair.core.match;

import io.clair.core.index.IndexRecord;
import io.clair.core.index.PackageKind;
import io.clair.core.manifest.Digest;
import io.clair.core.store.IndexerStore;
import io.clair.core.vuln.Vulnerability;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The reverse lookup the notifier needs: which indexed manifests do these vulnerabilities affect? Candidates come
 * from the indexer's manifest index by package name; each is then decided by the matchers exactly as forward
 * matching would decide it.
 */
public final class AffectedManifests {
    private final IndexerStore store;
    private final List<Matcher> matchers;

    public AffectedManifests(IndexerStore store, List<Matcher> matchers) {
        this.store = store;
        this.matchers = List.copyOf(matchers);
    }

    /** Manifest digest to the vulnerabilities affecting it, most severe first. */
    public Map<Digest, List<Vulnerability>> affected(List<Vulnerability> vulns) {
        Set<String> names = new LinkedHashSet<>();
        vulns.forEach(v -> {
            if (v.pkg() != null && !v.notVulnerable()) {
                names.add(v.pkg().name());
            }
        });
        Map<String, List<IndexerStore.ManifestRecord>> byName = new LinkedHashMap<>();
        for (IndexerStore.ManifestRecord mr : store.recordsByPackageName(names)) {
            byName.computeIfAbsent(mr.record().pkg().name(), k -> new ArrayList<>()).add(mr);
            if (mr.record().pkg().source() != null) {
                byName.computeIfAbsent("source:" + mr.record().pkg().source().name(), k -> new ArrayList<>()).add(mr);
            }
        }
        Map<Digest, Set<Vulnerability>> out = new LinkedHashMap<>();
        for (Vulnerability v : vulns) {
            if (v.pkg() == null || v.notVulnerable()) {
                continue;
            }
            String key = v.pkg().kind() == PackageKind.SOURCE ? "source:" + v.pkg().name() : v.pkg().name();
            for (IndexerStore.ManifestRecord mr : byName.getOrDefault(key, List.of())) {
                if (affects(mr.record(), v)) {
                    out.computeIfAbsent(mr.manifest(), k -> new LinkedHashSet<>()).add(v);
                }
            }
        }
        Map<Digest, List<Vulnerability>> sorted = new LinkedHashMap<>();
        out.forEach((d, set) -> sorted.put(d, set.stream()
                .sorted(Comparator.comparing(Vulnerability::normalizedSeverity).reversed()
                        .thenComparing(Vulnerability::name)).toList()));
        return sorted;
    }

    private boolean affects(IndexRecord r, Vulnerability v) {
        for (Matcher m : matchers) {
            if (!m.accepts(r)) {
                continue;
            }
            boolean needFixed = m.constraints().contains(MatchConstraint.HAS_FIXED_IN_VERSION);
            if (!Constraints.satisfied(v, Constraints.values(m.constraints(), r), needFixed)) {
                continue;
            }
            try {
                if (m instanceof VersionFilter f && f.versionAuthoritative() && v.pkg().kind() == PackageKind.BINARY) {
                    if (r.pkg().normalizedVersion() != null && v.range() != null
                            && v.range().contains(r.pkg().normalizedVersion())) {
                        return true;
                    }
                } else if (m.isVulnerable(r, v)) {
                    return true;
                }
            } catch (IllegalArgumentException e) {
                // undecidable here as in forward matching; the forward report logs and counts it
            }
        }
        return false;
    }
}
