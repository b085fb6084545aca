package io.clair.core.version;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clair.core.testing.TestData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Version strings of the OSV fixtures ({@code affected[].versions} and range event values). */
public final class OsvVersions {
    private OsvVersions() {
    }

    public static List<String> pypi() {
        return from("osv/PyPI-all.zip");
    }

    public static List<String> go() {
        return from("osv/Go-all.zip");
    }

    /** Every OSV record of a zip in osv.dev's {@code all.zip} layout. */
    public static List<JsonNode> records(String zip) {
        ObjectMapper mapper = new ObjectMapper();
        List<JsonNode> out = new ArrayList<>();
        try (ZipFile z = new ZipFile(TestData.path(zip).toFile())) {
            for (ZipEntry e : z.stream().sorted((a, b) -> a.getName().compareTo(b.getName())).toList()) {
                if (e.getName().endsWith(".json")) {
                    out.add(mapper.readTree(z.getInputStream(e)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static List<String> from(String zip) {
        Set<String> out = new LinkedHashSet<>();
        for (JsonNode r : records(zip)) {
            for (JsonNode a : r.path("affected")) {
                a.path("versions").forEach(v -> out.add(v.asText()));
                for (JsonNode range : a.path("ranges")) {
                    for (JsonNode ev : range.path("events")) {
                        ev.fields().forEachRemaining(f -> {
                            if (!f.getValue().asText().equals("0")) {
                                out.add(f.getValue().asText());
                            }
                        });
                    }
                }
            }
        }
        return List.copyOf(out);
    }
}
