package io.clair.core.version.go;

import io.clair.core.version.InvalidVersionException;
import io.clair.core.version.NormalizedVersion;
import java.util.List;
import java.util.Optional;

/**
 * A Go version: either a module version as {@code golang.org/x/mod/semver} reads it ({@code v1.2.3},
 * {@code v1.2.3-pre.1}, the shorthands {@code v1} and {@code v1.2}, pseudo-versions such as
 * {@code v0.0.0-20210101000000-abcdef123456}, build metadata such as {@code +incompatible}), or a Go toolchain version
 * as the {@code stdlib} and {@code toolchain} packages carry it ({@code go1.21.3}, {@code go1.21rc2}, {@code 1.20}).
 *
 * <p>Toolchain versions are mapped to semver the way the Go vulnerability database does ({@code go1.21rc2 →
 * v1.21.0-rc.2}, {@code go1.20 → v1.20.0}), so both kinds order together. Build metadata never counts.
 *
 * @param major      decimal digits, no leading zero
 * @param minor      decimal digits
 * @param patch      decimal digits
 * @param prerelease pre-release identifiers, empty for a release
 * @param build      build metadata, "" when absent
 */
public record GoVersion(String major, String minor, String patch, List<String> prerelease, String build)
        implements Comparable<GoVersion> {

    static final String SCHEME = "go";

    public GoVersion {
        prerelease = List.copyOf(prerelease);
    }

    /**
     * Parses a module or toolchain version.
     *
     * @throws InvalidVersionException when it is neither
     */
    public static GoVersion parse(String s) {
        if (s == null || s.isEmpty()) {
            throw new InvalidVersionException(SCHEME, String.valueOf(s), "empty version");
        }
        if (s.charAt(0) == 'v') {
            return parseModule(s);
        }
        return parseToolchain(s);
    }

    private static GoVersion parseModule(String s) {
        Cursor c = new Cursor(s, 1);
        String major = c.number();
        if (c.atEnd()) {
            return new GoVersion(major, "0", "0", List.of(), "");
        }
        c.expect('.');
        String minor = c.number();
        if (c.atEnd()) {
            return new GoVersion(major, minor, "0", List.of(), "");
        }
        c.expect('.');
        String patch = c.number();
        List<String> pre = List.of();
        if (c.peek() == '-') {
            pre = c.identifiers(true);
        }
        String build = "";
        if (c.peek() == '+') {
            int from = c.pos;
            c.identifiers(false);
            build = s.substring(from + 1, c.pos);
        }
        if (!c.atEnd()) {
            throw c.invalid("unexpected text after the version");
        }
        return new GoVersion(major, minor, patch, pre, build);
    }

    /** Go's {@code gover} syntax, {@code [go]major[.minor[.patch]][kind[number]]}, then the vulndb semver mapping. */
    private static GoVersion parseToolchain(String s) {
        Cursor c = new Cursor(s, s.startsWith("go") ? 2 : 0);
        String major = c.number();
        String minor = "0";
        String patch = "0";
        if (!c.atEnd()) {
            c.expect('.');
            minor = c.number();
        }
        if (c.peek() == '.') {
            c.pos++;
            patch = c.number();
            if (!c.atEnd()) {
                throw c.invalid("a patch release has no pre-release");
            }
            return new GoVersion(major, minor, patch, List.of(), "");
        }
        if (c.atEnd()) {
            return new GoVersion(major, minor, patch, List.of(), "");
        }
        int from = c.pos;
        while (!c.atEnd() && c.peek() >= 'a' && c.peek() <= 'z') {
            c.pos++;
        }
        if (c.pos == from) {
            throw c.invalid("bad pre-release");
        }
        String kind = s.substring(from, c.pos);
        if (c.atEnd()) {
            return new GoVersion(major, minor, patch, List.of(kind), "");
        }
        String n = c.number();
        if (!c.atEnd()) {
            throw c.invalid("unexpected text after the version");
        }
        return new GoVersion(major, minor, patch, List.of(kind, n), "");
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

    @Override
    public int compareTo(GoVersion o) {
        int c = compareInt(major, o.major);
        if (c == 0) {
            c = compareInt(minor, o.minor);
        }
        if (c == 0) {
            c = compareInt(patch, o.patch);
        }
        if (c != 0) {
            return c;
        }
        if (prerelease.isEmpty() || o.prerelease.isEmpty()) {
            return prerelease.isEmpty() ? (o.prerelease.isEmpty() ? 0 : 1) : -1;
        }
        for (int i = 0; i < Math.min(prerelease.size(), o.prerelease.size()); i++) {
            String a = prerelease.get(i);
            String b = o.prerelease.get(i);
            boolean an = isNum(a);
            boolean bn = isNum(b);
            if (an != bn) {
                return an ? -1 : 1;
            }
            c = an ? compareInt(a, b) : Integer.signum(a.compareTo(b));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(prerelease.size(), o.prerelease.size());
    }

    /** Decimal strings without leading zeros: the longer is larger, else compare as text. */
    private static int compareInt(String a, String b) {
        if (a.length() != b.length()) {
            return a.length() < b.length() ? -1 : 1;
        }
        return Integer.signum(a.compareTo(b));
    }

    private static boolean isNum(String s) {
        return s.chars().allMatch(ch -> ch >= '0' && ch <= '9');
    }

    private static final java.util.regex.Pattern PSEUDO = java.util.regex.Pattern.compile(
            "v[0-9]+\\.(0\\.0-|\\d+\\.\\d+-([^+]*\\.)?0\\.)\\d{14}-[A-Za-z0-9]+(\\+[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?");

    /** A pseudo-version ({@code vX.0.0-yyyymmddhhmmss-abcdefabcdef} and its variants), by x/mod's pattern. */
    public boolean isPseudo() {
        String v = toString();
        return v.chars().filter(ch -> ch == '-').count() >= 2 && PSEUDO.matcher(v).matches();
    }

    /** The canonical semver text, {@code vMAJOR.MINOR.PATCH[-PRE][+BUILD]}. */
    @Override
    public String toString() {
        return "v" + major + "." + minor + "." + patch + (prerelease.isEmpty() ? "" : "-" + String.join(".", prerelease))
                + (build.isEmpty() ? "" : "+" + build);
    }

    /**
     * The SQL-filterable form, kind {@code semver} as claircore's {@code gobin} uses it: {@code [1..3]} major, minor,
     * patch. Empty for pre-releases (pseudo-versions included) and numbers beyond {@code int}.
     */
    public Optional<NormalizedVersion> normalized() {
        if (!prerelease.isEmpty() || major.length() > 9 || minor.length() > 9 || patch.length() > 9) {
            return Optional.empty();
        }
        int[] v = new int[NormalizedVersion.WIDTH];
        v[1] = Integer.parseInt(major);
        v[2] = Integer.parseInt(minor);
        v[3] = Integer.parseInt(patch);
        return Optional.of(new NormalizedVersion("semver", v));
    }

    /** A small scanner over the version text. */
    private static final class Cursor {
        private final String s;
        private int pos;

        Cursor(String s, int pos) {
            this.s = s;
            this.pos = pos;
        }

        boolean atEnd() {
            return pos >= s.length();
        }

        char peek() {
            return atEnd() ? '\0' : s.charAt(pos);
        }

        void expect(char ch) {
            if (peek() != ch) {
                throw invalid("expected '" + ch + "'");
            }
            pos++;
        }

        /** Decimal digits with no needless leading zero. */
        String number() {
            int from = pos;
            while (!atEnd() && peek() >= '0' && peek() <= '9') {
                pos++;
            }
            if (pos == from || (s.charAt(from) == '0' && pos - from > 1)) {
                throw invalid("bad number");
            }
            return s.substring(from, pos);
        }

        /** {@code -id.id...} or {@code +id.id...}: non-empty {@code [0-9A-Za-z-]} runs; numeric pre-release ids without leading zeros. */
        List<String> identifiers(boolean prerelease) {
            pos++;
            int from = pos;
            java.util.ArrayList<String> ids = new java.util.ArrayList<>();
            while (true) {
                int start = pos;
                while (!atEnd() && (Character.isLetterOrDigit(peek()) && peek() < 128 || peek() == '-')) {
                    pos++;
                }
                String id = s.substring(start, pos);
                if (id.isEmpty() || (prerelease && id.length() > 1 && id.charAt(0) == '0' && isNum(id))) {
                    throw invalid("bad identifier");
                }
                ids.add(id);
                if (peek() != '.') {
                    break;
                }
                pos++;
            }
            return from == pos ? List.of() : ids;
        }

        InvalidVersionException invalid(String reason) {
            return new InvalidVersionException(SCHEME, s, reason);
        }
    }
}
