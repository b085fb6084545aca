package io.clair.core.enrich.cvss;

import io.clair.core.enrich.cvss.CvssVector.Version;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The syntax of CVSS vectors, checked before anything is scored.
 *
 * <p>v2 (no prefix): the six base metrics in specification order, then optionally the complete temporal group
 * ({@code E/RL/RC}), then optionally the complete environmental group ({@code CDP/TD/CR/IR/AR}), each in order, as
 * NVD writes them and claircore requires. v3.x ({@code CVSS:3.0/} or {@code CVSS:3.1/}): every base metric, any
 * temporal or environmental metric, in any order but none twice (CVSS v3.1 specification, section 6).
 */
final class CvssGrammar {
    private static final Map<String, Set<String>> V2_BASE = ordered("AV", "L,A,N", "AC", "H,M,L", "Au", "M,S,N",
            "C", "N,P,C", "I", "N,P,C", "A", "N,P,C");
    private static final Map<String, Set<String>> V2_TEMPORAL = ordered("E", "U,POC,F,H,ND", "RL", "OF,TF,W,U,ND",
            "RC", "UC,UR,C,ND");
    private static final Map<String, Set<String>> V2_ENVIRONMENTAL = ordered("CDP", "N,L,LM,MH,H,ND",
            "TD", "N,L,M,H,ND", "CR", "L,M,H,ND", "IR", "L,M,H,ND", "AR", "L,M,H,ND");
    private static final Map<String, Set<String>> V3_BASE = ordered("AV", "N,A,L,P", "AC", "L,H", "PR", "N,L,H",
            "UI", "N,R", "S", "U,C", "C", "H,L,N", "I", "H,L,N", "A", "H,L,N");
    private static final Map<String, Set<String>> V3_OPTIONAL = ordered("E", "X,U,P,F,H", "RL", "X,O,T,W,U",
            "RC", "X,U,R,C", "CR", "X,L,M,H", "IR", "X,L,M,H", "AR", "X,L,M,H", "MAV", "X,N,A,L,P", "MAC", "X,L,H",
            "MPR", "X,N,L,H", "MUI", "X,N,R", "MS", "X,U,C", "MC", "X,N,L,H", "MI", "X,N,L,H", "MA", "X,N,L,H");
    private static final Set<String> BASE_OR_TEMPORAL = Set.of("AV", "AC", "Au", "PR", "UI", "S", "C", "I", "A",
            "E", "RL", "RC");
    private static final Set<String> TEMPORAL = Set.of("E", "RL", "RC");

    /** A well-formed vector: its version and its metrics in the order given. */
    record Parsed(Version version, Map<String, String> metrics) {
    }

    private CvssGrammar() {
    }

    static boolean isBaseOrTemporal(String metric) {
        return BASE_OR_TEMPORAL.contains(metric);
    }

    static boolean isTemporal(String metric) {
        return TEMPORAL.contains(metric);
    }

    /** @throws IllegalArgumentException naming the first thing wrong with {@code vector} */
    static Parsed check(String vector) {
        if (!vector.startsWith("CVSS:")) {
            return new Parsed(Version.V2, v2(vector));
        }
        int slash = vector.indexOf('/');
        String prefix = slash < 0 ? vector : vector.substring(0, slash);
        Version version = switch (prefix) {
            case "CVSS:3.0" -> Version.V3_0;
            case "CVSS:3.1" -> Version.V3_1;
            case "CVSS:4.0" -> throw new IllegalArgumentException("cvss: " + vector
                    + ": CVSS v4.0 is not supported (cvss-calculator scores v2, v3.0 and v3.1 only)");
            default -> throw new IllegalArgumentException("cvss: " + vector + ": unknown version prefix \"" + prefix
                    + "\" (v2 vectors have none, v3 ones CVSS:3.0 or CVSS:3.1)");
        };
        return new Parsed(version, v3(vector, slash < 0 ? "" : vector.substring(slash + 1)));
    }

    private static Map<String, String> v2(String vector) {
        List<String[]> segments = segments(vector, vector);
        List<Map<String, Set<String>>> groups = List.of(V2_BASE, V2_TEMPORAL, V2_ENVIRONMENTAL);
        Map<String, String> out = new LinkedHashMap<>();
        int i = 0;
        for (int g = 0; g < groups.size(); g++) {
            Map<String, Set<String>> group = groups.get(g);
            // Optional groups may be left out entirely: the next group starts where this one would.
            if (g > 0 && (i >= segments.size() || !group.containsKey(segments.get(i)[0]))) {
                continue;
            }
            for (Map.Entry<String, Set<String>> m : group.entrySet()) {
                if (i >= segments.size()) {
                    throw new IllegalArgumentException("cvss: " + vector + ": missing metric " + m.getKey()
                            + " (v2 metric groups are complete and in order)");
                }
                String[] s = segments.get(i++);
                if (!s[0].equals(m.getKey())) {
                    throw new IllegalArgumentException("cvss: " + vector + ": expected metric " + m.getKey()
                            + " but found " + s[0] + " (v2 metric groups are complete and in order)");
                }
                value(vector, m.getKey(), s[1], m.getValue());
                out.put(s[0], s[1]);
            }
        }
        if (i < segments.size()) {
            throw new IllegalArgumentException("cvss: " + vector + ": unexpected metric " + segments.get(i)[0]);
        }
        return out;
    }

    private static Map<String, String> v3(String vector, String body) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String[] s : segments(vector, body)) {
            Set<String> allowed = V3_BASE.containsKey(s[0]) ? V3_BASE.get(s[0]) : V3_OPTIONAL.get(s[0]);
            if (allowed == null) {
                throw new IllegalArgumentException("cvss: " + vector + ": unknown metric " + s[0]);
            }
            value(vector, s[0], s[1], allowed);
            if (out.putIfAbsent(s[0], s[1]) != null) {
                throw new IllegalArgumentException("cvss: " + vector + ": metric " + s[0] + " appears twice");
            }
        }
        for (String m : V3_BASE.keySet()) {
            if (!out.containsKey(m)) {
                throw new IllegalArgumentException("cvss: " + vector + ": missing base metric " + m);
            }
        }
        return out;
    }

    private static List<String[]> segments(String vector, String body) {
        List<String[]> out = new ArrayList<>();
        if (body.isEmpty()) {
            return out;
        }
        for (String seg : body.split("/", -1)) {
            int colon = seg.indexOf(':');
            if (colon <= 0 || colon != seg.lastIndexOf(':') || colon == seg.length() - 1) {
                throw new IllegalArgumentException("cvss: " + vector + ": segment \"" + seg
                        + "\" is not METRIC:VALUE");
            }
            out.add(new String[] {seg.substring(0, colon), seg.substring(colon + 1)});
        }
        return out;
    }

    private static void value(String vector, String metric, String value, Set<String> allowed) {
        if (!allowed.contains(value)) {
            throw new IllegalArgumentException("cvss: " + vector + ": invalid value \"" + value + "\" for metric "
                    + metric);
        }
    }

    /** Metric → allowed values, in the order given: {@code ordered("AV", "L,A,N", ...)}. */
    private static Map<String, Set<String>> ordered(String... pairs) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.put(pairs[i], Set.of(pairs[i + 1].split(",")));
        }
        return out;
    }
}
