package io.clair.ctl.format;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import io.clair.api.v4.DistributionDto;
import io.clair.api.v4.PackageDto;
import java.util.Locale;
import java.util.TreeMap;

/**
 * Package URLs for Clair's packages. Clair's reports carry no purl, so one is built from what they do carry: the
 * package type from the distribution (apk for Alpine-like, deb for Debian-like, rpm for the Red Hat and SUSE
 * families) or else from the package database path, the distribution id as namespace, and {@code arch},
 * {@code distro} and {@code epoch} qualifiers as the purl spec's examples use them. Anything else is
 * {@code pkg:generic}.
 */
final class Purls {
    private Purls() {
    }

    static String of(PackageDto p, DistributionDto d, String packageDb) {
        String did = d == null || d.did() == null ? "" : d.did().toLowerCase(Locale.ROOT);
        String type = type(did, packageDb == null ? "" : packageDb.toLowerCase(Locale.ROOT));
        String version = p.version() == null ? "" : p.version();
        TreeMap<String, String> q = new TreeMap<>();
        if (p.arch() != null && !p.arch().isBlank()) {
            q.put("arch", p.arch());
        }
        if (!did.isEmpty()) {
            String v = d.versionId() != null && !d.versionId().isBlank() ? d.versionId() : d.version();
            q.put("distro", v == null || v.isBlank() ? did : did + "-" + v);
        }
        if (type.equals("rpm") && version.matches("\\d+:.*")) {
            // rpm versions come as epoch:version-release; purl keeps the epoch as a qualifier
            q.put("epoch", version.substring(0, version.indexOf(':')));
            version = version.substring(version.indexOf(':') + 1);
        }
        String namespace = type.equals("generic") || did.isEmpty() ? null : did;
        try {
            return new PackageURL(type, namespace, p.name(), version.isEmpty() ? null : version,
                    q.isEmpty() ? null : q, null).canonicalize();
        } catch (MalformedPackageURLException e) {
            try {
                return new PackageURL("generic", null, p.name(), version.isEmpty() ? null : version, null, null)
                        .canonicalize();
            } catch (MalformedPackageURLException e2) {
                return "pkg:generic/" + java.net.URLEncoder.encode(p.name(), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
    }

    private static String type(String did, String packageDb) {
        switch (did) {
            case "alpine", "wolfi", "chainguard":
                return "apk";
            case "debian", "ubuntu":
                return "deb";
            case "rhel", "centos", "fedora", "rocky", "almalinux", "ol", "amzn", "photon", "sles", "opensuse-leap",
                    "opensuse":
                return "rpm";
            default:
                break;
        }
        if (packageDb.contains("apk")) {
            return "apk";
        }
        if (packageDb.contains("dpkg")) {
            return "deb";
        }
        if (packageDb.contains("rpm")) {
            return "rpm";
        }
        return "generic";
    }
}
