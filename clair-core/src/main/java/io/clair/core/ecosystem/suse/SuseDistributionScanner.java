package io.clair.core.ecosystem.suse;

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
 * Detects SUSE Linux Enterprise Server and openSUSE Leap as {@link SuseDistributions} values.
 *
 * <p>As in claircore, os-release's {@code CPE_NAME} decides ({@code cpe:/o:suse:sles:15:sp5},
 * {@code cpe:/o:opensuse:leap:15.5}); when it is absent, {@code ID} {@code sles} or {@code opensuse-leap} with
 * {@code VERSION_ID} does. Images older than os-release (SLES 11, Leap 42) are read from {@code etc/SuSE-release}
 * ({@code SUSE Linux Enterprise Server 11 (x86_64)}, {@code openSUSE 42.3 (x86_64)}), which claircore lists but
 * cannot parse. openSUSE before Leap (13.x and older) and Tumbleweed have no release-specific data and are not
 * reported.
 */
public final class SuseDistributionScanner implements DistributionScanner {
    private static final Pattern CPE = Pattern.compile("^cpe:(?:/|2\\.3:)[aho]:([^:]+):([^:]+):([^:]+)");
    private static final Pattern SLES_RELEASE = Pattern.compile("SUSE Linux Enterprise Server (\\d+)");
    private static final Pattern OPENSUSE_RELEASE = Pattern.compile("openSUSE (Leap )?(\\d+)\\.(\\d+)");
    /** The first Leap release; earlier openSUSE numbers (13.2, ...) are not Leap. */
    private static final int FIRST_LEAP = 42;

    @Override
    public String name() {
        return "suse";
    }

    @Override
    public String version() {
        return "v0.0.1";
    }

    @Override
    public List<Distribution> scan(Layer layer) throws IOException {
        Optional<OsRelease> os = ReleaseFiles.osRelease(layer);
        if (os.isPresent()) {
            return fromOsRelease(os.get()).stream().toList();
        }
        return ReleaseFiles.readText(layer, "etc/SuSE-release").flatMap(SuseDistributionScanner::fromSuseRelease)
                .stream().toList();
    }

    static Optional<Distribution> fromOsRelease(OsRelease os) {
        Matcher cpe = CPE.matcher(os.get("CPE_NAME"));
        if (cpe.find()) {
            return fromCpe(cpe.group(1), cpe.group(2), cpe.group(3));
        }
        return switch (os.id()) {
            case SuseDistributions.SLES_DID -> ReleaseNumbers.major(os.versionId()).map(SuseDistributions::sles);
            case SuseDistributions.LEAP_DID -> ReleaseNumbers.majorMinor(os.versionId()).map(SuseDistributions::leap);
            default -> Optional.empty();
        };
    }

    private static Optional<Distribution> fromCpe(String vendor, String product, String version) {
        if (vendor.equals("opensuse") && product.equals("leap")) {
            return ReleaseNumbers.majorMinor(version).map(SuseDistributions::leap);
        }
        if (vendor.equals("suse") && product.equals("sles")) {
            return ReleaseNumbers.major(version).map(SuseDistributions::sles);
        }
        return Optional.empty();
    }

    static Optional<Distribution> fromSuseRelease(String text) {
        Matcher sles = SLES_RELEASE.matcher(text);
        if (sles.find()) {
            return Optional.of(SuseDistributions.sles(Integer.parseInt(sles.group(1))));
        }
        Matcher leap = OPENSUSE_RELEASE.matcher(text);
        if (leap.find() && (leap.group(1) != null || Integer.parseInt(leap.group(2)) >= FIRST_LEAP)) {
            return Optional.of(SuseDistributions.leap(leap.group(2) + "." + leap.group(3)));
        }
        return Optional.empty();
    }
}
