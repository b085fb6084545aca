package io.clair.ctl.report;

import io.clair.api.v4.DistributionDto;
import io.clair.api.v4.EnvironmentDto;
import io.clair.api.v4.PackageDto;
import io.clair.api.v4.VulnerabilityDto;
import io.clair.api.v4.VulnerabilityReportDto;
import io.clair.core.vuln.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One vulnerability affecting one package of an image: a row of the report.
 *
 * @param packageId    the package's id within the report
 * @param distribution the distribution the package belongs to, or null
 * @param packageDb    where the package was found, e.g. {@code lib/apk/db/installed}, or {@code ""}
 */
public record Finding(String packageId, PackageDto pkg, VulnerabilityDto vulnerability, Severity severity,
                      DistributionDto distribution, String packageDb) {

    /** Worst first, then by package and vulnerability name, so every format lists findings alike. */
    public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::severity).reversed()
            .thenComparing(f -> f.pkg().name()).thenComparing(f -> f.pkg().version())
            .thenComparing(f -> f.vulnerability().name()).thenComparing(f -> f.vulnerability().id());

    /** Every (package, vulnerability) pair of {@code report}, in {@link #ORDER}. */
    public static List<Finding> of(VulnerabilityReportDto report) {
        List<Finding> out = new ArrayList<>();
        report.packageVulnerabilities().forEach((pkgId, vulnIds) -> {
            PackageDto pkg = report.packages().get(pkgId);
            if (pkg == null || vulnIds == null) {
                return;
            }
            List<EnvironmentDto> envs = report.environments().getOrDefault(pkgId, List.of());
            EnvironmentDto env = envs == null || envs.isEmpty() ? null : envs.get(0);
            DistributionDto dist = env == null || env.distributionId() == null ? null
                    : report.distributions().get(env.distributionId());
            String db = env == null || env.packageDb() == null ? "" : env.packageDb();
            for (String id : vulnIds) {
                VulnerabilityDto v = report.vulnerabilities().get(id);
                if (v != null) {
                    out.add(new Finding(pkgId, pkg, v, Severity.parse(v.normalizedSeverity()), dist, db));
                }
            }
        });
        out.sort(ORDER);
        return out;
    }

    /** The first of the vulnerability's space-separated links, or {@code ""}. */
    public String firstLink() {
        String links = vulnerability.links() == null ? "" : vulnerability.links().strip();
        int sp = links.indexOf(' ');
        return sp < 0 ? links : links.substring(0, sp);
    }

    /** The fixed version as a person reads it: Clair's URL-encoded OSV form reduced to its {@code fixed} value. */
    public String fixedIn() {
        String f = vulnerability.fixedInVersion() == null ? "" : vulnerability.fixedInVersion();
        if (f.contains("=")) {
            for (String part : f.split("&")) {
                if (part.startsWith("fixed=")) {
                    return java.net.URLDecoder.decode(part.substring(6), java.nio.charset.StandardCharsets.UTF_8);
                }
            }
            return "";
        }
        return f.equals("0") ? "" : f;
    }
}
