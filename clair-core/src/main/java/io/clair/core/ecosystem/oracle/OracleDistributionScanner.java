package io.clair.core.ecosystem.oracle;

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

/**
 * Detects Oracle Linux 5 and later as {@link OracleDistributions#release(int)}: from os-release ({@code ID=ol} and
 * {@code VERSION_ID}), else from {@code etc/oracle-release}, else from {@code etc/issue} (Oracle Linux 5 has neither
 * of the others), each reading {@code Oracle Linux Server release 7.9}.
 */
public final class OracleDistributionScanner implements DistributionScanner {
    private static final Pattern RELEASE = Pattern.compile("Oracle Linux (?:Server )?release (\\d+)");

    @Override
    public String name() {
        return "oracle";
    }

    @Override
    public String version() {
        return "1";
    }

    @Override
    public List<Distribution> scan(Layer layer) throws IOException {
        Optional<OsRelease> os = ReleaseFiles.osRelease(layer);
        if (os.isPresent() && OracleDistributions.DID.equals(os.get().id())) {
            Optional<Integer> major = ReleaseNumbers.major(os.get().versionId());
            if (major.isPresent()) {
                return List.of(OracleDistributions.release(major.get()));
            }
        }
        for (String path : List.of("etc/oracle-release", "etc/issue")) {
            Optional<Integer> major = ReleaseFiles.readText(layer, path).flatMap(OracleDistributionScanner::releaseOf);
            if (major.isPresent()) {
                return List.of(OracleDistributions.release(major.get()));
            }
        }
        return List.of();
    }

    private static Optional<Integer> releaseOf(String text) {
        Matcher m = RELEASE.matcher(text);
        return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
    }
}
