package io.clair.core.version.pep440;

import io.clair.core.version.InvalidVersionException;
import io.clair.core.version.NormalizedVersion;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PEP 440 version, parsed and ordered as pypa/packaging's {@code Version}: epoch, release (trailing zeros do not
 * count), then pre-release ({@code a < b < rc}), post-release, dev-release and local label, where a dev-only release
 * sorts before any pre-release of the same release and a local label sorts after the public version.
 *
 * <p>Spellings are normalized as packaging does ({@code alpha→a}, {@code c/pre/preview→rc}, {@code -N→.postN}, local
 * separators to dots, case-insensitive, a leading {@code v} and surrounding whitespace ignored). Case-insensitivity is
 * ASCII only. Numbers must fit a {@code long}: larger ones are rejected (packaging has no limit).
 */
public final class Pep440Version implements Comparable<Pep440Version> {

    static final String SCHEME = "pep440";

    private static final Pattern PATTERN = Pattern.compile(
            "v?(?:(?:(?<epoch>[0-9]+)!)?(?<release>[0-9]+(?:\\.[0-9]+)*)"
                    + "(?<pre>[-_.]?(?<prel>alpha|a|beta|b|preview|pre|c|rc)[-_.]?(?<pren>[0-9]+)?)?"
                    + "(?<post>(?:-(?<postn1>[0-9]+))|(?:[-_.]?(?<postl>post|rev|r)[-_.]?(?<postn2>[0-9]+)?))?"
                    + "(?<dev>[-_.]?(?<devl>dev)[-_.]?(?<devn>[0-9]+)?)?)"
                    + "(?:\\+(?<local>[a-z0-9]+(?:[-_.][a-z0-9]+)*))?",
            Pattern.CASE_INSENSITIVE);

    private final long epoch;
    private final long[] release;
    private final String preLabel;
    private final long preNumber;
    private final Long post;
    private final Long dev;
    private final List<Object> local;
    // the release without trailing zeros: what ordering and equality use
    private final long[] trimmed;

    private Pep440Version(long epoch, long[] release, String preLabel, long preNumber, Long post, Long dev,
            List<Object> local) {
        this.epoch = epoch;
        this.release = release;
        this.preLabel = preLabel;
        this.preNumber = preNumber;
        this.post = post;
        this.dev = dev;
        this.local = local;
        int n = release.length;
        while (n > 0 && release[n - 1] == 0) {
            n--;
        }
        this.trimmed = Arrays.copyOf(release, n);
    }

    /**
     * Parses a version.
     *
     * @throws InvalidVersionException when packaging would raise {@code InvalidVersion}
     */
    public static Pep440Version parse(String s) {
        if (s == null) {
            throw new InvalidVersionException(SCHEME, "null", "no version");
        }
        Matcher m = PATTERN.matcher(strip(s));
        if (!m.matches()) {
            throw new InvalidVersionException(SCHEME, s, "not a PEP 440 version");
        }
        try {
            long epoch = m.group("epoch") == null ? 0 : Long.parseLong(m.group("epoch"));
            String[] parts = m.group("release").split("\\.");
            long[] release = new long[parts.length];
            for (int i = 0; i < parts.length; i++) {
                release[i] = Long.parseLong(parts[i]);
            }
            String preLabel = null;
            long preNumber = 0;
            if (m.group("prel") != null) {
                preLabel = normalizePre(m.group("prel").toLowerCase(Locale.ROOT));
                preNumber = m.group("pren") == null ? 0 : Long.parseLong(m.group("pren"));
            }
            Long post = null;
            if (m.group("postn1") != null) {
                post = Long.parseLong(m.group("postn1"));
            } else if (m.group("postl") != null) {
                post = m.group("postn2") == null ? 0L : Long.parseLong(m.group("postn2"));
            }
            Long dev = null;
            if (m.group("devl") != null) {
                dev = m.group("devn") == null ? 0L : Long.parseLong(m.group("devn"));
            }
            List<Object> local = null;
            if (m.group("local") != null) {
                local = new ArrayList<>();
                for (String p : m.group("local").toLowerCase(Locale.ROOT).split("[-_.]")) {
                    local.add(p.chars().allMatch(c -> c >= '0' && c <= '9') ? (Object) Long.parseLong(p) : p);
                }
                local = List.copyOf(local);
            }
            return new Pep440Version(epoch, release, preLabel, preNumber, post, dev, local);
        } catch (NumberFormatException e) {
            throw new InvalidVersionException(SCHEME, s, "number too large");
        }
    }

    /** Whether {@code s} parses. */
    public static boolean isValid(String s) {
        try {
            parse(s);
            return true;
        } catch (InvalidVersionException e) {
            return false;
        }
    }

    private static String normalizePre(String l) {
        switch (l) {
            case "alpha":
                return "a";
            case "beta":
                return "b";
            case "c":
            case "pre":
            case "preview":
                return "rc";
            default:
                return l;
        }
    }

    /** Python's {@code str.strip()}: Unicode white space, including the no-break spaces Java does not count. */
    static String strip(String s) {
        int b = 0;
        int e = s.length();
        while (b < e && isPySpace(s.charAt(b))) {
            b++;
        }
        while (e > b && isPySpace(s.charAt(e - 1))) {
            e--;
        }
        return s.substring(b, e);
    }

