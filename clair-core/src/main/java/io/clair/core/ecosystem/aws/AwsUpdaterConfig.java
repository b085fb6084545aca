package io.clair.core.ecosystem.aws;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Configuration of the {@code aws} updater set, bound from {@code clair.updaters.aws.*} (Clair:
 * {@code updaters.config.aws}).
 *
 * @param releases    releases to fetch ({@code AL1}, {@code AL2}, {@code AL2023}); default all three
 * @param mirrorLists mirror list URL per release, overriding {@link AmazonRelease#defaultMirrorList()}; a site mirror
 *                    serves a list of its own repository base URLs, each with {@code repodata/repomd.xml}
 */
public record AwsUpdaterConfig(
        @JsonProperty("releases") List<String> releases,
        @JsonProperty("mirror_lists") Map<String, String> mirrorLists) {

    public AwsUpdaterConfig {
        releases = releases == null || releases.isEmpty()
                ? List.of(AmazonRelease.AL1.name(), AmazonRelease.AL2.name(), AmazonRelease.AL2023.name())
                : List.copyOf(releases);
        mirrorLists = mirrorLists == null ? Map.of() : Map.copyOf(mirrorLists);
        for (String r : releases) {
            release(r);
        }
        for (String r : mirrorLists.keySet()) {
            release(r);
        }
    }

    /** The configured releases, in order. */
    public List<AmazonRelease> amazonReleases() {
        return releases.stream().map(AwsUpdaterConfig::release).distinct().toList();
    }

    /** The mirror list URL of {@code r}: the configured one, else Amazon's. */
    public String mirrorList(AmazonRelease r) {
        Map<AmazonRelease, String> byRelease = new EnumMap<>(AmazonRelease.class);
        mirrorLists.forEach((k, v) -> byRelease.put(release(k), v));
        return byRelease.getOrDefault(r, r.defaultMirrorList());
    }

    private static AmazonRelease release(String s) {
        try {
            return AmazonRelease.valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("aws: unknown release \"" + s + "\" (AL1, AL2 or AL2023)", e);
        }
    }
}
