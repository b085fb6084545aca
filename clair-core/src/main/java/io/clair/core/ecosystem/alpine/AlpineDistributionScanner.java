package io.clair.core.ecosystem.alpine;

import io.clair.core.index.Distribution;
import io.clair.core.layer.Layer;
import io.clair.core.osrelease.OsRelease;
import io.clair.core.osrelease.ReleaseFiles;
import io.clair.core.osrelease.ReleaseNumbers;
import io.clair.core.scan.DistributionScanner;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Detects Alpine Linux, normalized to its {@code MAJOR.MINOR} release (the granularity of Alpine's secdb) or
 * {@code edge}, as {@link AlpineDistributions#release(String)}.
 *
 * <p>Sources, first match wins: os-release ({@code ID=alpine}; {@code PRETTY_NAME="Alpine Linux edge"} means edge),
 * {@code etc/alpine-release} (an {@code _alpha} snapshot means edge), then {@code etc/issue} ({@code Welcome to
 * Alpine Linux 3.18}, or {@code ... 3.19_alpha20230901 (edge)}), as claircore's scanner does minus alpine-release.
 */
public final class AlpineDistributionScanner implements DistributionScanner {
    private static final Logger LOG = LoggerFactory.getLogger(AlpineDistributionScanner.class);
    private static final String EDGE_PRETTY_NAME = AlpineDistributions.NAME + " edge";
    private static final Pattern ISSUE_EDGE = Pattern.compile("Alpine Linux \\d+\\.\\w+ \\(edge\\)");
    private static final Pattern ISSUE = Pattern.compile("Alpine Linux (\\d+\\.\\d+)");

    @Override
    public String name() {
        return "alpine";
    }

    @Override
    public String version() {
        return "3";
    }

    @Override
    public List<Distribution> scan(Layer layer) throws IOException {
        Optional<String> release = fromOsRelease(layer);
        if (release.isEmpty()) {
            release = ReleaseFiles.readText(layer, "etc/alpine-release")
                    .flatMap(AlpineDistributionScanner::fromAlpineRelease);
        }
        if (release.isEmpty()) {
            release = ReleaseFiles.readText(layer, "etc/issue").flatMap(AlpineDistributionScanner::fromIssue);
        }
        return release.map(AlpineDistributions::release).stream().toList();
    }

    private static Optional<String> fromOsRelease(Layer layer) throws IOException {
        Optional<OsRelease> os = ReleaseFiles.osRelease(layer);
        if (os.isEmpty() || !AlpineDistributions.DID.equals(os.get().id())) {
            return Optional.empty();
        }
        if (EDGE_PRETTY_NAME.equals(os.get().get("PRETTY_NAME"))) {
            return Optional.of("edge");
        }
        Optional<String> release = ReleaseNumbers.majorMinor(os.get().versionId());
        if (release.isEmpty()) {
            LOG.atDebug().addKeyValue("layer", layer.digest()).addKeyValue("VERSION_ID", os.get().versionId())
                    .log("alpine: os-release VERSION_ID is not MAJOR.MINOR");
        }
        return release;
    }

    /** {@code 3.20.3} is release 3.20; an {@code _alpha} snapshot such as {@code 3.19_alpha20230901} is edge. */
    static Optional<String> fromAlpineRelease(String text) {
        String v = text.strip();
        if (v.contains("_alpha")) {
            return Optional.of("edge");
        }
        return v.matches("\\d+\\.\\d+(\\.\\d+)?(_\\w+)?") ? ReleaseNumbers.majorMinor(v) : Optional.empty();
    }

    static Optional<String> fromIssue(String text) {
        if (ISSUE_EDGE.matcher(text).find()) {
            return Optional.of("edge");
        }
        Matcher m = ISSUE.matcher(text);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
