package io.clair.core.vuln;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One enrichment record as an enrichment updater produces it (claircore's {@code driver.EnrichmentRecord}): a JSON
 * object {@code data} filed under {@code tags}, the keys a vulnerability is looked up by (for {@code clair.cvss}, the
 * CVE id and the NVD {@code cvssData} object).
 *
 * <p>{@code data} holds plain JSON values only: {@link String}, {@link Number}, {@link Boolean}, {@code null},
 * {@link List} and {@link Map} with string keys, copied deeply and unmodifiable, in the order given. No Jackson tree
 * types, so the record means the same to every store and to code that never sees Jackson.
 *
 * @param tags lookup keys, at least one, none blank
 * @param data the JSON object carried
 */
public record Enrichment(List<String> tags, Map<String, Object> data) {
    // Sorted keys make the hash independent of the order a source or a database (jsonb) returns keys in.
    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    public Enrichment {
        Objects.requireNonNull(tags, "tags");
        Objects.requireNonNull(data, "data");
        if (tags.isEmpty() || tags.stream().anyMatch(t -> t == null || t.isBlank())) {
            throw new IllegalArgumentException("enrichment: tags must be non-empty and not blank: " + tags);
        }
        tags = List.copyOf(tags);
        data = copyObject(data);
    }

    /**
     * SHA-256 over the updater, the tags and the data with sorted keys: identical records of successive runs of
     * one updater dedupe to one stored row.
     */
    public byte[] contentHash(String updater) {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        md.update(updater.getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
        for (String t : tags) {
            md.update(t.getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
        }
        try {
            md.update(CANONICAL.writeValueAsBytes(data));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("enrichment: cannot serialize data of " + tags, e);
        }
        return md.digest();
    }

    private static Map<String, Object> copyObject(Map<?, ?> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> {
            if (!(k instanceof String key)) {
                throw new IllegalArgumentException("enrichment: object key " + k + " is not a string");
            }
            out.put(key, copyValue(v));
        });
        return Collections.unmodifiableMap(out);
    }

    private static Object copyValue(Object v) {
        if (v == null || v instanceof String || v instanceof Number || v instanceof Boolean) {
            return v;
        }
        if (v instanceof Map<?, ?> m) {
            return copyObject(m);
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(x -> out.add(copyValue(x)));
            return Collections.unmodifiableList(out);
        }
        throw new IllegalArgumentException("enrichment: " + v.getClass().getName() + " is not a JSON value");
    }
}
