package io.clair.core.index;

import io.clair.core.manifest.Digest;
import java.util.Map;
import java.util.Objects;

/**
 * A layer posted through Clair v2's legacy API: a caller-named layer on top of its parent. It is indexed as a
 * manifest made of its whole ancestry, {@code manifest}.
 *
 * @param name       the caller's layer name (a digest or any identifier)
 * @param parentName the parent's name, or {@code ""} for a base layer
 * @param path       where the layer blob is fetched from
 * @param headers    request headers for the fetch
 * @param format     {@code Docker} (Clair v2 also knew {@code ACI})
 * @param layer      the digest the layer is stored under: its name when that is a digest, else derived from it
 * @param manifest   the digest of the synthetic manifest of the ancestry
 */
public record LegacyLayer(String name, String parentName, String path, Map<String, String> headers, String format,
        Digest layer, Digest manifest) {
    public LegacyLayer {
        Objects.requireNonNull(name, "name");
        parentName = parentName == null ? "" : parentName;
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        format = format == null || format.isEmpty() ? "Docker" : format;
    }
}
