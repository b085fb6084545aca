package io.clair.core.match;

import io.clair.core.version.VersionScheme;
import io.clair.core.vuln.Vulnerability;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Evaluates the affected interval that OSV-derived records carry in {@code fixed_in_version} as Clair's url-encoded
 * query ({@code fixed=1.2.3&introduced=1.0&lastAffected=...&limit=...}): affected when at or above {@code introduced},
 * below {@code fixed}, at or below {@code lastAffected} and below {@code limit}, each in the ecosystem's own order.
 * An empty value means every version; a bare version is a plain fixed version.
 */
public final class OsvBounds {
    private OsvBounds() {
    }

    public static boolean affects(VersionScheme scheme, String version, Vulnerability v) {
        String f = v.fixedInVersion();
        if (f.isEmpty()) {
            return true;
        }
        if (!f.contains("=")) {
            return scheme.compare(version, f) < 0;
        }
        Map<String, String> q = parse(f);
        String introduced = q.get("introduced");
        if (introduced != null && !introduced.equals("0") && scheme.compare(version, introduced) < 0) {
            return false;
        }
        String fixed = q.get("fixed");
        if (fixed != null && scheme.compare(version, fixed) >= 0) {
            return false;
        }
        String last = q.get("lastAffected");
        if (last != null && scheme.compare(version, last) > 0) {
            return false;
        }
        String limit = q.get("limit");
        return limit == null || limit.equals("*") || scheme.compare(version, limit) < 0;
    }

    static Map<String, String> parse(String query) {
        Map<String, String> out = new HashMap<>();
        for (String part : query.split("&")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                out.put(part.substring(0, eq), URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }
}
