package io.clair.core.ecosystem.osv;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Reads the OSV test archives by random access ({@link ZipFile}, the central directory), a different path from the
 * streaming parser under test, and builds derived archives for edge cases.
 */
final class OsvTestArchives {
    static final ObjectMapper JSON = new ObjectMapper();

    private OsvTestArchives() {
    }

    /** Every JSON record in {@code zip}, descending into nested archives, keyed by entry name. */
    static Map<String, JsonNode> records(Path zip) throws IOException {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (ZipEntry e : Collections.list(z.entries())) {
                try (InputStream in = z.getInputStream(e)) {
                    if (e.getName().endsWith(".zip")) {
                        Path inner = Files.createTempFile("osv-inner", ".zip");
                        try {
                            Files.copy(in, inner, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                            out.putAll(records(inner));
                        } finally {
                            Files.delete(inner);
                        }
                    } else if (e.getName().endsWith(".json")) {
                        out.put(e.getName(), JSON.readTree(in));
                    }
                }
            }
        }
        return out;
    }

    /** A zip holding the given entries, in order. */
    static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(buf)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return buf.toByteArray();
    }

    /** A zip of the given records, serialized again. */
    static byte[] zipOf(List<JsonNode> records) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (JsonNode r : records) {
            entries.put(r.get("id").asText() + ".json", JSON.writeValueAsBytes(r));
        }
        return zip(entries);
    }

    /** The local-header offsets of the entries of a real archive, to cut it exactly between two entries. */
    static List<Long> entryOffsets(Path zip) throws IOException {
        List<Long> out = new ArrayList<>();
        try (org.apache.commons.compress.archivers.zip.ZipFile z =
                org.apache.commons.compress.archivers.zip.ZipFile.builder().setPath(zip).get()) {
            Collections.list(z.getEntries()).forEach(e -> out.add(e.getLocalHeaderOffset()));
        }
        Collections.sort(out);
        return out;
    }
}
