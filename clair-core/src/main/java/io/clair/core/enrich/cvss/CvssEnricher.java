package io.clair.core.enrich.cvss;

import io.clair.core.match.Enricher;
import io.clair.core.store.VulnerabilityStore;
import io.clair.core.vuln.Enrichment;
import io.clair.core.vuln.Severity;
import io.clair.core.vuln.Vulnerability;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Adds NVD's CVSS data to a report in Clair's shape (claircore's {@code enricher/cvss}): under {@link #TYPE}, a
 * one-element list holding a map from report vulnerability id to the {@code cvssData} objects of the CVEs that
 * vulnerability names, which is what Quay reads ({@code enrichments} → first list → first element → by id).
 *
 * <p>CVE ids are found by a relaxed form of NVD's pattern (case-insensitive {@code cve}, {@code -} or {@code _}
 * separators) in each vulnerability's {@code name} and {@code links}, and normalized to {@code CVE-YYYY-N...}.
 * claircore's code also scans the description, which often cites other, related CVEs; their scores would then
 * count for this vulnerability, so the description is not read here. All ids of a report are looked up at once.
 *
 * <p>Severity: for a vulnerability whose normalized severity is Unknown, the derived severity is the NVD rating of
 * the highest base score among its records ({@link Severity#fromCvssScore}), which is the rule Quay applies
 * client-side. A score missing from a record is computed from its vector.
 */
public final class CvssEnricher implements Enricher {
    /** The report's enrichments key. */
    public static final String TYPE = "message/vnd.clair.map.vulnerability; enricher=clair.cvss "
            + "schema=https://csrc.nist.gov/schema/nvd/api/2.0/cve_api_json_2.0.schema";

    private static final Pattern CVE = Pattern.compile("(?i)cve[-_]([0-9]{4})[-_]([0-9]{4,})");

    @Override
    public String name() {
        return CvssUpdater.NAME;
    }

    @Override
    public Result enrich(Map<String, Vulnerability> vulnerabilities, VulnerabilityStore store) {
        Map<String, SortedSet<String>> idsByVuln = new TreeMap<>();
        Set<String> all = new TreeSet<>();
        vulnerabilities.forEach((id, v) -> {
            SortedSet<String> cves = cveIds(v.name() + " " + v.links());
            if (!cves.isEmpty()) {
                idsByVuln.put(id, cves);
                all.addAll(cves);
            }
        });
        if (all.isEmpty()) {
            return Result.none();
        }
        Map<String, List<Map<String, Object>>> byTag = new HashMap<>();
        for (Enrichment e : store.enrichments(CvssUpdater.NAME, all)) {
            e.tags().forEach(t -> byTag.computeIfAbsent(t, k -> new ArrayList<>()).add(e.data()));
        }
        Map<String, Object> out = new TreeMap<>();
        Map<String, Severity> severities = new HashMap<>();
        idsByVuln.forEach((id, cves) -> {
            Set<Map<String, Object>> found = new LinkedHashSet<>();
            cves.forEach(c -> found.addAll(byTag.getOrDefault(c, List.of())));
            if (found.isEmpty()) {
                return;
            }
            out.put(id, List.copyOf(found));
            OptionalDouble max = found.stream().map(CvssEnricher::baseScore).filter(OptionalDouble::isPresent)
                    .mapToDouble(OptionalDouble::getAsDouble).max();
            if (max.isPresent() && vulnerabilities.get(id).normalizedSeverity() == Severity.Unknown) {
                severities.put(id, Severity.fromCvssScore(max.getAsDouble()));
            }
        });
        if (out.isEmpty()) {
            return Result.none();
        }
        return new Result(TYPE, List.of(Collections.unmodifiableMap(out)), severities);
    }

    /** The CVE ids in {@code text}, normalized to upper case and dashes. */
    static SortedSet<String> cveIds(String text) {
        SortedSet<String> out = new TreeSet<>();
        Matcher m = CVE.matcher(text);
        while (m.find()) {
            out.add("CVE-" + m.group(1) + "-" + m.group(2));
        }
        return out;
    }

    /** {@code baseScore}, or the base score of {@code vectorString} when that is missing; empty when neither. */
    static OptionalDouble baseScore(Map<String, Object> cvssData) {
        if (cvssData.get("baseScore") instanceof Number n) {
            return OptionalDouble.of(n.doubleValue());
        }
        if (cvssData.get("vectorString") instanceof String v) {
            try {
                return OptionalDouble.of(CvssVector.parse(v).baseScore());
            } catch (IllegalArgumentException e) {
                return OptionalDouble.empty();
            }
        }
        return OptionalDouble.empty();
    }
}
