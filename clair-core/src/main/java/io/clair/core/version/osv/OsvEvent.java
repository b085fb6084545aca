package io.clair.core.version.osv;

/**
 * One event of an OSV range: where affected versions start ({@code introduced}), stop before ({@code fixed}), stop
 * after ({@code last_affected}), or where the range is cut off ({@code limit}).
 *
 * @param kind    the event kind
 * @param version the version; {@code "0"} for {@code introduced} means "from the first version", {@code "*"} for
 *                {@code limit} means no limit
 */
public record OsvEvent(Kind kind, String version) {

    /** The OSV event kinds. */
    public enum Kind {
        INTRODUCED("introduced"), FIXED("fixed"), LAST_AFFECTED("last_affected"), LIMIT("limit");

        private final String json;

        Kind(String json) {
            this.json = json;
        }

        /** The JSON field name. */
        public String json() {
            return json;
        }

        /** The kind for a JSON field name. */
        public static Kind of(String json) {
            for (Kind k : values()) {
                if (k.json.equals(json)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("osv: unknown event \"" + json + "\"");
        }
    }

    public static OsvEvent introduced(String v) {
        return new OsvEvent(Kind.INTRODUCED, v);
    }

    public static OsvEvent fixed(String v) {
        return new OsvEvent(Kind.FIXED, v);
    }

    public static OsvEvent lastAffected(String v) {
        return new OsvEvent(Kind.LAST_AFFECTED, v);
    }

    public static OsvEvent limit(String v) {
        return new OsvEvent(Kind.LIMIT, v);
    }

    /** {@code introduced: "0"}: before every version. */
    boolean isZero() {
        return kind == Kind.INTRODUCED && "0".equals(version);
    }
}
