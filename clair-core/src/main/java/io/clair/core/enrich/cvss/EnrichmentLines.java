package io.clair.core.enrich.cvss;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clair.core.vuln.Enrichment;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The file {@link CvssUpdater#fetch} leaves for {@link CvssUpdater#parseEnrichments}: one record per line as
 * {@code {"Tags":[...],"Enrichment":{...}}}, the JSON of claircore's {@code EnrichmentRecord} (and of a bundle's
 * {@code Enrichment} object). Fetching reduces a few GB of yearly feeds to this, so parsing reads only what is kept.
 */
final class EnrichmentLines {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** One line's shape. */
    record Line(@JsonProperty("Tags") List<String> tags, @JsonProperty("Enrichment") Map<String, Object> enrichment) {
    }

    private EnrichmentLines() {
    }

    static void write(Writer out, Enrichment e) throws IOException {
        out.write(JSON.writeValueAsString(new Line(e.tags(), e.data())));
        out.write('\n');
    }

    /** Reads every line; a line that is not a record fails naming its number. */
    static List<Enrichment> read(InputStream in) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        List<Enrichment> out = new ArrayList<>();
        // The same few words ("NETWORK", "HIGH", "3.1") recur in every record; sharing one String each keeps a
        // full NVD load (a few hundred thousand records) much smaller in memory.
        Map<String, String> words = new HashMap<>();
        int n = 0;
        for (String line; (line = r.readLine()) != null; ) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            Line l;
            try {
                l = JSON.readValue(line, Line.class);
            } catch (JsonProcessingException e) {
                throw new IOException("cvss: record line " + n + " is not JSON: " + e.getOriginalMessage(), e);
            }
            if (l.tags() == null || l.tags().isEmpty() || l.enrichment() == null) {
                throw new IOException("cvss: record line " + n + " lacks Tags or Enrichment");
            }
            Map<String, Object> data = new LinkedHashMap<>();
            l.enrichment().forEach((k, v) -> data.put(k, v instanceof String s && s.length() <= 16
                    ? words.computeIfAbsent(s, x -> x) : v));
            try {
                out.add(new Enrichment(l.tags(), data));
            } catch (IllegalArgumentException e) {
                throw new IOException("cvss: record line " + n + ": " + e.getMessage(), e);
            }
        }
        return out;
    }
}
