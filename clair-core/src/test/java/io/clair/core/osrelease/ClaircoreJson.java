package io.clair.core.osrelease;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clair.core.index.Distribution;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** Reads claircore's expected distributions, written with claircore's JSON field names (absent fields empty). */
public final class ClaircoreJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ClaircoreJson() {
    }

    /** One distribution object. */
    public static Distribution distribution(String json) {
        try {
            return toDistribution(JSON.readValue(json, new TypeReference<Map<String, String>>() { }));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An array of distribution objects, as claircore's {@code want} files hold. */
    public static List<Distribution> distributions(String json) {
        try {
            return JSON.readValue(json, new TypeReference<List<Map<String, String>>>() { }).stream()
                    .map(ClaircoreJson::toDistribution).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Distribution toDistribution(Map<String, String> m) {
        return new Distribution(m.get("id"), m.get("did"), m.get("name"), m.get("version"),
                m.get("version_code_name"), m.get("version_id"), m.get("arch"), m.get("cpe"), m.get("pretty_name"));
    }
}
