package io.clair.ctl.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clair.api.v4.DistributionDto;
import io.clair.api.v4.EnvironmentDto;
import io.clair.api.v4.PackageDto;
import io.clair.api.v4.RepositoryDto;
import io.clair.api.v4.VulnerabilityDto;
import io.clair.api.v4.VulnerabilityReportDto;
import io.clair.core.vuln.Severity;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A vulnerability report shaped like a Debian image's, covering what the formats must handle: a vulnerability
 * shared by two binary packages of one source, a package with two findings of different severity, an unfixed
 * one, an OSV-style URL-encoded fixed version on a package without a distribution, every severity but Unknown,
 * and a clean package.
 */
public final class SampleReports {
    public static final String DIGEST = "sha256:" + "1f".repeat(32);
    public static final String REFERENCE = "registry.example.com/shop/web:1.4";
    public static final String DPKG = "var/lib/dpkg/status";
    private static final ObjectMapper JSON = new ObjectMapper();

    private SampleReports() {
    }

    public static VulnerabilityReportDto report() {
        DistributionDto debian = new DistributionDto("1", "debian", "Debian GNU/Linux", "12 (bookworm)", "bookworm",
                "12", "", "", "Debian GNU/Linux 12 (bookworm)");
        PackageDto opensslSrc = new PackageDto("", "openssl", "3.0.11-1~deb12u1", "source", null, "", null, null, "");
        Map<String, PackageDto> pkgs = new LinkedHashMap<>();
        pkgs.put("1", new PackageDto("1", "openssl", "3.0.11-1~deb12u1", "binary", opensslSrc, "", null, "amd64", ""));
        pkgs.put("2", new PackageDto("2", "libssl3", "3.0.11-1~deb12u1", "binary", opensslSrc, "", null, "amd64", ""));
        pkgs.put("3", new PackageDto("3", "zlib1g", "1:1.2.13.dfsg-1", "binary", null, "", null, "amd64", ""));
        pkgs.put("4", new PackageDto("4", "bash", "5.2.15-2+b2", "binary", null, "", null, "amd64", ""));
        pkgs.put("5", new PackageDto("5", "tar", "1.34+dfsg-1.2", "binary", null, "", null, "amd64", ""));
        pkgs.put("6", new PackageDto("6", "requests", "2.25.0", "binary", null, "", null, null, ""));
        Map<String, List<EnvironmentDto>> envs = new LinkedHashMap<>();
        for (String id : List.of("1", "2", "3", "4", "5")) {
            envs.put(id, List.of(new EnvironmentDto(DPKG, "sha256:" + "2a".repeat(32), "1", List.of())));
        }
        envs.put("6", List.of(new EnvironmentDto("usr/lib/python3/dist-packages/requests-2.25.0.dist-info/METADATA",
                "sha256:" + "3b".repeat(32), "", List.of("9"))));
        Map<String, VulnerabilityDto> vulns = new LinkedHashMap<>();
        vulns.put("10", vuln("10", "debian-bookworm-updater", "CVE-2024-0001", "openssl", Severity.Critical,
                "3.0.13-1", "https://security-tracker.debian.org/tracker/CVE-2024-0001 https://www.openssl.org/news"));
        vulns.put("11", vuln("11", "debian-bookworm-updater", "CVE-2023-0002", "openssl", Severity.Low, "",
                "https://security-tracker.debian.org/tracker/CVE-2023-0002"));
        vulns.put("12", vuln("12", "debian-bookworm-updater", "CVE-2023-45853", "zlib", Severity.High, "",
                "https://security-tracker.debian.org/tracker/CVE-2023-45853"));
        vulns.put("13", vuln("13", "osv/pypi", "GHSA-j8r2-6x86-q33q", "requests", Severity.Medium,
                "fixed=2.31.0&introduced=2.3.0", "https://github.com/advisories/GHSA-j8r2-6x86-q33q"));
        vulns.put("14", vuln("14", "debian-bookworm-updater", "CVE-2005-2541", "tar", Severity.Negligible, "",
                "https://security-tracker.debian.org/tracker/CVE-2005-2541"));
        Map<String, List<String>> byPkg = new LinkedHashMap<>();
        byPkg.put("1", List.of("10", "11"));
        byPkg.put("2", List.of("10"));
        byPkg.put("3", List.of("12"));
        byPkg.put("5", List.of("14"));
        byPkg.put("6", List.of("13"));
        Map<String, RepositoryDto> repos = Map.of("9", new RepositoryDto("9", "pypi", "", "https://pypi.org/simple",
                ""));
        return new VulnerabilityReportDto(DIGEST, pkgs, Map.of("1", debian), repos, envs, vulns, byPkg, Map.of());
    }

    private static VulnerabilityDto vuln(String id, String updater, String name, String pkg, Severity severity,
                                         String fixed, String links) {
        return new VulnerabilityDto(id, updater, name, name + " affects " + pkg + " <script>&\"", "0001-01-01T00:00:00Z",
                links, severity.name().toLowerCase(), severity.name(),
                new PackageDto("", pkg, "", "source", null, "", null, null, ""), null, null, fixed, null, null);
    }

    /** The report as an {@link ImageReport}, its JSON as a server would send it. */
    public static ImageReport image() {
        return image(REFERENCE, report(), null);
    }

    public static ImageReport image(String reference, VulnerabilityReportDto r, String noData) {
        try {
            return new ImageReport(reference, r, JSON.writeValueAsString(r), noData);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A view with {@code minimum} and fail-on threshold {@code failOn} (null: never) and no suppressions. */
    public static ReportView view(Severity minimum, Severity failOn) {
        return ReportView.of(image(), minimum, Suppressions.none(), new ExitPolicy(failOn));
    }
}
