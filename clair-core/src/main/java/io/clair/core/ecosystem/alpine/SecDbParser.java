package io.clair.core.ecosystem.alpine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
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
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parses one Alpine secdb document ({@code packages[].pkg{name, secfixes{fixedVersion: [ids]}}}) into records, one per
 * (package, fixed version, vulnerability name), as claircore does:
 * <ul>
 *   <li>package: the secdb {@code name}, which is the origin (source) package, so kind {@code source};</li>
 *   <li>fixed_in_version: the secfixes key verbatim, including {@code "0"} (Alpine's "never affected" marker, which
 *       Clair keeps and the matcher reads as "not vulnerable");</li>
 *   <li>name and links: see {@link SecDbIds}; link {@value #LINK_PREFIX}{@code <name>};</li>
 *   <li>severity: the secdb has none, so {@code ""} and {@link Severity#Unknown} (clair-reference section 4.8);</li>
 *   <li>distribution: the release of the updater, not the file's {@code distroversion}, which some mirrors omit.</li>
 * </ul>
 * Real quirks that are tolerated: {@code "packages": null} or {@code {}}, a {@code null} secfixes entry, entries without an id.
 * A document that is not JSON, is truncated, or is not a secdb object fails with an {@link IOException}.
 */
public final class SecDbParser {
    private static final Logger log = LoggerFactory.getLogger(SecDbParser.class);
    public static final String LINK_PREFIX = "https://security.alpinelinux.org/vuln/";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final String updater;
    private final Distribution distribution;

    public SecDbParser(String updater, Distribution distribution) {
        this.updater = Objects.requireNonNull(updater, "updater");
        this.distribution = Objects.requireNonNull(distribution, "distribution");
    }

    public List<Vulnerability> parse(InputStream in) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(in);
        } catch (JsonProcessingException e) {
            String at = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new IOException("alpine: malformed secdb JSON" + at + ": " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IOException("alpine: secdb document is not a JSON object");
        }
        JsonNode packages = root.path("packages");
        List<Vulnerability> out = new ArrayList<>();
        // Empty repositories come as "packages": null (v3.3/community) or as an empty object (served edge files).
        if (packages.isMissingNode() || packages.isNull() || (packages.isObject() && packages.isEmpty())) {
            log.atInfo().addKeyValue("updater", updater).log("secdb lists no packages");
            return out;
        }
        if (!packages.isArray()) {
            throw new IOException("alpine: secdb \"packages\" is not an array");
        }
        int skipped = 0;
        for (JsonNode entry : packages) {
            JsonNode pkg = entry.path("pkg");
            String name = pkg.path("name").asText("");
            if (name.isEmpty()) {
                skipped++;
                continue;
            }
            skipped += add(out, name, pkg.path("secfixes"));
        }
        log.atInfo().addKeyValue("updater", updater).addKeyValue("records", out.size())
                .addKeyValue("skipped", skipped).log("parse done");
        return out;
    }

    /** Adds the records of one package; returns how many entries had to be skipped. */
    private int add(List<Vulnerability> out, String pkgName, JsonNode secfixes) {
        if (!secfixes.isObject()) {
            return 0;
        }
        Package pkg = Package.builder(pkgName, "").kind(PackageKind.SOURCE).build();
        Set<String> seen = new HashSet<>();
        int skipped = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = secfixes.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> fix = it.next();
            String fixed = fix.getKey();
            if (!fix.getValue().isArray()) {
                // e.g. heimdal 7.4.0-r0 in v3.6/main: a version listed with no ids at all.
                skipped++;
                continue;
            }
            for (JsonNode id : fix.getValue()) {
                String raw = id.isTextual() ? id.asText().trim() : "";
                List<String> names = SecDbIds.names(raw);
                if (names.isEmpty()) {
                    skipped++;
                    continue;
                }
                for (String name : names) {
                    if (!seen.add(fixed + '\u0000' + name)) {
                        continue;
                    }
                    String description = raw.equals(name) ? "" : raw;
                    out.add(new Vulnerability("", updater, name, description, null, LINK_PREFIX + name, "",
                            Severity.Unknown, pkg, distribution, null, fixed, null, null, false));
                }
            }
        }
        return skipped;
    }
}
