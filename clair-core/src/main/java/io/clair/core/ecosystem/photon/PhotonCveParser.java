package io.clair.core.ecosystem.photon;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clair.core.index.Distribution;
import io.clair.core.index.Package;
import io.clair.core.index.PackageKind;
import io.clair.core.vuln.Severity;
import io.clair.core.vuln.Vulnerability;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parses one Photon OS CVE feed ({@code cve_data_photon<release>.json}: a JSON array of
 * {@code {cve_id, pkg, cve_score, aff_ver, res_ver[, status]}}) into records, reading the array one entry at a time:
 * <ul>
 *   <li>name: {@code cve_id}; package: {@code pkg}, kind binary; distribution: the updater's release
 *       ({@link PhotonDistributions#release(String)}, the value the Photon distribution scanner reports);</li>
 *   <li>fixed_in_version: {@code res_ver}; {@code "NA"} or absent means unfixed ({@code ""});</li>
 *   <li>{@code status: "Not Affected"}: a statement that the package is not affected, recorded with
 *       {@code notVulnerable} and fixed_in_version {@code "0"} (below every version, so that a matcher that ignores
 *       the flag still reports nothing);</li>
 *   <li>severity: {@code cve_score} as written (a CVSS base score), normalized on the NVD scale; description:
 *       {@code aff_ver} ("all versions before 1.2.8-5.ph1 are vulnerable") when it says something.</li>
 * </ul>
 * Entries without an id or a package name are skipped and counted; identical entries are kept once.
 */
public final class PhotonCveParser {
    private static final Logger log = LoggerFactory.getLogger(PhotonCveParser.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String NOT_AFFECTED = "not affected";

    private final String updater;
    private final Distribution distribution;

    public PhotonCveParser(String updater, Distribution distribution) {
        this.updater = Objects.requireNonNull(updater, "updater");
        this.distribution = Objects.requireNonNull(distribution, "distribution");
    }

    public List<Vulnerability> parse(InputStream in) throws IOException {
        Set<Vulnerability> out = new LinkedHashSet<>();
        Map<String, Package> packages = new HashMap<>();
        int entries = 0;
        int skipped = 0;
        try (JsonParser p = JSON.createParser(in)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw new IOException("photon: CVE feed is not a JSON array");
            }
            while (p.nextToken() == JsonToken.START_OBJECT) {
                entries++;
                Vulnerability v = record(JSON.readTree(p), packages);
                if (v == null) {
                    skipped++;
                } else {
                    out.add(v);
                }
            }
            if (p.currentToken() != JsonToken.END_ARRAY) {
                throw new IOException("photon: CVE feed entry " + (entries + 1) + " is not an object");
            }
        } catch (JsonProcessingException e) {
            throw new IOException("photon: malformed CVE feed: " + e.getOriginalMessage(), e);
        }
        log.atInfo().addKeyValue("updater", updater).addKeyValue("entries", entries)
                .addKeyValue("records", out.size()).addKeyValue("skipped", skipped).log("parse done");
        return new ArrayList<>(out);
    }

    private Vulnerability record(JsonNode e, Map<String, Package> packages) {
        String id = e.path("cve_id").asText("").trim();
        String name = e.path("pkg").asText("").trim();
        if (id.isEmpty() || name.isEmpty()) {
            return null;
        }
        boolean notAffected = NOT_AFFECTED.equalsIgnoreCase(e.path("status").asText("").trim());
        String fixed = notAffected ? "0" : version(e.path("res_ver").asText(""));
        JsonNode score = e.path("cve_score");
        String severity = score.isNumber() ? score.asText() : "";
        Severity normalized = score.isNumber() ? Severity.fromCvssScore(score.asDouble()) : Severity.Unknown;
        String description = version(e.path("aff_ver").asText(""));
        Package pkg = packages.computeIfAbsent(name, n -> Package.builder(n, "").kind(PackageKind.BINARY).build());
        return new Vulnerability("", updater, id, description, null, "", severity, normalized, pkg, distribution,
                null, fixed, null, null, notAffected);
    }

    /** Photon writes {@code NA} where a value does not apply. */
    private static String version(String s) {
        String t = s.trim();
        return t.equalsIgnoreCase("NA") ? "" : t;
    }
}
