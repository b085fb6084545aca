package io.clair.core.ecosystem.alpine;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the release directories out of the secdb index page. The page is a web-server directory listing; rather than
 * trust its exact markup, every {@code href} is taken and its last path segment kept when it names a release
 * ({@code v3.18}) or {@code edge}. Links to files ({@code last-update}), parents and sorting links are ignored.
 */
final class SecDbIndex {
    private static final Pattern HREF = Pattern.compile("href\\s*=\\s*[\"']([^\"']*)[\"']", Pattern.CASE_INSENSITIVE);
    private static final Pattern RELEASE = Pattern.compile("v?(\\d+)\\.(\\d+)(?:\\.\\d+)?");

    /** Orders {@code v3.9} before {@code v3.10}, with {@code edge} last. */
    static final Comparator<String> RELEASE_ORDER = Comparator.comparing((String r) -> r.equals("edge"))
            .thenComparingInt(r -> r.equals("edge") ? 0 : major(r))
            .thenComparingInt(r -> r.equals("edge") ? 0 : minor(r));

    private SecDbIndex() {
    }

    /** The releases linked from {@code html}, in release order, without duplicates. */
    static List<String> releases(String html) {
        TreeSet<String> out = new TreeSet<>(RELEASE_ORDER);
        Matcher m = HREF.matcher(html);
        while (m.find()) {
            String target = m.group(1);
            int q = target.indexOf('?');
            if (q >= 0) {
                target = target.substring(0, q);
            }
            String[] segments = target.split("/");
            if (segments.length == 0) {
                continue;
            }
            String last = segments[segments.length - 1];
            if (target.endsWith("/") || segments.length == 1) {
                canonical(last).ifPresent(out::add);
            }
        }
        return List.copyOf(out);
    }

    /** {@code 3.18}, {@code v3.18} and {@code v3.18.4} become {@code v3.18}; {@code edge} stays; anything else is empty. */
    static Optional<String> canonical(String release) {
        String r = release.trim().toLowerCase(Locale.ROOT);
        if (r.equals("edge")) {
            return Optional.of(r);
        }
        Matcher m = RELEASE.matcher(r);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of("v" + Integer.parseInt(m.group(1)) + "." + Integer.parseInt(m.group(2)));
    }

    private static int major(String r) {
        return Integer.parseInt(r.substring(1, r.indexOf('.')));
    }

    private static int minor(String r) {
        return Integer.parseInt(r.substring(r.indexOf('.') + 1));
    }
}
