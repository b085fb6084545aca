package io.clair.core.ecosystem.osv;

import com.fasterxml.jackson.databind.JsonNode;
import io.clair.core.ecosystem.osv.OsvRanges.Interval;
import io.clair.core.index.Package;
import io.clair.core.index.PackageKind;
import io.clair.core.index.Repository;
import io.clair.core.vuln.Vulnerability;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One OSV record to Clair records: one per (OSV id, affected package of the updater's ecosystem, affected interval).
 * <ul>
 *   <li>name: the OSV id; description: {@code summary}, or {@code details} when there is no summary (PYSEC records);
 *       issued: {@code published};</li>
 *   <li>links: the reference URLs, the advisory's own page ({@code database_specific.url}) and a page for every alias
 *       not already linked (CVE at NVD, GHSA at GitHub, others at osv.dev). The record type has no alias field, and
 *       links are where Clair's CVSS enricher looks for CVE ids, so this keeps a GHSA or PYSEC record enrichable;</li>
 *   <li>package: the affected name normalized per ecosystem ({@link OsvEcosystems#packageName}), repository by
 *       ecosystem ({@code pypi}, {@code go}, {@code maven}, ...);</li>
 *   <li>fixed_in_version: the interval url-encoded ({@link OsvRanges#encode}) for ECOSYSTEM and SEMVER ranges
 *       alike; {@code range} is left null because the normalized version form is not available here, so matchers
 *       evaluate the bounds with the ecosystem's version scheme. GIT ranges are ignored; an affected entry with only
 *       an explicit {@code versions} list gives one record per version ({@code introduced=v&lastAffected=v});</li>
 *   <li>severity: {@link OsvSeverity}.</li>
 * </ul>
 * Records withdrawn before now are skipped.
 */
final class OsvRecordMapper {
    private final String updater;
    private final String ecosystem;
    private final Repository repository;
    private final Clock clock;

    OsvRecordMapper(String updater, String ecosystem, Clock clock) {
        this.updater = updater;
        this.ecosystem = OsvEcosystems.base(ecosystem);
        this.repository = OsvEcosystems.repository(ecosystem);
        this.clock = clock;
    }

    List<Vulnerability> map(JsonNode rec, String entry) throws IOException {
        if (!rec.isObject() || !rec.path("id").isTextual() || rec.path("id").asText().isBlank()) {
            throw new IOException("osv: record " + entry + " has no id");
        }
        Instant withdrawn = instant(rec.path("withdrawn").asText(null));
        if (withdrawn != null && !withdrawn.isAfter(clock.instant())) {
            return List.of();
        }
        String id = rec.get("id").asText();
        String summary = rec.path("summary").asText("").trim();
        String description = summary.isEmpty() ? rec.path("details").asText("").trim() : summary;
        Instant issued = instant(rec.path("published").asText(null));
        String links = links(rec);
        OsvSeverity.Rating rating = OsvSeverity.of(rec);

        List<Vulnerability> out = new ArrayList<>();
        for (JsonNode affected : rec.path("affected")) {
            String eco = affected.path("package").path("ecosystem").asText("");
            String rawName = affected.path("package").path("name").asText("");
            if (!OsvEcosystems.base(eco).equalsIgnoreCase(ecosystem) || rawName.isBlank()) {
                continue;
            }
            Package pkg = Package.builder(OsvEcosystems.packageName(ecosystem, rawName), "")
                    .kind(PackageKind.BINARY).build();
            for (String fixed : fixedInVersions(affected)) {
                out.add(new Vulnerability("", updater, id, description, issued, links, rating.vendor(),
                        rating.normalized(), pkg, null, repository, fixed, null, null, false));
            }
        }
        return out;
    }

    /** The distinct url-encoded intervals of one affected entry. */
    private static Set<String> fixedInVersions(JsonNode affected) {
        Set<String> out = new LinkedHashSet<>();
        boolean ranged = false;
        for (JsonNode range : affected.path("ranges")) {
            String type = range.path("type").asText("");
            if (!type.equals("ECOSYSTEM") && !type.equals("SEMVER")) {
                continue; // GIT ranges name commits, which no package scanner reports
            }
            ranged = true;
            for (Interval i : OsvRanges.intervals(range.path("events"))) {
                out.add(OsvRanges.encode(i));
            }
        }
        if (!ranged) {
            for (JsonNode v : affected.path("versions")) {
                String version = v.asText("");
                if (!version.isEmpty()) {
                    out.add(OsvRanges.encode(new Interval(version, null, version, null)));
                }
            }
        }
        return out;
    }

    private static String links(JsonNode rec) {
        Set<String> out = new LinkedHashSet<>();
        for (JsonNode ref : rec.path("references")) {
            String url = ref.path("url").asText("").trim();
            if (!url.isEmpty() && !url.contains(" ")) {
                out.add(url);
            }
        }
        String own = rec.path("database_specific").path("url").asText("").trim();
        if (own.startsWith("http") && !own.contains(" ")) {
            out.add(own);
        }
        for (JsonNode a : rec.path("aliases")) {
            String alias = a.asText("").trim();
            if (alias.isEmpty() || alias.contains(" ") || out.stream().anyMatch(u -> u.contains(alias))) {
                continue;
            }
            String upper = alias.toUpperCase(Locale.ROOT);
            if (upper.startsWith("CVE-")) {
                out.add("https://nvd.nist.gov/vuln/detail/" + alias);
            } else if (upper.startsWith("GHSA-")) {
                out.add("https://github.com/advisories/" + alias);
            } else {
                out.add("https://osv.dev/vulnerability/" + alias);
            }
        }
        return String.join(" ", out);
    }

    private static Instant instant(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s.trim()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
