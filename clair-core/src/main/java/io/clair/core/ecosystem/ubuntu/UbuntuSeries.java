package io.clair.core.ecosystem.ubuntu;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Ubuntu series code names and their version numbers, for the OVAL updater, which names feeds by series
 * ({@code com.ubuntu.jammy.cve.oval.xml}) while images name releases by {@code VERSION_ID}.
 */
public final class UbuntuSeries {

    /** Every series since 14.04 for which Canonical has published CVE OVAL. */
    private static final Map<String, String> VERSION_BY_SERIES = Map.ofEntries(
            Map.entry("trusty", "14.04"), Map.entry("xenial", "16.04"), Map.entry("bionic", "18.04"),
            Map.entry("focal", "20.04"), Map.entry("jammy", "22.04"), Map.entry("kinetic", "22.10"),
            Map.entry("lunar", "23.04"), Map.entry("mantic", "23.10"), Map.entry("noble", "24.04"),
            Map.entry("oracular", "24.10"), Map.entry("plucky", "25.04"), Map.entry("questing", "25.10"),
            Map.entry("resolute", "26.04"));

    /**
     * The series fetched by default: the LTS releases Canonical still publishes CVE OVAL for in late 2026 (20.04
     * under ESM, 22.04, 24.04, 26.04). Interim releases live nine months, so rather than go stale here they are added
     * by configuration ({@code series}, and {@code series_versions} for a code name this table does not know yet).
     */
    public static final List<String> DEFAULT = List.of("focal", "jammy", "noble", "resolute");

    private UbuntuSeries() {
    }

    /** The version of a known series ({@code jammy} gives {@code 22.04}). */
    public static Optional<String> versionOf(String series) {
        return Optional.ofNullable(VERSION_BY_SERIES.get(series));
    }
}
