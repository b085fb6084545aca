package io.clair.core.osrelease;

import java.util.List;
import java.util.Map;

/**
 * The parsed content of an os-release(5) file.
 *
 * @param fields    every assignment, key to unquoted value, in file order; a key assigned twice keeps the last value
 * @param malformed lines that were not assignments, as {@code "line N: text"}, skipped rather than fatal (systemd
 *                  ignores them as well); callers decide whether a file with problems is still usable
 */
public record OsRelease(Map<String, String> fields, List<String> malformed) {
    public OsRelease {
        fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
        malformed = List.copyOf(malformed);
    }

    /** The value of {@code key}, or {@code ""} when the file does not assign it. */
    public String get(String key) {
        return fields.getOrDefault(key, "");
    }

    /** True when the file assigns {@code key}, even to an empty value. */
    public boolean has(String key) {
        return fields.containsKey(key);
    }

    /** The {@code ID} field, the machine-readable distribution name ({@code debian}, {@code rhel}, ...). */
    public String id() {
        return get("ID");
    }

    /** The {@code VERSION_ID} field. */
    public String versionId() {
        return get("VERSION_ID");
    }
}
