package io.clair.core.ecosystem.python;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The name and version a core-metadata file ({@code METADATA}, {@code PKG-INFO}, a distutils {@code .egg-info}
 * file) declares. These files are RFC 822 style headers ended by a blank line; only the headers are read, and at
 * most {@value #MAX_HEADER_CHARS} characters of them.
 *
 * @param name    the distribution name as written
 * @param version the version as written (PEP 440 text, not normalized)
 */
record PythonMetadata(String name, String version) {
    static final int MAX_HEADER_CHARS = 256 * 1024;
    private static final Pattern SEPARATORS = Pattern.compile("[-_.]+");

    /** The name normalized as PEP 503 does for the package index: runs of {@code -_.} become {@code -}, lowercase. */
    String normalizedName() {
        return normalize(name);
    }

    static String normalize(String name) {
        return SEPARATORS.matcher(name.trim()).replaceAll("-").toLowerCase(Locale.ROOT);
    }

    /** Reads the headers; empty when {@code Name} or {@code Version} is missing or blank. */
    static Optional<PythonMetadata> read(InputStream in) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String name = null;
        String version = null;
        int read = 0;
        String line;
        while ((line = r.readLine()) != null && !line.isEmpty()) {
            read += line.length() + 1;
            if (read > MAX_HEADER_CHARS) {
                break;
            }
            if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                continue; // continuation of a folded header; Name and Version are never folded
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String key = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            // the first occurrence wins, as email.message.Message.get does for importlib.metadata
            if (key.equalsIgnoreCase("Name") && name == null) {
                name = value;
            } else if (key.equalsIgnoreCase("Version") && version == null) {
                version = value;
            }
        }
        if (name == null || name.isEmpty() || version == null || version.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PythonMetadata(name, version));
    }
}
