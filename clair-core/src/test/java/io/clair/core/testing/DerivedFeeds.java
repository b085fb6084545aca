package io.clair.core.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Feed documents derived from an image's real packages, so that tests see real findings: the shipped feed snapshots
 * are older than the images, and find nothing on their own. Fixed versions sit just above, at and below each
 * installed version; expected answers come from the ecosystem's own version comparison, never from ours.
 */
public final class DerivedFeeds {
    private DerivedFeeds() {
    }

    /**
     * An Alpine secdb document: for every origin package and its installed version, fixed versions around it and a
     * {@code "0"} (not affected) entry; ids {@code CVE-2099-<n>} counting from {@code firstId}.
     */
    public static String secdb(String release, Map<String, String> originVersions, int firstId) {
        StringBuilder b = new StringBuilder("{\"distroversion\":\"" + release + "\",\"reponame\":\"derived\","
                + "\"packages\":[");
        int id = firstId;
        boolean first = true;
        for (Map.Entry<String, String> e : originVersions.entrySet()) {
            b.append(first ? "" : ",").append("{\"pkg\":{\"name\":\"").append(e.getKey()).append("\",\"secfixes\":{");
            first = false;
            boolean f2 = true;
            for (String fixed : apkFixes(e.getValue())) {
                b.append(f2 ? "" : ",").append('"').append(fixed).append("\":[\"CVE-2099-").append(id++).append("\"]");
                f2 = false;
            }
            b.append("}}}");
        }
        return b.append("]}").toString();
    }

    private static Set<String> apkFixes(String v) {
        Set<String> out = new TreeSet<>();
        int r = v.lastIndexOf("-r");
        String base = r < 0 ? v : v.substring(0, r);
        int rel = r < 0 ? 0 : Integer.parseInt(v.substring(r + 2));
        out.add(base + "-r" + (rel + 1));
        out.add(v);
        if (rel > 0) {
            out.add(base + "-r" + (rel - 1));
        }
        out.add(bumpLastNumber(base) + "-r0");
        out.add(base + "_rc1-r0");
        out.add("0");
        return out;
    }

    /**
     * Debian security-tracker JSON entries for {@code release} (a code name) for every source package and its
     * version: resolved just above, at and below it, open (unfixed) and not-affected ("0"); urgencies vary so that
     * severities vary.
     */
    public static String tracker(String release, Map<String, String> sourceVersions, int firstId) {
        StringBuilder b = new StringBuilder("{");
        int id = firstId;
        boolean first = true;
        List<String> urgencies = List.of("low", "medium", "high", "unimportant");
        for (Map.Entry<String, String> e : sourceVersions.entrySet()) {
            String v = e.getValue();
            List<String[]> entries = List.of(new String[] {"resolved", v + "+deb12u1"}, new String[] {"resolved", v},
                    new String[] {"resolved", v.replaceFirst("-([0-9]+)$", "-0")},
                    new String[] {"resolved", v + "~1"}, new String[] {"open", null},
                    new String[] {"resolved", "0"});
            b.append(first ? "" : ",").append('"').append(e.getKey()).append("\":{");
            first = false;
            boolean f2 = true;
            for (String[] en : entries) {
                String urgency = urgencies.get(id % urgencies.size());
                b.append(f2 ? "" : ",").append("\"CVE-2099-").append(id++).append("\":{\"description\":")
                        .append("\"derived\",\"scope\":\"local\",\"releases\":{\"").append(release)
                        .append("\":{\"status\":\"").append(en[0]).append('"');
                if (en[1] != null) {
                    b.append(",\"fixed_version\":\"").append(en[1]).append('"');
                }
                b.append(",\"urgency\":\"").append(urgency).append("\",\"repositories\":{\"").append(release)
                        .append("\":\"").append(v).append("\"}}}}");
                f2 = false;
            }
            b.append('}');
        }
        return b.append('}').toString();
    }

    /** Origin (source) name to version for apk packages given as name, version, origin. */
    public static Map<String, String> byOrigin(List<String[]> nameVersionOrigin) {
        Map<String, String> out = new LinkedHashMap<>();
        nameVersionOrigin.forEach(p -> out.putIfAbsent(p[2], p[1]));
        return out;
    }

    static String bumpLastNumber(String v) {
        Matcher m = Pattern.compile("(\\d+)(?!.*\\d)").matcher(v);
        if (!m.find()) {
            return v + ".1";
        }
        return v.substring(0, m.start()) + (Long.parseLong(m.group(1)) + 1) + v.substring(m.end());
    }
}
