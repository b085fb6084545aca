package io.clair.core.notify;

import io.clair.core.manifest.Digest;
import io.clair.core.vuln.Vulnerability;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Turns affected-manifest answers into notification entries. In summary mode (Clair's default) each manifest gets
 * one entry per reason, carrying its most severe vulnerability, because receivers such as Quay filter by a severity
 * threshold and only need the worst; otherwise each (manifest, reason, vulnerability) gets its own entry. Answers
 * may arrive in several chunks: the worst is taken over all of them.
 */
final class NotificationBuilder {
    /**
     * Most severe first; equal severities are ordered by name and fixed version, so that the summary does not
     * depend on the order in which chunks or records arrived.
     */
    static final Comparator<Vulnerability> WORST_FIRST = Comparator
            .comparing(Vulnerability::normalizedSeverity).reversed()
            .thenComparing(Vulnerability::name)
            .thenComparing(Vulnerability::fixedInVersion);

    private record Key(Digest manifest, Reason reason) {
    }

    private final boolean summary;
    private final Map<Key, Vulnerability> worst = new LinkedHashMap<>();
    private final Map<Key, Set<Vulnerability>> every = new LinkedHashMap<>();

    NotificationBuilder(boolean summary) {
        this.summary = summary;
    }

    void add(Reason reason, Map<Digest, List<Vulnerability>> affected) {
        affected.forEach((manifest, vulns) -> {
            Key k = new Key(manifest, reason);
            for (Vulnerability v : vulns) {
                if (summary) {
                    worst.merge(k, v, (a, b) -> WORST_FIRST.compare(a, b) <= 0 ? a : b);
                } else {
                    every.computeIfAbsent(k, x -> new LinkedHashSet<>()).add(v);
                }
            }
        });
    }

    List<Notification> build() {
        List<Notification> out = new ArrayList<>();
        if (summary) {
            worst.forEach((k, v) -> out.add(entry(k, v)));
        } else {
            every.forEach((k, vs) -> vs.stream().sorted(WORST_FIRST).forEach(v -> out.add(entry(k, v))));
        }
        return out;
    }

    private static Notification entry(Key k, Vulnerability v) {
        return new Notification(UUID.randomUUID(), k.manifest(), k.reason(), VulnSummary.of(v));
    }
}
