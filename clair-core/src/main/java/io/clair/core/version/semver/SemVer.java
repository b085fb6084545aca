package io.clair.core.version.semver;

import io.clair.core.version.InvalidVersionException;
import io.clair.core.version.NormalizedVersion;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Semantic Versioning 2.0.0 version, parsed as node-semver 7 parses in strict (non-loose) mode and ordered by
 * SemVer precedence: major, minor, patch, then a version with a pre-release before the same version without; pre-release
 * identifiers compare numerically when both are numeric, numeric before alphanumeric, otherwise as ASCII strings; build
 * metadata never counts.
 *
 * <p>As node-semver: surrounding white space and a leading {@code v} are accepted, at most 256 characters, and each of
 * major, minor and patch at most 2<sup>53</sup>-1.
 *
 * @param major      the major version
 * @param minor      the minor version
 * @param patch      the patch version
 * @param prerelease the pre-release identifiers (empty for a release)
 * @param build      the build metadata identifiers
 */
public record SemVer(long major, long minor, long patch, List<String> prerelease, List<String> build)
        implements Comparable<SemVer> {

    static final String SCHEME = "semver";
    static final int MAX_LENGTH = 256;
    static final long MAX_SAFE_INTEGER = 9007199254740991L;

    static final String NUMERIC = "0|[1-9]\\d*";
    static final String NON_NUMERIC = "\\d*[a-zA-Z-][a-zA-Z0-9-]*";
    static final String PRERELEASE_ID = "(?:" + NON_NUMERIC + "|" + NUMERIC + ")";
    static final String PRERELEASE = "(?:-(" + PRERELEASE_ID + "(?:\\." + PRERELEASE_ID + ")*))";
    static final String BUILD = "(?:\\+([a-zA-Z0-9-]+(?:\\.[a-zA-Z0-9-]+)*))";
    static final String FULL_PLAIN = "v?(" + NUMERIC + ")\\.(" + NUMERIC + ")\\.(" + NUMERIC + ")" + PRERELEASE + "?" + BUILD + "?";
    private static final Pattern FULL = Pattern.compile(FULL_PLAIN);

    public SemVer {
        prerelease = List.copyOf(prerelease);
        build = List.copyOf(build);
    }

    /**
     * Parses a version.
     *
     * @throws InvalidVersionException when node-semver's {@code new SemVer(v)} would throw
     */
    public static SemVer parse(String s) {
        if (s == null) {
            throw new InvalidVersionException(SCHEME, "null", "no version");
        }
        if (s.length() > MAX_LENGTH) {
            throw new InvalidVersionException(SCHEME, s, "longer than " + MAX_LENGTH + " characters");
        }
        Matcher m = FULL.matcher(jsTrim(s));
        if (!m.matches()) {
            throw new InvalidVersionException(SCHEME, s, "not a semantic version");
        }
        long major = component(s, m.group(1));
        long minor = component(s, m.group(2));
        long patch = component(s, m.group(3));
        List<String> pre = m.group(4) == null ? List.of() : List.of(m.group(4).split("\\."));
        List<String> build = m.group(5) == null ? List.of() : List.of(m.group(5).split("\\."));
        return new SemVer(major, minor, patch, pre, build);
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

    private static long component(String s, String digits) {
        if (digits.length() > 16 || Long.parseLong(digits) > MAX_SAFE_INTEGER) {
            throw new InvalidVersionException(SCHEME, s, "number larger than 2^53-1");
        }
        return Long.parseLong(digits);
    }

    /** JavaScript's {@code String.prototype.trim}: ECMAScript white space and line terminators. */
    static String jsTrim(String s) {
        int b = 0;
        int e = s.length();
        while (b < e && isJsSpace(s.charAt(b))) {
            b++;
        }
        while (e > b && isJsSpace(s.charAt(e - 1))) {
            e--;
        }
        return s.substring(b, e);
    }

    static boolean isJsSpace(char c) {
        return c == '\t' || c == '\n' || c == 0x0b || c == '\f' || c == '\r' || c == '\ufeff'
                || Character.getType(c) == Character.SPACE_SEPARATOR || c == '\u2028' || c == '\u2029';
    }

    public boolean isPrerelease() {
        return !prerelease.isEmpty();
    }

    @Override
    public int compareTo(SemVer o) {
        int c = compareMain(o);
        return c != 0 ? c : comparePre(o);
    }

    /** Major, minor and patch only. */
    public int compareMain(SemVer o) {
        int c = Long.compare(major, o.major);
        if (c == 0) {
            c = Long.compare(minor, o.minor);
        }
        if (c == 0) {
            c = Long.compare(patch, o.patch);
        }
        return c;
    }

    private int comparePre(SemVer o) {
        if (prerelease.isEmpty() || o.prerelease.isEmpty()) {
            return prerelease.isEmpty() ? (o.prerelease.isEmpty() ? 0 : 1) : -1;
        }
        for (int i = 0; ; i++) {
            if (i == prerelease.size() || i == o.prerelease.size()) {
                return Integer.compare(prerelease.size(), o.prerelease.size());
            }
            int c = compareIdentifiers(prerelease.get(i), o.prerelease.get(i));
            if (c != 0) {
                return c;
            }
        }
    }

    static int compareIdentifiers(String a, String b) {
        boolean an = isNumeric(a);
        boolean bn = isNumeric(b);
        if (an && bn) {
            return new BigInteger(a).compareTo(new BigInteger(b));
        }
        if (an != bn) {
            return an ? -1 : 1;
        }
        return Integer.signum(a.compareTo(b));
    }

    private static boolean isNumeric(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return !s.isEmpty();
    }

    /** {@code major.minor.patch[-pre]}, without build metadata, as node-semver's {@code version}. */
    @Override
    public String toString() {
        return major + "." + minor + "." + patch + (prerelease.isEmpty() ? "" : "-" + String.join(".", prerelease));
    }

    /**
     * The SQL-filterable form, kind {@code semver}, as claircore lays it out: {@code [0]} epoch 0, {@code [1..3]}
     * major, minor, patch. Empty for a pre-release (claircore drops the pre-release, which would put
     * {@code 1.0.0-rc1} level with {@code 1.0.0}) and for numbers beyond {@code int}.
     */
    public Optional<NormalizedVersion> normalized() {
        if (isPrerelease() || major > Integer.MAX_VALUE || minor > Integer.MAX_VALUE || patch > Integer.MAX_VALUE) {
            return Optional.empty();
        }
        int[] v = new int[NormalizedVersion.WIDTH];
        v[1] = (int) major;
        v[2] = (int) minor;
        v[3] = (int) patch;
        return Optional.of(new NormalizedVersion(SCHEME, v));
    }
}
