package io.clair.core.ecosystem.osv;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * OSV range events to affected intervals, and intervals to Clair's url-encoded {@code fixed_in_version}.
 *
 * <p>An OSV range is a sorted event list that can describe several intervals
 * ({@code introduced 0, fixed 1.2.7, introduced 1.3, fixed 1.3.1}). Each {@code introduced} opens an interval and the
 * next {@code fixed}, {@code last_affected} or {@code limit} closes it; an interval left open is affected from its
 * start onwards. claircore keeps one url-encoded value per range and so loses all but the last interval of such
 * ranges (a third of the PyPI ranges in the test data have several); here each interval is its own record.
 */
final class OsvRanges {

    /** One affected interval; absent bounds are null. {@code introduced} "0" means "from the first version". */
    record Interval(String introduced, String fixed, String lastAffected, String limit) {
    }

    private OsvRanges() {
    }

    static List<Interval> intervals(JsonNode events) {
        List<Interval> out = new ArrayList<>();
        String introduced = null;
        boolean open = false;
        for (JsonNode ev : events) {
            if (ev.has("introduced")) {
                if (open) {
                    out.add(new Interval(introduced, null, null, null));
                }
                introduced = ev.get("introduced").asText();
                open = true;
            } else if (ev.has("fixed") || ev.has("last_affected") || ev.has("limit")) {
                out.add(new Interval(open ? introduced : null, text(ev, "fixed"), text(ev, "last_affected"),
                        text(ev, "limit")));
                introduced = null;
                open = false;
            }
        }
        if (open) {
            out.add(new Interval(introduced, null, null, null));
        }
        return out;
    }

    /**
     * The interval as Clair writes OSV ranges into {@code fixed_in_version}: a query string with the keys in
     * alphabetical order, as Go's {@code url.Values.Encode} writes them ({@code fixed=1.3.1&introduced=1.3}).
     * Unbounded ends ({@code introduced} "0", {@code limit} "*") are left out, so "every version" is {@code ""}.
     */
    static String encode(Interval i) {
        StringBuilder b = new StringBuilder();
        append(b, "fixed", i.fixed());
        append(b, "introduced", "0".equals(i.introduced()) ? null : i.introduced());
        append(b, "lastAffected", i.lastAffected());
        append(b, "limit", "*".equals(i.limit()) ? null : i.limit());
        return b.toString();
    }

    private static void append(StringBuilder b, String key, String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        if (b.length() > 0) {
            b.append('&');
        }
        b.append(key).append('=').append(queryEscape(value));
    }

    /** Go's {@code url.QueryEscape}: unreserved characters stay, space is {@code +}, the rest is {@code %XX}. */
    static String queryEscape(String s) {
        StringBuilder b = new StringBuilder();
        for (byte c : s.getBytes(StandardCharsets.UTF_8)) {
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '~') {
                b.append((char) c);
            } else if (c == ' ') {
                b.append('+');
            } else {
                b.append('%').append(Character.toUpperCase(Character.forDigit((c >> 4) & 0xF, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return b.toString();
    }

    private static String text(JsonNode ev, String field) {
        JsonNode n = ev.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }
}
