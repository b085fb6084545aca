package io.clair.core.ecosystem.debian;

import io.clair.core.index.Distribution;
import java.util.Map;
import java.util.Optional;

/**
 * The Debian {@link Distribution} values shared by the distribution scanner and the security-tracker updater, which
 * must agree for matching (the matcher compares {@code did}, {@code name} and {@code versionId}).
 */
public final class DebianDistributions {
    public static final String DID = "debian";
    public static final String NAME = "Debian GNU/Linux";

    /** Release code names Debian has used with a version number; the tracker keys releases by code name. */
    private static final Map<String, String> VERSION_BY_CODENAME = Map.ofEntries(
            Map.entry("buzz", "1.1"), Map.entry("rex", "1.2"), Map.entry("bo", "1.3"), Map.entry("hamm", "2.0"),
            Map.entry("slink", "2.1"), Map.entry("potato", "2.2"), Map.entry("woody", "3.0"),
            Map.entry("sarge", "3.1"), Map.entry("etch", "4"), Map.entry("lenny", "5"), Map.entry("squeeze", "6"),
            Map.entry("wheezy", "7"), Map.entry("jessie", "8"), Map.entry("stretch", "9"),
            Map.entry("buster", "10"), Map.entry("bullseye", "11"), Map.entry("bookworm", "12"),
            Map.entry("trixie", "13"), Map.entry("forky", "14"), Map.entry("duke", "15"));

    private DebianDistributions() {
    }

    /** The numeric version of a release code name, if Debian has numbered it. */
    public static Optional<String> versionOf(String codename) {
        return Optional.ofNullable(VERSION_BY_CODENAME.get(codename));
    }

    /** The code name of a numbered release ({@code 12} gives {@code bookworm}). */
    public static Optional<String> codenameOf(String versionId) {
        return VERSION_BY_CODENAME.entrySet().stream().filter(e -> e.getValue().equals(versionId))
                .map(Map.Entry::getKey).findFirst();
    }

    /** The distribution for a numbered release, e.g. {@code release("12", "bookworm")}. */
    public static Distribution release(String versionId, String codename) {
        return new Distribution("", DID, NAME, versionId + " (" + codename + ")", codename, versionId, "", "",
                NAME + " " + versionId + " (" + codename + ")");
    }
}
