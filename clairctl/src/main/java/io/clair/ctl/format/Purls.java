package io.clair.ctl.format;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import io.clair.api.v4.DistributionDto;
import io.clair.api.v4.PackageDto;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * Package URLs for Clair's packages where the scanner found none (Clair's wire format has no purl field, so reports
 * from a server never carry one): built from what the report does carry. Language packages take their type from
 * their repository ({@code pypi}, {@code maven} with {@code group:artifact} names, {@code npm}, {@code go},
 * {@code crates.io}, {@code rubygems}); OS packages from the distribution (apk for Alpine-like, deb for
 * Debian-like, rpm for the Red Hat and SUSE families) or else from the package database path, with the
 * distribution id as namespace and {@code arch}, {@code distro} and {@code epoch} qualifiers as the purl spec's
 * examples use them. Anything else is {@code pkg:generic}.
 */
final class Purls {
    private Purls() {
    }

    static String of(PackageDto p, DistributionDto d, String packageDb) {
        return of(p, d, packageDb, List.of());
    }

    /** @param repositories the names of the package's repositories, e.g. {@code pypi} */
    static String of(PackageDto p, DistributionDto d, String packageDb, List<String> repositories) {
        for (String repo : repositories) {
            String lang = language(repo, p);
            if (lang != null) {
                return lang;
            }
        }
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

    /** A language package's purl from its repository name, or null for other repositories. */
    private static String language(String repository, PackageDto p) {
        String type = switch (repository == null ? "" : repository) {
            case "pypi" -> "pypi";
            case "maven" -> "maven";
            case "npm" -> "npm";
            case "go" -> "golang";
            case "crates.io" -> "cargo";
            case "rubygems" -> "gem";
            default -> null;
        };
        if (type == null) {
            return null;
        }
        String name = p.name();
        String namespace = null;
        int cut = type.equals("maven") ? name.indexOf(':') : type.equals("golang") || type.equals("npm")
                ? name.lastIndexOf('/') : -1;
        if (cut > 0) {
            namespace = name.substring(0, cut);
            name = name.substring(cut + 1);
        }
        try {
            return new PackageURL(type, namespace, name, p.version() == null || p.version().isEmpty() ? null
                    : p.version(), null, null).canonicalize();
        } catch (MalformedPackageURLException e) {
            return null;
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
