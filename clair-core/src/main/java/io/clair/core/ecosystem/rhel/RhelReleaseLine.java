package io.clair.core.ecosystem.rhel;

import io.clair.core.index.Distribution;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the one-line release files of the RHEL family ({@code etc/redhat-release}, {@code etc/centos-release},
 * {@code etc/rocky-release}, {@code etc/almalinux-release}), which are all images older than os-release have, for
 * example {@code Red Hat Enterprise Linux Server release 6.10 (Santiago)} or {@code CentOS release 6.10 (Final)}.
 */
final class RhelReleaseLine {
    /** claircore's pattern, widened to the other RHEL variants. */
    private static final Pattern RHEL = Pattern.compile("Red Hat Enterprise Linux"
            + " (?:Server|Workstation|Client|ComputeNode|Atomic Host)?\\s*(?:release)?\\s*(\\d+)");
    private static final List<Rebuild> REBUILDS = List.of(
            new Rebuild("centos", Pattern.compile("(CentOS(?: Linux| Stream)?) release (\\d+)")),
            new Rebuild("rocky", Pattern.compile("(Rocky Linux) release (\\d+)")),
            new Rebuild("almalinux", Pattern.compile("(AlmaLinux) release (\\d+)")));

    private RhelReleaseLine() {
    }

    static Optional<Distribution> parse(String text) {
        Matcher m = RHEL.matcher(text);
        if (m.find()) {
            return Optional.of(RhelDistributions.release(Integer.parseInt(m.group(1))));
        }
        for (Rebuild r : REBUILDS) {
            Matcher rm = r.pattern().matcher(text);
            if (rm.find()) {
                return Optional.of(RhelDistributions.compatible(r.did(), rm.group(1), Integer.parseInt(rm.group(2))));
            }
        }
        return Optional.empty();
    }

    private record Rebuild(String did, Pattern pattern) {
    }
}
