package io.clair.core.version.pep440;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One PEP 440 version specifier ({@code >=1.0}, {@code ==1.*}, {@code ~=2.2}, {@code !=1.5}, {@code ===foobar}),
 * parsed and matched as pypa/packaging's {@code Specifier}.
 *
 * <ul>
 *   <li>{@code ==V} compares the public version (local label dropped) unless V has a local label; {@code ==V.*}
 *       matches every version whose release, zero-padded, starts with V's release; {@code !=} is the negation.</li>
 *   <li>{@code <=V}, {@code >=V} compare the public version.</li>
 *   <li>{@code <V} excludes the pre-releases of V itself unless V is a pre-release; {@code >V} excludes V's
 *       post-releases unless V is one, and local variants of V.</li>
 *   <li>{@code ~=V} is {@code >=V} together with {@code ==V'.*}, V' being V's release without its last number.</li>
 *   <li>{@code ===S} compares text, ignoring case.</li>
 * </ul>
 *
 * <p>Pre-releases: an explicit {@code prereleases} setting (on the call, else on the specifier) of {@code false}
 * rejects them; otherwise they match (PEP 440 admits a pre-release when it is the only candidate).
 */
public final class Pep440Specifier {

    private static final String PRE = "(?:[-_.]?(?:alpha|beta|preview|pre|a|b|c|rc)[-_.]?[0-9]*)?";
    private static final String POST = "(?:(?:-[0-9]+)|(?:[-_.]?(?:post|rev|r)[-_.]?[0-9]*))?";
    private static final String DEV = "(?:[-_.]?dev[-_.]?[0-9]*)?";
    private static final String WS = "\\s*";
    private static final Pattern SPEC = Pattern.compile(WS + "(?:"
            + "(?:===" + WS + "[^\\s;)]*)"
            + "|(?:(?:==|!=)" + WS + "v?(?:[0-9]+!)?[0-9]+(?:\\.[0-9]+)*"
            + "(?:\\.\\*|" + PRE + POST + DEV + "(?:\\+[a-z0-9]+(?:[-_.][a-z0-9]+)*)?)?)"
            + "|(?:~=" + WS + "v?(?:[0-9]+!)?[0-9]+(?:\\.[0-9]+)+" + PRE + POST + DEV + ")"
            + "|(?:(?:<=|>=|<|>)" + WS + "v?(?:[0-9]+!)?[0-9]+(?:\\.[0-9]+)*" + PRE + POST + DEV + ")"
            + ")" + WS, Pattern.CASE_INSENSITIVE);

    private final String operator;
    private final String version;
    private final Boolean prereleases;
    private final Pep440Version specVersion;

    private Pep440Specifier(String operator, String version, Boolean prereleases) {
        this.operator = operator;
        this.version = version;
        this.prereleases = prereleases;
        Pep440Version v = null;
        if (!"===".equals(operator)) {
            v = Pep440Version.parse(version.endsWith(".*") ? version.substring(0, version.length() - 2) : version);
        }
        this.specVersion = v;
    }

    /** Parses a specifier with the default pre-release policy. */
    public static Pep440Specifier parse(String spec) {
        return parse(spec, null);
    }

    /**
     * Parses a specifier.
     *
     * @param prereleases {@code true}/{@code false} to admit/reject pre-releases, {@code null} for the default
     * @throws IllegalArgumentException where packaging raises {@code InvalidSpecifier}
     */
    public static Pep440Specifier parse(String spec, Boolean prereleases) {
        if (!SPEC.matcher(spec).matches()) {
            throw new IllegalArgumentException("pep440: invalid specifier \"" + spec + "\"");
        }
        String s = spec.strip();
        String op;
        if (s.startsWith("===")) {
            op = "===";
        } else if (s.startsWith("~=") || s.startsWith("==") || s.startsWith("!=") || s.startsWith("<=") || s.startsWith(">=")) {
            op = s.substring(0, 2);
        } else {
            op = s.substring(0, 1);
        }
        try {
            return new Pep440Specifier(op, s.substring(op.length()).strip(), prereleases);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("pep440: invalid specifier \"" + spec + "\": " + e.getMessage(), e);
        }
    }

    public String operator() {
        return operator;
    }

    public String version() {
        return version;
    }

    /** The explicit pre-release setting, or {@code null}. */
    public Boolean explicitPrereleases() {
        return prereleases;
    }

    /** The same specifier with another explicit pre-release setting. */
    public Pep440Specifier withPrereleases(Boolean p) {
        return new Pep440Specifier(operator, version, p);
    }

    /**
     * packaging's {@code prereleases} property: the explicit setting, else whether the specifier names a pre-release
     * ({@code false} for {@code !=} and {@code ==V.*}; {@code null} for {@code ===} with a non-version).
     */
    public Boolean prereleases() {
        if (prereleases != null) {
            return prereleases;
        }
        if ("!=".equals(operator) || ("==".equals(operator) && version.endsWith(".*"))) {
            return false;
        }
        if ("===".equals(operator)) {
            return Pep440Version.isValid(version) ? Pep440Version.parse(version).isPrerelease() : null;
        }
        return specVersion.isPrerelease();
    }

    /** {@link #contains(String, Boolean)} with the default pre-release policy. */
    public boolean contains(String item) {
        return contains(item, null);
    }

    /** Whether the version text matches; a string that is no version matches only {@code ===}. */
    public boolean contains(String item, Boolean prereleases) {
        return !filter(List.of(Pep440Item.of(item)), prereleases).isEmpty();
    }

    /** Whether an already parsed version matches ({@code ===} then compares its normalized text). */
    public boolean contains(Pep440Version item, Boolean prereleases) {
        return !filter(List.of(Pep440Item.of(item)), prereleases).isEmpty();
    }

    /**
     * packaging's {@code Specifier.filter}: the matching items in order; with the default policy, pre-releases are
     * kept only when no final release matches.
     */
    public List<Pep440Item> filter(List<Pep440Item> items, Boolean prereleases) {
        Boolean pre = resolve(prereleases);
        List<Pep440Item> matches = new ArrayList<>();
        for (Pep440Item item : items) {
            if ("===".equals(operator)) {
                if (item.text().toLowerCase(Locale.ROOT).equals(version.toLowerCase(Locale.ROOT))) {
                    matches.add(item);
                }
            } else if (item.version() != null && matches(item.version())) {
                matches.add(item);
            }
        }
        return Pep440Item.applyPrereleasePolicy(matches, pre);
    }

    private Boolean resolve(Boolean prereleases) {
        if (prereleases != null) {
            return prereleases;
        }
        if (this.prereleases != null) {
            return this.prereleases;
        }
        return Boolean.TRUE.equals(prereleases()) ? Boolean.TRUE : null;
    }

    /** The operator alone, without any pre-release policy; never called for {@code ===}. */
    boolean matches(Pep440Version v) {
        switch (operator) {
            case "==":
                return version.endsWith(".*") ? prefixMatch(v) : equalTo(v);
            case "!=":
                return version.endsWith(".*") ? !prefixMatch(v) : !equalTo(v);
            case "<=":
                return v.publicVersion().compareTo(specVersion) <= 0;
            case ">=":
                return v.publicVersion().compareTo(specVersion) >= 0;
            case "<":
                return lessThan(v);
            case ">":
                return greaterThan(v);
            case "~=":
                return v.publicVersion().compareTo(specVersion) >= 0 && compatiblePrefixMatch(v);
            default:
                throw new IllegalStateException("pep440: operator " + operator);
        }
    }

    private boolean equalTo(Pep440Version v) {
        return specVersion.local() != null ? v.compareTo(specVersion) == 0
                : v.publicVersion().compareTo(specVersion) == 0;
    }

    private boolean prefixMatch(Pep440Version v) {
        return v.epoch() == specVersion.epoch() && releaseStartsWith(v.release(), specVersion.release());
    }

    private boolean compatiblePrefixMatch(Pep440Version v) {
        long[] rel = specVersion.release();
        return v.epoch() == specVersion.epoch() && releaseStartsWith(v.release(), Arrays.copyOf(rel, rel.length - 1));
    }

    private static boolean releaseStartsWith(long[] release, long[] prefix) {
        for (int i = 0; i < prefix.length; i++) {
            long r = i < release.length ? release[i] : 0;
            if (r != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private boolean lessThan(Pep440Version v) {
        if (v.compareTo(specVersion) >= 0) {
            return false;
        }
        // "<V" does not admit V's own pre-releases (V.devN, VaN, ...), unless V is itself a pre-release
        if (!specVersion.isPrerelease() && v.isPrerelease()) {
            Pep440Version floor = specVersion.withDev(0L);
            if (specVersion.post() == null) {
                floor = specVersion.baseVersion().withDev(0L);
            }
            return v.publicVersion().compareTo(floor) < 0;
        }
        return true;
    }

    private boolean greaterThan(Pep440Version v) {
        if (v.compareTo(specVersion) <= 0) {
            return false;
        }
        // ">V" does not admit V's post-releases unless V is one, nor V with a local label
        if (specVersion.post() == null && v.post() != null && specVersion.dev() == null
                && v.withoutPostAndDev().compareTo(specVersion) == 0) {
            return false;
        }
        return v.local() == null || v.publicVersion().compareTo(specVersion) != 0;
    }

    @Override
    public String toString() {
        return operator + version;
    }
}