    private static boolean isPySpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
    }

    public long epoch() {
        return epoch;
    }

    /** The release numbers as written (trailing zeros kept). */
    public long[] release() {
        return release.clone();
    }

    /** "a", "b", "rc", or {@code null}. */
    public String preLabel() {
        return preLabel;
    }

    public long preNumber() {
        return preNumber;
    }

    /** The post-release number, or {@code null}. */
    public Long post() {
        return post;
    }

    /** The dev-release number, or {@code null}. */
    public Long dev() {
        return dev;
    }

    /** The local label normalized ({@code 1.0+Ubuntu-1 → ubuntu.1}), or {@code null}. */
    public String local() {
        if (local == null) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        for (Object o : local) {
            if (b.length() > 0) {
                b.append('.');
            }
            b.append(o);
        }
        return b.toString();
    }

    /** A pre-release or dev-release. */
    public boolean isPrerelease() {
        return preLabel != null || dev != null;
    }

    public boolean isPostrelease() {
        return post != null;
    }

    public boolean isDevrelease() {
        return dev != null;
    }

    /** The version without its local label. */
    public Pep440Version publicVersion() {
        return local == null ? this : new Pep440Version(epoch, release, preLabel, preNumber, post, dev, null);
    }

    /** Epoch and release only. */
    public Pep440Version baseVersion() {
        return new Pep440Version(epoch, release, null, 0, null, null, null);
    }

    /** The same version with the given dev number and no local label (used for range bounds). */
    Pep440Version withDev(Long d) {
        return new Pep440Version(epoch, release, preLabel, preNumber, post, d, null);
    }

    /** The same version with no post- or dev-release and no local label. */
    Pep440Version withoutPostAndDev() {
        return new Pep440Version(epoch, release, preLabel, preNumber, null, null, null);
    }

    @Override
    public int compareTo(Pep440Version o) {
        int c = Long.compare(epoch, o.epoch);
        if (c != 0) {
            return c;
        }
        c = Arrays.compare(trimmed, o.trimmed);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(preRank(), o.preRank());
        if (c != 0) {
            return c;
        }
        if (preLabel != null) {
            c = Long.compare(preNumber, o.preNumber);
            if (c != 0) {
                return c;
            }
        }
        // no post-release sorts before post0
        c = Long.compare(post == null ? -1 : post, o.post == null ? -1 : o.post);
        if (c != 0) {
            return c;
        }
        // no dev-release sorts after every dev-release
        c = Long.compare(dev == null ? Long.MAX_VALUE : dev, o.dev == null ? Long.MAX_VALUE : o.dev);
        if (c != 0) {
            return c;
        }
        return compareLocal(local, o.local);
    }

    /** dev-only (no pre, no post) → 0; a → 1; b → 2; rc → 3; no pre-release → 4. */
    private int preRank() {
        if (preLabel == null) {
            return post == null && dev != null ? 0 : 4;
        }
        switch (preLabel) {
            case "a":
                return 1;
            case "b":
                return 2;
            default:
                return 3;
        }
    }

    private static int compareLocal(List<Object> a, List<Object> b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            Object x = a.get(i);
            Object y = b.get(i);
            int c;
            if (x instanceof Long lx && y instanceof Long ly) {
                c = Long.compare(lx, ly);
            } else if (x instanceof Long) {
                c = 1; // numeric segments sort after alphanumeric ones
            } else if (y instanceof Long) {
                c = -1;
            } else {
                c = ((String) x).compareTo((String) y);
            }
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Pep440Version v && compareTo(v) == 0;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(epoch) * 31 + Arrays.hashCode(trimmed) + preRank();
    }

    /** The normalized form, as packaging's {@code str(Version)}. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        if (epoch != 0) {
            b.append(epoch).append('!');
        }
        for (int i = 0; i < release.length; i++) {
            if (i > 0) {
                b.append('.');
            }
            b.append(release[i]);
        }
        if (preLabel != null) {
            b.append(preLabel).append(preNumber);
        }
        if (post != null) {
            b.append(".post").append(post);
        }
        if (dev != null) {
            b.append(".dev").append(dev);
        }
        if (local != null) {
            b.append('+').append(local());
        }
        return b.toString();
    }

    /**
     * The SQL-filterable form, kind {@code pep440}, in claircore's layout: {@code [0]} epoch, {@code [1..5]} release,
     * {@code [6]} pre-release label ({@code a=-3, b=-2, rc=-1}, none 0, dev-only {@link Integer#MIN_VALUE}),
     * {@code [7]} pre-release number, {@code [8]} post-release, {@code [9]} dev-release.
     *
     * <p>Unlike claircore, an absent post-release is -1 (so {@code 1.0 < 1.0.post0}) and an absent dev-release is
     * {@link Integer#MAX_VALUE} (so {@code 1.0a1.dev1 < 1.0a1.dev2 < 1.0a1}); claircore's encoding misorders both.
     * Empty when order cannot be kept: a local label, more than five significant release numbers, or a number
     * that does not fit.
     */
    public Optional<NormalizedVersion> normalized() {
        if (local != null || trimmed.length > 5) {
            return Optional.empty();
        }
        long[] v = new long[NormalizedVersion.WIDTH];
        v[0] = epoch;
        System.arraycopy(trimmed, 0, v, 1, trimmed.length);
        if (preLabel == null) {
            v[6] = post == null && dev != null ? Integer.MIN_VALUE : 0;
        } else {
            v[6] = "a".equals(preLabel) ? -3 : "b".equals(preLabel) ? -2 : -1;
            v[7] = preNumber;
        }
        v[8] = post == null ? -1 : post;
        v[9] = dev == null ? Integer.MAX_VALUE : dev;
        int[] out = new int[NormalizedVersion.WIDTH];
        for (int i = 0; i < v.length; i++) {
            boolean sentinel = (i == 6 && v[i] == Integer.MIN_VALUE) || (i == 9 && v[i] == Integer.MAX_VALUE);
            // real numbers must stay below the sentinels
            if (!sentinel && (v[i] >= Integer.MAX_VALUE || v[i] < -3)) {
                return Optional.empty();
            }
            out[i] = (int) v[i];
        }
        return Optional.of(new NormalizedVersion(SCHEME, out));
    }
}
