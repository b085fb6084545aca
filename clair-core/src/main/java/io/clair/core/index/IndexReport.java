package io.clair.core.index;

import io.clair.core.manifest.Digest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The result of indexing one manifest. Maps are keyed by report-local ids and are never null.
 * {@code environments} maps a package id to every place that package was found.
 */
public record IndexReport(
        Digest manifestHash,
        IndexState state,
        Map<String, Package> packages,
        Map<String, Distribution> distributions,
        Map<String, Repository> repositories,
        Map<String, List<Environment>> environments,
        boolean success,
        String err) {

    public IndexReport {
        Objects.requireNonNull(manifestHash, "manifestHash");
        Objects.requireNonNull(state, "state");
        packages = frozen(packages);
        distributions = frozen(distributions);
        repositories = frozen(repositories);
        Map<String, List<Environment>> envs = new LinkedHashMap<>();
        if (environments != null) {
            environments.forEach((k, v) -> envs.put(k, v == null ? List.of() : List.copyOf(v)));
        }
        environments = Collections.unmodifiableMap(envs);
        err = Package.nz(err);
    }

    private static <V> Map<String, V> frozen(Map<String, V> m) {
        return m == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }

    /** A report with no content in the given state. */
    public static IndexReport empty(Digest manifest, IndexState state) {
        return new IndexReport(manifest, state, Map.of(), Map.of(), Map.of(), Map.of(), false, "");
    }

    /** A failed report carrying Clair's {@code IndexError} state and a message. */
    public static IndexReport failed(Digest manifest, String err) {
        return new IndexReport(manifest, IndexState.IndexError, Map.of(), Map.of(), Map.of(), Map.of(), false, err);
    }

    public IndexReport withState(IndexState newState) {
        return new IndexReport(manifestHash, newState, packages, distributions, repositories, environments,
                newState == IndexState.IndexFinished || success, err);
    }

    /**
     * Every (package, distribution, repository) combination, as claircore's {@code IndexRecords()}: one record per
     * environment and repository id, or one without repository when an environment names none.
     */
    public List<IndexRecord> indexRecords() {
        List<IndexRecord> out = new ArrayList<>();
        for (Map.Entry<String, List<Environment>> e : environments.entrySet()) {
            Package pkg = packages.get(e.getKey());
            if (pkg == null) {
                continue;
            }
            for (Environment env : e.getValue()) {
                Distribution dist = distributions.get(env.distributionId());
                if (env.repositoryIds().isEmpty()) {
                    out.add(new IndexRecord(pkg, dist, null));
                    continue;
                }
                for (String repoId : env.repositoryIds()) {
                    out.add(new IndexRecord(pkg, dist, repositories.get(repoId)));
                }
            }
        }
        return out;
    }
}
