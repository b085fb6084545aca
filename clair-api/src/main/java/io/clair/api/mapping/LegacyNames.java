package io.clair.api.mapping;

import io.clair.core.index.Distribution;
import io.clair.core.index.Repository;

/**
 * Clair v2's namespace names ({@code debian:12}, {@code ubuntu:22.04}, {@code alpine:v3.20}, {@code centos:7},
 * {@code oracle:8}, {@code amzn:2}) and version formats, derived from a distribution (or, for language packages,
 * from the repository they come from).
 */
public final class LegacyNames {
    private LegacyNames() {
    }

    public static String namespace(Distribution d, Repository r) {
        if (d == null) {
            return r == null ? "" : r.name();
        }
        String did = d.did();
        String vid = d.versionId().isEmpty() ? d.version() : d.versionId();
        return switch (did) {
            case "alpine" -> {
                String v = d.version().isEmpty() ? vid : d.version();
                yield v.equals("edge") ? "alpine:edge" : "alpine:v" + majorMinor(v);
            }
            case "rhel", "centos", "rocky", "almalinux" -> did + ":" + major(vid);
            case "ol" -> "oracle:" + major(vid);
            default -> did + ":" + vid;
        };
    }

    /** The version format of a namespace's packages. */
    public static String versionFormat(Distribution d, Repository r) {
        if (d == null) {
            return r == null ? "" : switch (r.name()) {
                case "pypi" -> "pep440";
                case "maven" -> "maven";
                case "go", "npm", "crates.io" -> "semver";
                case "rubygems" -> "gem";
                default -> r.name();
            };
        }
        return switch (d.did()) {
            case "debian", "ubuntu" -> "dpkg";
            case "alpine", "wolfi" -> "apk";
            default -> "rpm";
        };
    }

    /** The distribution {@code did} a namespace name refers to ({@code oracle} is {@code ol}). */
    public static String didOf(String namespaceOrDistro) {
        String did = namespaceOrDistro.contains(":") ? namespaceOrDistro.substring(0, namespaceOrDistro.indexOf(':'))
                : namespaceOrDistro;
        return did.equals("oracle") ? "ol" : did;
    }

    private static String majorMinor(String v) {
        String[] p = v.split("\\.");
        return p.length >= 2 ? p[0] + "." + p[1] : v;
    }

    private static String major(String v) {
        int dot = v.indexOf('.');
        return dot < 0 ? v : v.substring(0, dot);
    }

    /**
     * The fixed version to show: Clair writes language fixes as a query string ({@code fixed=1.2.3&introduced=0});
     * Clair v2 clients expect the bare version.
     */
    public static String fixedBy(String fixedInVersion) {
        if (fixedInVersion == null || !fixedInVersion.contains("=")) {
            return fixedInVersion == null ? "" : fixedInVersion;
        }
        for (String part : fixedInVersion.split("&")) {
            if (part.startsWith("fixed=")) {
                return java.net.URLDecoder.decode(part.substring(6), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        return "";
    }
}
