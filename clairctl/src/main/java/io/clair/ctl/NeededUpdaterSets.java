package io.clair.ctl;

import io.clair.core.index.Distribution;
import io.clair.core.index.IndexReport;
import io.clair.core.index.Repository;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The updater sets whose data can match an image: its distribution's own feed, and OSV when it has language
 * packages. {@code report --local --update} runs only these unless updater sets are configured, so a first scan does
 * not download every feed there is.
 */
final class NeededUpdaterSets {
    private static final Map<String, String> BY_DISTRIBUTION = Map.ofEntries(
            Map.entry("alpine", "alpine"), Map.entry("debian", "debian"), Map.entry("ubuntu", "ubuntu"),
            Map.entry("rhel", "rhel-vex"), Map.entry("centos", "rhel-vex"), Map.entry("rocky", "rhel-vex"),
            Map.entry("almalinux", "rhel-vex"), Map.entry("ol", "oracle"), Map.entry("sles", "suse"),
            Map.entry("opensuse-leap", "suse"), Map.entry("photon", "photon"), Map.entry("amzn", "aws"));
    private static final Set<String> LANGUAGE_REPOSITORIES = Set.of("pypi", "maven", "go", "npm", "rubygems",
            "crates.io");

    private NeededUpdaterSets() {
    }

    static Set<String> of(IndexReport report) {
        Set<String> out = new TreeSet<>();
        for (Distribution d : report.distributions().values()) {
            String set = BY_DISTRIBUTION.get(d.did());
            if (set != null) {
                out.add(set);
            }
        }
        for (Repository r : report.repositories().values()) {
            if (LANGUAGE_REPOSITORIES.contains(r.name())) {
                out.add("osv");
            }
        }
        return out;
    }
}
