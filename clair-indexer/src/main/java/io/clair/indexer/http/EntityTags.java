package io.clair.indexer.http;

/** Clair's ETag handling: the indexer state, quoted, compared with every tag an If-None-Match header lists. */
final class EntityTags {
    private EntityTags() {
    }

    static String quote(String state) {
        return "\"" + state + "\"";
    }

    /** Whether {@code ifNoneMatch} names {@code state} (or is {@code *}). */
    static boolean matches(String ifNoneMatch, String state) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.trim();
            if (t.startsWith("W/")) {
                t = t.substring(2);
            }
            if (t.equals("*") || t.equals(quote(state)) || t.equals(state)) {
                return true;
            }
        }
        return false;
    }
}
