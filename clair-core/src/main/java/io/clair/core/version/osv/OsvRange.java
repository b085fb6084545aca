package io.clair.core.version.osv;

import io.clair.core.version.VersionScheme;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One {@code affected[].ranges[]} entry of an OSV record, evaluated as the OSV schema specifies: the events other
 * than {@code limit} are sorted by version ({@code introduced: "0"} first) and walked in order, an {@code introduced}
 * at or below the version switching "affected" on, a {@code fixed} at or below it or a {@code last_affected} below it
 * switching it off; then, if there are {@code limit} events, the version must be below one of them.
 *
 * <p>Go's SEMVER ranges name versions without the {@code v} of Go module versions; with the {@code go} scheme the
 * {@code v} is added.
 *
 * @param type   the range type
 * @param events the events in record order
 */
public record OsvRange(Type type, List<OsvEvent> events) {

    /** OSV range types. {@code GIT} ranges name commits and cannot be evaluated against a version. */
    public enum Type {
        SEMVER, ECOSYSTEM, GIT
    }

    public OsvRange {
        events = List.copyOf(events);
    }

    /**
     * Whether {@code version} is affected, ordering with the scheme of {@code ecosystem}.
     *
     * @throws io.clair.core.version.InvalidVersionException when the version or an event version does not parse
     * @throws IllegalArgumentException for a GIT range or an unknown ecosystem
     */
    public boolean affects(String ecosystem, String version) {
        return affects(OsvEcosystems.scheme(ecosystem, type), version);
    }

    /** Whether {@code version} is affected, ordering with {@code scheme}. */
    public boolean affects(VersionScheme scheme, String version) {
        if (type == Type.GIT) {
            throw new IllegalArgumentException("osv: GIT ranges name commits, not versions");
        }
        boolean go = "go".equals(scheme.name());
        String v = go ? withV(version) : version;
        List<OsvEvent> sorted = new ArrayList<>();
        List<String> limits = new ArrayList<>();
        for (OsvEvent e : events) {
            if (e.kind() == OsvEvent.Kind.LIMIT) {
                limits.add(e.version());
            } else {
                sorted.add(e);
            }
        }
        Comparator<OsvEvent> byVersion = (a, b) -> {
            if (a.isZero() || b.isZero()) {
                return Boolean.compare(!a.isZero(), !b.isZero());
            }
            return scheme.compare(go ? withV(a.version()) : a.version(), go ? withV(b.version()) : b.version());
        };
        sorted.sort(byVersion);
        boolean affected = false;
        for (OsvEvent e : sorted) {
            String ev = go ? withV(e.version()) : e.version();
            switch (e.kind()) {
                case INTRODUCED:
                    if (e.isZero() || scheme.compare(v, ev) >= 0) {
                        affected = true;
                    }
                    break;
                case FIXED:
                    if (scheme.compare(v, ev) >= 0) {
                        affected = false;
                    }
                    break;
                case LAST_AFFECTED:
                    if (scheme.compare(v, ev) > 0) {
                        affected = false;
                    }
                    break;
                default:
                    break;
            }
        }
        if (!affected || limits.isEmpty()) {
            return affected;
        }
        for (String limit : limits) {
            if ("*".equals(limit) || scheme.compare(v, go ? withV(limit) : limit) < 0) {
                return true;
            }
        }
        return false;
    }

    private static String withV(String s) {
        return s.startsWith("v") || s.startsWith("go") ? s : "v" + s;
    }
}
