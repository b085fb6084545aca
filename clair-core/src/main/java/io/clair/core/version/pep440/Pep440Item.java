package io.clair.core.version.pep440;

import java.util.ArrayList;
import java.util.List;

/**
 * A candidate for specifier matching: the text as given and its parse, if any. packaging treats a string and a
 * {@code Version} object differently only for {@code ===}, which compares the string as given but a version object by
 * its normalized text; {@link #text()} carries that distinction.
 *
 * @param text    the text {@code ===} compares
 * @param version the parsed version, or {@code null} when the text is no version
 */
public record Pep440Item(String text, Pep440Version version) {

    /** A string candidate. */
    public static Pep440Item of(String s) {
        return new Pep440Item(s, Pep440Version.isValid(s) ? Pep440Version.parse(s) : null);
    }

    /** A parsed-version candidate. */
    public static Pep440Item of(Pep440Version v) {
        return new Pep440Item(v.toString(), v);
    }

    boolean isPrerelease() {
        return version != null && version.isPrerelease();
    }

    /**
     * Applies a pre-release policy to matched items: {@code true} keeps all, {@code false} drops pre-releases, and
     * {@code null} (PEP 440's default) drops them only if a final release matched; texts that are no version are
     * always kept.
     */
    static List<Pep440Item> applyPrereleasePolicy(List<Pep440Item> matches, Boolean prereleases) {
        if (Boolean.TRUE.equals(prereleases)) {
            return matches;
        }
        List<Pep440Item> out = new ArrayList<>();
        if (Boolean.FALSE.equals(prereleases)) {
            for (Pep440Item i : matches) {
                if (!i.isPrerelease()) {
                    out.add(i);
                }
            }
            return out;
        }
        List<Pep440Item> nonFinal = new ArrayList<>();
        List<Pep440Item> arbitrary = new ArrayList<>();
        boolean foundFinal = false;
        for (Pep440Item i : matches) {
            if (i.version == null) {
                if (foundFinal) {
                    out.add(i);
                } else {
                    arbitrary.add(i);
                    nonFinal.add(i);
                }
            } else if (!i.isPrerelease()) {
                if (!foundFinal) {
                    out.addAll(arbitrary);
                    foundFinal = true;
                }
                out.add(i);
            } else if (!foundFinal) {
                nonFinal.add(i);
            }
        }
        return foundFinal ? out : nonFinal;
    }
}
