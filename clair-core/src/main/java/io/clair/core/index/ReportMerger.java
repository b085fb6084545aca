package io.clair.core.index;

import io.clair.core.manifest.Digest;
import io.clair.core.scan.CoalescedReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Merges the per-ecosystem reports of one manifest into one index report with report-wide ids. */
final class ReportMerger {
    private final Map<String, Package> packages = new LinkedHashMap<>();
    private final Map<String, Distribution> distributions = new LinkedHashMap<>();
    private final Map<String, Repository> repositories = new LinkedHashMap<>();
    private final Map<String, List<Environment>> environments = new LinkedHashMap<>();
    private final Map<String, String> distIdByIdentity = new LinkedHashMap<>();
    private final Map<String, String> repoIdByIdentity = new LinkedHashMap<>();
    private final Map<String, String> pkgIdByIdentity = new LinkedHashMap<>();
    private int nextId = 1;

    void add(CoalescedReport part) {
        Map<String, String> distIds = new LinkedHashMap<>();
        part.distributions().forEach((localId, d) -> distIds.put(localId, distIdByIdentity.computeIfAbsent(
                d.identityKey(), k -> {
                    String id = next();
                    distributions.put(id, d.withId(id));
                    return id;
                })));
        Map<String, String> repoIds = new LinkedHashMap<>();
        part.repositories().forEach((localId, r) -> repoIds.put(localId, repoIdByIdentity.computeIfAbsent(
                r.identityKey(), k -> {
                    String id = next();
                    repositories.put(id, r.withId(id));
                    return id;
                })));
        part.packages().forEach((localId, p) -> {
            // the purl tells ecosystems apart: an npm and a crates.io package may share a name and version
            String key = p.identityKey() + '\u0001' + p.purl() + '\u0001'
                    + (p.source() == null ? "" : p.source().identityKey());
            String id = pkgIdByIdentity.computeIfAbsent(key, k -> {
                String nid = next();
                Package src = p.source() == null ? null : p.source().withId(next());
                packages.put(nid, p.toBuilder().id(nid).source(src).build());
                return nid;
            });
            for (Environment e : part.environments().getOrDefault(localId, List.of())) {
                List<String> rids = new ArrayList<>();
                e.repositoryIds().forEach(r -> rids.add(repoIds.getOrDefault(r, r)));
                environments.computeIfAbsent(id, k -> new ArrayList<>()).add(new Environment(e.packageDb(),
                        e.introducedIn(), distIds.getOrDefault(e.distributionId(), e.distributionId()), rids));
            }
        });
    }

    private String next() {
        return Integer.toString(nextId++);
    }

    IndexReport finished(Digest manifest) {
        return new IndexReport(manifest, IndexState.IndexFinished, packages, distributions, repositories,
                environments, true, "");
    }
}
