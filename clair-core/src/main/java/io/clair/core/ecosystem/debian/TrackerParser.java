package io.clair.core.ecosystem.debian;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clair.core.index.Package;
import io.clair.core.index.PackageKind;
import io.clair.core.vuln.Vulnerability;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parses the Debian security tracker JSON ({@code {srcpkg: {CVE: {description, releases: {codename: {status,
 * fixed_version, urgency}}}}}}) into one record per (source package, CVE, numbered release), as claircore does:
 * <ul>
 *   <li>package: the source package name, kind {@code source} (the Debian matcher compares source names);</li>
 *   <li>fixed_in_version: {@code fixed_version} verbatim, {@code ""} when absent (open, undetermined). The tracker
 *       writes "not affected" as {@code resolved} with {@code "0"}, which is kept as Clair keeps it; claircore does
 *       not read {@code status} at all, and neither does this parser;</li>
 *   <li>distribution: {@link DebianDistributions#release} for release code names Debian has numbered; {@code sid}
 *       and unknown code names are skipped;</li>
 *   <li>severity: the urgency verbatim, normalized by {@link DebianUrgency};</li>
 *   <li>links: {@value #LINK_PREFIX}{@code <CVE>}.</li>
 * </ul>
 * The document (about 75 MB) is read as a stream, one source package at a time. Malformed or truncated JSON fails
 * with an {@link IOException}.
 */
public final class TrackerParser {
    private static final Logger log = LoggerFactory.getLogger(TrackerParser.class);
    public static final String LINK_PREFIX = "https://security-tracker.debian.org/tracker/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String updater;

    public TrackerParser(String updater) {
        this.updater = Objects.requireNonNull(updater, "updater");
    }

    public List<Vulnerability> parse(InputStream in) throws IOException {
        List<Vulnerability> out = new ArrayList<>();
        int packages = 0;
        try (JsonParser p = JSON.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("debian: tracker document is not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String source = p.currentName();
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    throw new IOException("debian: tracker entry for \"" + source + "\" is not an object");
                }
                JsonNode cves = JSON.readTree(p);
                add(out, source, cves);
                packages++;
            }
            if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
                throw new IOException("debian: unexpected content after the tracker document");
            }
        } catch (JsonProcessingException e) {
            String at = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new IOException("debian: malformed tracker JSON" + at + ": " + e.getOriginalMessage(), e);
        }
        log.atInfo().addKeyValue("updater", updater).addKeyValue("packages", packages)
                .addKeyValue("records", out.size()).log("parse done");
        return out;
    }

    private void add(List<Vulnerability> out, String source, JsonNode cves) {
        Package pkg = Package.builder(source, "").kind(PackageKind.SOURCE).build();
        for (Iterator<Map.Entry<String, JsonNode>> it = cves.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> cve = it.next();
            JsonNode data = cve.getValue();
            if (!data.isObject()) {
                continue;
            }
            String description = data.path("description").asText("");
            for (Iterator<Map.Entry<String, JsonNode>> rs = data.path("releases").fields(); rs.hasNext(); ) {
                Map.Entry<String, JsonNode> release = rs.next();
                String codename = release.getKey();
                Optional<String> version = DebianDistributions.versionOf(codename);
                if (version.isEmpty()) {
                    // sid, or a code name without a number yet: no image can name it in VERSION_ID.
                    continue;
                }
                JsonNode r = release.getValue();
                String urgency = r.path("urgency").asText("");
                out.add(new Vulnerability("", updater, cve.getKey(), description, null, LINK_PREFIX + cve.getKey(),
                        urgency, DebianUrgency.normalize(urgency), pkg,
                        DebianDistributions.release(version.get(), codename), null,
                        r.path("fixed_version").asText(""), null, null, false));
            }
        }
    }
}
