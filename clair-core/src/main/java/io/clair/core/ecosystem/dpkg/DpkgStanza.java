package io.clair.core.ecosystem.dpkg;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One paragraph of a dpkg database ("stanza"): its fields by name, matched case-insensitively as dpkg does.
 * Multi-line values keep their continuation lines joined with {@code \n}, leading blanks removed.
 *
 * @param line   line number of the stanza's first field, for messages
 * @param fields field name to value
 */
public record DpkgStanza(int line, Map<String, String> fields) {
    public DpkgStanza {
        TreeMap<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        copy.putAll(fields);
        fields = Collections.unmodifiableMap(copy);
    }

    /** The value of field {@code name}, or {@code ""} when absent. */
    public String get(String name) {
        return fields.getOrDefault(name, "");
    }
}
