package io.clair.core.enrich.cvss;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clair.core.vuln.Enrichment;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams an NVD CVE API 2.0 feed ({@code nvdcve-2.0-<year>.json}, 100+ MB uncompressed) into {@code clair.cvss}
 * records with Jackson's token parser: only one CVE's CVSS objects are ever held, everything else is skipped.
 *
 * <p>Per CVE, as claircore's {@code enricher/cvss} does: a {@code Rejected} CVE is skipped; otherwise the record is
 * {@code {tags: [cve.id], data: cvssData}} of the first metric whose {@code type} is {@code Primary} (NVD's own
 * analysis), looking at {@code cvssMetricV31} before {@code cvssMetricV30}; a CVE without such a metric is skipped.
 * So v3.1 is preferred, but a v3.0 score from NVD wins over a v3.1 score from a secondary source (a CNA or CISA-ADP).
 * Each chosen vector is checked with {@link CvssVector}: a malformed one, or one whose version disagrees with
 * {@code cvssData.version}, is skipped and counted; a base score differing from the computed one is logged and kept,
 * since NVD is the authority on its own data.
 *
 * <p>A document that is not JSON, is truncated, or lacks the {@code vulnerabilities} array fails with an
 * {@link IOException} that names the source and the position.
 */
public final class NvdFeedParser {
    private static final Logger log = LoggerFactory.getLogger(NvdFeedParser.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() { };

    /** Receives each record; may write it elsewhere, hence the IOException. */
    @FunctionalInterface
    public interface Sink {
        void accept(Enrichment record) throws IOException;
    }

    /**
     * What a parse did.
     *
     * @param cves     CVE items read
     * @param records  records produced
     * @param rejected CVEs skipped as {@code Rejected}
     * @param noScore  CVEs skipped for want of a primary v3.x metric
     * @param invalid  CVEs skipped for a malformed vector or a version mismatch
     */
    public record Stats(int cves, int records, int rejected, int noScore, int invalid) {
    }

    private final String source;

    /** @param source names the feed in logs and error messages, for example its URL */
    public NvdFeedParser(String source) {
        this.source = source;
    }

    public Stats parse(InputStream in, Sink sink) throws IOException {
        Counter c = new Counter();
        try (JsonParser p = JSON.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw malformed(p, "the feed is not a JSON object");
            }
            boolean sawVulnerabilities = false;
            for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (!"vulnerabilities".equals(field)) {
                    p.skipChildren();
                    continue;
                }
                if (value != JsonToken.START_ARRAY) {
                    throw malformed(p, "\"vulnerabilities\" is not an array");
                }
                sawVulnerabilities = true;
                for (JsonToken item = p.nextToken(); item != JsonToken.END_ARRAY; item = p.nextToken()) {
                    if (item != JsonToken.START_OBJECT) {
                        throw malformed(p, "a \"vulnerabilities\" item is not an object");
                    }
                    item(p, sink, c);
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
                throw malformed(p, "unexpected content after the feed object");
            }
            if (!sawVulnerabilities) {
                throw new IOException("cvss: " + source + ": the feed has no \"vulnerabilities\" array");
            }
        } catch (JsonProcessingException e) {
            throw new IOException("cvss: " + source + ": malformed NVD feed" + at(e.getLocation()) + ": "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            if (String.valueOf(e.getMessage()).startsWith("cvss: ")) {
                throw e;
            }
            // The stream below the parser failed: a truncated gzip, a broken connection.
            throw new IOException("cvss: " + source + ": cannot read the feed: " + e.getMessage(), e);
        }
        Stats stats = new Stats(c.cves, c.records, c.rejected, c.noScore, c.invalid);
        log.atInfo().addKeyValue("source", source).addKeyValue("cves", stats.cves())
                .addKeyValue("records", stats.records()).addKeyValue("rejected", stats.rejected())
                .addKeyValue("no_score", stats.noScore()).addKeyValue("invalid", stats.invalid())
                .log("nvd feed parsed");
        return stats;
    }

    /** Reads one {@code vulnerabilities[]} item, positioned on its START_OBJECT. */
    private void item(JsonParser p, Sink sink, Counter c) throws IOException {
        c.cves++;
        NvdCve cve = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            if ("cve".equals(field) && value == JsonToken.START_OBJECT) {
                cve = NvdCve.read(p, () -> p.readValueAs(OBJECT));
            } else {
                p.skipChildren();
            }
        }
        if (cve == null || cve.id().isEmpty()) {
            throw malformed(p, "item " + c.cves + " has no cve.id");
        }
        if ("Rejected".equalsIgnoreCase(cve.status())) {
            c.rejected++;
            return;
        }
        Map<String, Object> data = cve.primaryV3();
        if (data == null) {
            c.noScore++;
            return;
        }
        if (!valid(cve.id(), data)) {
            c.invalid++;
            return;
        }
        try {
            sink.accept(new Enrichment(List.of(cve.id()), data));
        } catch (IOException e) {
            throw new IOException("cvss: " + source + ": cannot keep the record of " + cve.id() + ": "
                    + e.getMessage(), e);
        }
        c.records++;
    }

    private boolean valid(String id, Map<String, Object> data) {
        Object vector = data.get("vectorString");
        CvssVector v;
        try {
            v = CvssVector.parse(vector instanceof String s ? s : "");
        } catch (IllegalArgumentException e) {
            log.atWarn().addKeyValue("cve", id).addKeyValue("err", e.getMessage()).log("cvss vector skipped");
            return false;
        }
        if (!v.version().label().equals(data.get("version"))) {
            log.atWarn().addKeyValue("cve", id).addKeyValue("vector", vector)
                    .addKeyValue("version", data.get("version")).log("cvss version disagrees with the vector; skipped");
            return false;
        }
        if (!(data.get("baseScore") instanceof Number n) || Math.abs(n.doubleValue() - v.baseScore()) > 0.05) {
            log.atWarn().addKeyValue("cve", id).addKeyValue("vector", vector).addKeyValue("nvd", data.get("baseScore"))
                    .addKeyValue("computed", v.baseScore()).log("cvss base score differs from the computed one");
        }
        return true;
    }

    private IOException malformed(JsonParser p, String what) {
        return new IOException("cvss: " + source + ": malformed NVD feed" + at(p.currentLocation()) + ": " + what);
    }

    private static String at(com.fasterxml.jackson.core.JsonLocation l) {
        return l == null ? "" : " at line " + l.getLineNr() + ", column " + l.getColumnNr();
    }

    private static final class Counter {
        int cves;
        int records;
        int rejected;
        int noScore;
        int invalid;
    }
}
