package io.clair.core.ecosystem.alpine;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a secfixes entry into vulnerability names. Most entries are a plain CVE id, but the real files also hold
 * free text that claircore copies verbatim into the name and into a space-separated link, which breaks both:
 * {@code "CVE-2019-5060 TALOS-2019-0844"}, {@code "CVE_2019-2426"}, {@code "CVE 2018-16859"},
 * {@code "CVE-2017-8073.patch"}, {@code "CVE-2018-14462 (ICMP)"}, {@code "CVE-2017-5753 CVE-2017-5715 XSA-254 XPTI"},
 * {@code "CVE-????-?????  XSA-284"}.
 *
 * <p>Rule: every CVE id in the entry, spelt canonically ({@code CVE-YYYY-N}), is a name of its own; an entry without
 * one is named by its first token that is not a placeholder ({@code XSA-207}, {@code GHSA-...}, {@code wnpa-sec-...}).
 * The parser keeps the raw entry as the description whenever it differs from the name, so nothing is lost.
 */
final class SecDbIds {
    private static final Pattern CVE = Pattern.compile("CVE[-_ ](\\d{4})[-_](\\d{4,})", Pattern.CASE_INSENSITIVE);

    private SecDbIds() {
    }

    /** The names an entry stands for, in order of appearance; empty for an entry with no usable id. */
    static List<String> names(String raw) {
        if (raw == null || raw.isBlank()) {
            return List.of();
        }
        String s = raw.trim();
        Set<String> out = new LinkedHashSet<>();
        Matcher m = CVE.matcher(s);
        while (m.find()) {
            out.add("CVE-" + m.group(1) + "-" + m.group(2));
        }
        if (!out.isEmpty()) {
            return List.copyOf(out);
        }
        for (String token : s.split("\\s+")) {
            if (!token.contains("?") && !token.startsWith("(")) {
                return List.of(token);
            }
        }
        return List.of();
    }
}
