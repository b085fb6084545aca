package io.clair.core.osrelease;

import io.clair.core.index.Distribution;
import io.clair.core.layer.Layer;
import io.clair.core.scan.DistributionScanner;
import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The generic distribution scanner: reports whatever os-release says, for distributions no specific scanner knows.
 * Field mapping follows claircore's {@code osrelease} scanner: {@code ID}, {@code NAME} (defaults {@code linux} and
 * {@code Linux}), {@code VERSION}, {@code VERSION_ID}, {@code VERSION_CODENAME}, {@code PRETTY_NAME}, a valid
 * {@code CPE_NAME}; and, as claircore does for Red Hat's OVAL data, {@code REDHAT_BUGZILLA_PRODUCT} replaces the
 * pretty name when present.
 */
public final class OsReleaseDistributionScanner implements DistributionScanner {
    private static final Logger LOG = LoggerFactory.getLogger(OsReleaseDistributionScanner.class);
    /** CPE 2.2 URI binding or CPE 2.3 formatted string; anything else in CPE_NAME is dropped. */
    private static final Pattern CPE = Pattern.compile("^(cpe:/[aho]?(:[^:\\s]*)*|cpe:2\\.3:[aho*\\-](:[^:\\s]*)+)$");

    @Override
    public String name() {
        return "os-release";
    }

    @Override
    public String version() {
        return "2";
    }

    @Override
    public List<Distribution> scan(Layer layer) throws IOException {
        return ReleaseFiles.osRelease(layer).map(OsReleaseDistributionScanner::toDistribution).stream().toList();
    }

    /** Maps os-release fields to a distribution as described in the class comment. */
    public static Distribution toDistribution(OsRelease os) {
        String cpe = os.get("CPE_NAME");
        if (!cpe.isEmpty() && !CPE.matcher(cpe).matches()) {
            LOG.atWarn().addKeyValue("value", cpe).log("os-release: CPE_NAME is not a CPE, ignoring it");
            cpe = "";
        }
        String pretty = os.has("REDHAT_BUGZILLA_PRODUCT") ? os.get("REDHAT_BUGZILLA_PRODUCT") : os.get("PRETTY_NAME");
        return new Distribution("", os.fields().getOrDefault("ID", "linux"), os.fields().getOrDefault("NAME", "Linux"),
                os.get("VERSION"), os.get("VERSION_CODENAME"), os.get("VERSION_ID"), "", cpe, pretty);
    }
}
