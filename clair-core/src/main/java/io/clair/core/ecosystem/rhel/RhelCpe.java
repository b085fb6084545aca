package io.clair.core.ecosystem.rhel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CPE as Red Hat's data writes it, bound to the CPE 2.3 formatted string claircore stores for Red Hat repositories
 * ({@code cpe:/o:redhat:enterprise_linux:8::baseos} becomes
 * {@code cpe:2.3:o:redhat:enterprise_linux:8:*:baseos:*:*:*:*:*}). Both the VEX updater and the repository scanner
 * bind through this class, so that a repository found in an image and one named in the data compare as strings.
 *
 * <p>Reads the 2.2 URI binding (percent-decoding, packed {@code ~} editions) and the 2.3 formatted string (padded to
 * eleven attributes). As claircore does for Red Hat's VEX "patterns", a {@code *} ending a URI component and any
 * {@code ?} are wildcards ({@code cpe:/a:redhat:openshift:4.*}), not literal characters.
 *
 * @param attributes part, vendor, product, version, update, edition, language, sw_edition, target_sw, target_hw,
 *                   other, each in formatted-string form ({@code *} any, {@code -} not applicable, specials escaped)
 */
public record RhelCpe(List<String> attributes) {
    private static final int SIZE = 11;
    private static final Pattern RELEASE = Pattern.compile("(\\d+)(?:\\.\\d+)*");

    public RhelCpe {
        attributes = List.copyOf(attributes);
        if (attributes.size() != SIZE) {
            throw new IllegalArgumentException("cpe: want " + SIZE + " attributes, got " + attributes.size());
        }
    }

    /** Parses a URI binding ({@code cpe:/...}) or a formatted string ({@code cpe:2.3:...}). */
    public static RhelCpe parse(String s) {
        String t = s == null ? "" : s.trim();
        if (t.startsWith("cpe:/")) {
            return fromUri(t.substring("cpe:/".length()));
        }
        if (t.startsWith("cpe:2.3:")) {
            return fromFormattedString(t.substring("cpe:2.3:".length()));
        }
        throw new IllegalArgumentException("cpe: \"" + s + "\" is neither a cpe:/ URI nor a cpe:2.3: string");
    }

    /** The CPE 2.3 formatted string. */
    public String formatted() {
        return "cpe:2.3:" + String.join(":", attributes);
    }

    public String part() {
        return attributes.get(0);
    }

    public String vendor() {
        return attributes.get(1);
    }

    public String product() {
        return attributes.get(2);
    }

    public String version() {
        return attributes.get(3);
    }

    /**
     * The RHEL major release this CPE names, when it is a main RHEL product ({@code redhat:enterprise_linux}, any part
     * and edition: {@code baseos}, {@code appstream}, {@code crb}, ...) whose version is that release or one of its
     * minors. EUS, AUS, E4S and the layered products are other products and give nothing. CentOS, Rocky and Alma
     * images, which carry {@code cpe:/o:redhat:enterprise_linux:N}, are matched against the records whose repository
     * CPE gives their {@code N} here.
     */
    public Optional<Integer> enterpriseLinuxRelease() {
        if (!vendor().equals("redhat") || !product().equals("enterprise_linux")) {
            return Optional.empty();
        }
        Matcher m = RELEASE.matcher(version().replace("\\.", "."));
        return m.matches() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
    }

    private static RhelCpe fromUri(String rest) {
        String[] comps = rest.split(":", -1);
        if (comps.length > 7) {
            throw new IllegalArgumentException("cpe: too many components in cpe:/" + rest);
        }
        String[] out = new String[SIZE];
        Arrays.fill(out, "*");
        for (int i = 0; i < comps.length; i++) {
            if (i == 5 && comps[i].startsWith("~")) {
                unpackEdition(comps[i], out);
            } else {
                out[i] = uriValue(comps[i]);
            }
        }
        if (!out[0].matches("[aoh*]")) {
            throw new IllegalArgumentException("cpe: part \"" + out[0] + "\" of cpe:/" + rest + " is not a, o or h");
        }
        return new RhelCpe(Arrays.asList(out));
    }

    /** {@code ~edition~sw_edition~target_sw~target_hw~other}, the 2.2 way of carrying the 2.3 extended attributes. */
    private static void unpackEdition(String packed, String[] out) {
        String[] p = packed.substring(1).split("~", -1);
        int[] slots = {5, 7, 8, 9, 10};
        for (int i = 0; i < p.length && i < slots.length; i++) {
            out[slots[i]] = uriValue(p[i]);
        }
    }

    private static String uriValue(String v) {
        if (v.isEmpty()) {
            return "*";
        }
        if (v.equals("-")) {
            return "-";
        }
        String s = v.toLowerCase(Locale.ROOT);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length()) {
                String hex = s.substring(i + 1, i + 3);
                i += 2;
                switch (hex) {
                    case "01" -> b.append('?');
                    case "02" -> b.append('*');
                    default -> literal(b, (char) Integer.parseInt(hex, 16));
                }
            } else if (c == '?' || (c == '*' && i == s.length() - 1)) {
                b.append(c); // a Red Hat pattern wildcard
            } else {
                literal(b, c);
            }
        }
        return b.toString();
    }

    private static void literal(StringBuilder b, char c) {
        if (!(Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-')) {
            b.append('\\');
        }
        b.append(c);
    }

    private static RhelCpe fromFormattedString(String rest) {
        List<String> parts = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (c == '\\' && i + 1 < rest.length()) {
                cur.append(c).append(rest.charAt(++i));
            } else if (c == ':') {
                parts.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(Character.toLowerCase(c));
            }
        }
        parts.add(cur.toString());
        if (parts.size() > SIZE) {
            throw new IllegalArgumentException("cpe: too many attributes in cpe:2.3:" + rest);
        }
        while (parts.size() < SIZE) {
            parts.add("*");
        }
        parts.replaceAll(p -> p.isEmpty() ? "*" : p);
        return new RhelCpe(parts);
    }
}
