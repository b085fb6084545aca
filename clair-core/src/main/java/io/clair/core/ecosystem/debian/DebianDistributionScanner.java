package io.clair.core.ecosystem.debian;

import io.clair.core.index.Distribution;
import io.clair.core.layer.Layer;
import io.clair.core.osrelease.OsRelease;
import io.clair.core.osrelease.ReleaseFiles;
import io.clair.core.scan.DistributionScanner;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Detects Debian from os-release ({@code ID=debian}) as {@link DebianDistributions#release(String, String)}: the
 * numeric {@code VERSION_ID} plus the code name from {@code VERSION_CODENAME}, else from the {@code (bookworm)} at
 * the end of {@code VERSION} (distroless images write {@code VERSION="Debian GNU/Linux 12 (bookworm)"}).
 *
 * <p>Where claircore gives up, this scanner fills the gap from data Debian itself provides: a missing
 * {@code VERSION_ID} (testing, sid, minimal os-release files in old layers) comes from {@code etc/debian_version}
 * ({@code 12.7}, or {@code trixie/sid} whose code name is then numbered), and a missing code name from the release
 * number, both through {@link DebianDistributions}. A file that still yields no number and code name is logged and
 * reported as no distribution.
 */
public final class DebianDistributionScanner implements DistributionScanner {
    private static final Logger LOG = LoggerFactory.getLogger(DebianDistributionScanner.class);
    private static final Pattern VERSION_CODENAME = Pattern.compile("\\((\\w+)\\)$");
    private static final Pattern NUMBER = Pattern.compile("\\d+");
    private static final Pattern LEADING_NUMBER = Pattern.compile("^(\\d+)");

    @Override
    public String name() {
        return "debian";
    }

    @Override
    public String version() {
        return "3";
    }

    @Override
    public List<Distribution> scan(Layer layer) throws IOException {
        Optional<OsRelease> found = ReleaseFiles.osRelease(layer);
        if (found.isEmpty() || !DebianDistributions.DID.equals(found.get().id())) {
            return List.of();
        }
        OsRelease os = found.get();
        String codename = os.get("VERSION_CODENAME");
        if (codename.isEmpty()) {
            Matcher m = VERSION_CODENAME.matcher(os.get("VERSION"));
            codename = m.find() ? m.group(1) : "";
        }
        String versionId = os.versionId();
        if (versionId.isEmpty()) {
            String dv = ReleaseFiles.readText(layer, "etc/debian_version").orElse("").strip();
            Matcher number = LEADING_NUMBER.matcher(dv);
            if (number.find()) {
                versionId = number.group(1);
            } else if (codename.isEmpty() && dv.contains("/")) {
                codename = dv.substring(0, dv.indexOf('/'));
            }
            if (versionId.isEmpty()) {
                versionId = DebianDistributions.versionOf(codename).orElse("");
            }
        }
        if (codename.isEmpty()) {
            codename = DebianDistributions.codenameOf(versionId).orElse("");
        }
        if (!NUMBER.matcher(versionId).matches() || codename.isEmpty()) {
            LOG.atInfo().addKeyValue("layer", layer.digest()).addKeyValue("VERSION_ID", os.versionId())
                    .addKeyValue("codename", codename)
                    .log("debian: os-release names Debian but no numbered release, ignoring it");
            return List.of();
        }
        return List.of(DebianDistributions.release(versionId, codename));
    }
}
