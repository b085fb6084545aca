package io.clair.core.scan;

import io.clair.core.index.Distribution;
import io.clair.core.index.Environment;
import io.clair.core.index.Package;
import io.clair.core.index.Repository;
import java.util.List;
import java.util.Map;

/**
 * One ecosystem's contribution to an index report, with ids local to this object. The indexer merges several of
 * these and assigns report-wide ids.
 */
public record CoalescedReport(Map<String, Package> packages, Map<String, Distribution> distributions,
        Map<String, Repository> repositories, Map<String, List<Environment>> environments) {
    public CoalescedReport {
        packages = Map.copyOf(packages);
        distributions = Map.copyOf(distributions);
        repositories = Map.copyOf(repositories);
        environments = Map.copyOf(environments);
    }

    public static CoalescedReport empty() {
        return new CoalescedReport(Map.of(), Map.of(), Map.of(), Map.of());
    }
}
