package io.clair.core.version.apk;

import io.clair.core.version.InvalidVersionException;

/**
 * An Alpine package version, {@code digit{.digit}...{letter}{_suffix{#}}...{-r#}}, ordered as apk-tools 2.14 orders
 * it (the version in Alpine 3.20).
 *
 * <p>{@link #parse} accepts exactly what {@code apk version -c} accepts. {@link #compareStrings} is the tool's
 * comparison itself, which also orders invalid versions (as {@code apk version -t} does); the scheme uses the strict
 * form so that a malformed version is reported rather than silently ordered.
 *
 * @param text the version as given
 */
public record ApkVersion(String text) implements Comparable<ApkVersion> {

    static final String SCHEME = "apk";

    public ApkVersion {
        if (!isValid(text)) {
            throw new InvalidVersionException(SCHEME, String.valueOf(text), "not digit{.digit}...{letter}{_suf{#}}...{-r#}");
        }
    }

    /**
     * Parses a version.
     *
     * @throws InvalidVersionException when apk-tools would reject it
     */
    public static ApkVersion parse(String s) {
        return new ApkVersion(s);
    }

    /** apk's {@code apk_version_validate}, except that the empty string is not a version here. */
    public static boolean isValid(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        ApkTokenizer t = new ApkTokenizer(s);
        while (t.type != ApkTokenizer.END && t.type != ApkTokenizer.INVALID) {
            t.next();
        }
        return t.type == ApkTokenizer.END;
    }

    @Override
    public int compareTo(ApkVersion o) {
        return compareStrings(text, o.text);
    }

    /**
     * {@code apk version -t a b} as -1, 0, 1 for {@code <}, {@code =}, {@code >}, for any two non-empty strings.
     * Tokens are compared pairwise while their types agree; then a pre-release suffix ({@code _alpha} .. {@code _rc})
     * or an invalid suffix makes its side older, and otherwise the side whose next token comes earlier in
     * {@code digit < letter < suffix < suffix number < revision < end} is newer.
     */
    public static int compareStrings(String a, String b) {
        ApkTokenizer ta = new ApkTokenizer(a);
        ApkTokenizer tb = new ApkTokenizer(b);
        long av = 0;
        long bv = 0;
        while (ta.type == tb.type && ta.type != ApkTokenizer.END && ta.type != ApkTokenizer.INVALID && av == bv) {
            av = ta.next();
            bv = tb.next();
        }
        if (av != bv) {
            return av < bv ? -1 : 1;
        }
        int at = ta.type;
        int bt = tb.type;
        if (at == bt) {
            return 0;
        }
        // peeking at the suffix value moves the tokenizer, so the types are kept from before
        if (at == ApkTokenizer.SUFFIX && ta.next() < 0) {
            return -1;
        }
        if (bt == ApkTokenizer.SUFFIX && tb.next() < 0) {
            return 1;
        }
        return Integer.compare(bt, at);
    }

    @Override
    public String toString() {
        return text;
    }
}
