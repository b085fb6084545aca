package io.clair.core.ecosystem.rhel;

import io.clair.core.index.Distribution;
import io.clair.core.osrelease.OsRelease;
import io.clair.core.osrelease.OsReleaseDistributionScanner;

/**
 * The RHEL-family {@link Distribution} values shared by the distribution scanner and the Red Hat updaters.
 *
 * <p>Red Hat publishes security data per major release of RHEL, keyed by the CPE
 * {@code cpe:/o:redhat:enterprise_linux:N}. A RHEL image is recorded exactly as claircore records it
 * ({@link #release(int)}). CentOS, Rocky Linux and AlmaLinux are package-for-package rebuilds of RHEL, so this
 * project matches them against Red Hat's data for the same major release: they keep their own identity in {@code did},
 * {@code name} and {@code prettyName} (reports must not call CentOS "RHEL") and carry the RHEL CPE of their major
 * release in {@code cpe}, which is what the matcher keys on, next to {@code versionId} = the major release.
 * claircore itself does not detect these rebuilds.
 */
public final class RhelDistributions {
    public static final String DID = "rhel";
    public static final String NAME = "Red Hat Enterprise Linux Server";
    /** Prefix of the CPE the Red Hat data is keyed by; the major release follows. */
    public static final String CPE_PREFIX = "cpe:/o:redhat:enterprise_linux:";

    private RhelDistributions() {
    }

    /** RHEL {@code major}, as claircore's {@code rhel.mkRelease}. */
    public static Distribution release(int major) {
        String v = Integer.toString(major);
        return new Distribution("", DID, NAME, v, "", v, "", CPE_PREFIX + v, NAME + " " + v);
    }

    /**
     * A RHEL rebuild such as {@code compatible("centos", "CentOS Linux", 7)}: its own {@code did} and {@code name},
     * the RHEL CPE of {@code major}.
     */
    public static Distribution compatible(String did, String name, int major) {
        String v = Integer.toString(major);
        return new Distribution("", did, name, v, "", v, "", CPE_PREFIX + v, name + " " + v);
    }

    /**
     * Red Hat's Hummingbird images, recorded from their os-release as claircore does ({@code ID=hummingbird}, the
     * os-release version fields, CPE and pretty name).
     */
    public static Distribution hummingbird(OsRelease os) {
        Distribution d = OsReleaseDistributionScanner.toDistribution(os);
        return new Distribution("", os.id(), os.get("NAME"), os.get("VERSION"), "", os.versionId(), "", d.cpe(),
                os.get("PRETTY_NAME"));
    }
}
