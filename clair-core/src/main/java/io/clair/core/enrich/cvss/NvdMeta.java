package io.clair.core.enrich.cvss;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * One NVD {@code .meta} file, which describes a yearly feed in {@code key:value} lines ({@code lastModifiedDate},
 * {@code size}, {@code zipSize}, {@code gzSize}, {@code sha256}). The SHA-256 (of the uncompressed JSON) is what
 * change detection compares, as claircore does: it changes exactly when the feed does.
 *
 * @param lastModified {@code lastModifiedDate}, or null when absent
 * @param size         uncompressed size in bytes, or -1 when absent
 * @param gzSize       size of the {@code .json.gz}, or -1 when absent
 * @param sha256       upper-case hex SHA-256 of the uncompressed feed; always present
 */
public record NvdMeta(Instant lastModified, long size, long gzSize, String sha256) {

    /**
     * Parses a {@code .meta} file; unknown keys are ignored.
     *
     * @param source names the file in error messages
     * @throws IOException when the SHA-256 is missing or a known value is malformed
     */
    public static NvdMeta parse(String text, String source) throws IOException {
        Instant lastModified = null;
        long size = -1;
        long gzSize = -1;
        String sha256 = null;
        for (String line : text.split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            try {
                switch (key) {
                    case "lastModifiedDate" -> lastModified = OffsetDateTime.parse(value).toInstant();
                    case "size" -> size = Long.parseLong(value);
                    case "gzSize" -> gzSize = Long.parseLong(value);
                    case "sha256" -> sha256 = value.toUpperCase(Locale.ROOT);
                    default -> {
                        // zipSize and anything NVD adds later: not needed.
                    }
                }
            } catch (DateTimeParseException | NumberFormatException e) {
                throw new IOException("cvss: " + source + ": malformed " + key + " \"" + value + "\"", e);
            }
        }
        if (sha256 == null) {
            throw new IOException("cvss: " + source + ": no sha256 line; is this an NVD .meta file?");
        }
        if (!sha256.matches("[0-9A-F]{64}")) {
            throw new IOException("cvss: " + source + ": sha256 \"" + sha256 + "\" is not 64 hex digits");
        }
        return new NvdMeta(lastModified, size, gzSize, sha256);
    }
}
