package io.clair.ctl.report;

import io.clair.api.v4.VulnerabilityReportDto;
import java.util.Map;
import java.util.Objects;

/**
 * One image's vulnerability report as clairctl got it, from a server or scanned in-process.
 *
 * @param reference     the image reference as resolved (normalized)
 * @param report        the report, parsed
 * @param json          the report's JSON exactly as the matcher produced it: printed unchanged by {@code -o json}
 * @param noDataWarning why the report cannot list vulnerabilities (no vulnerability data yet), or null
 * @param purls         package URLs the scanners found, by package id: known only in-process, since Clair's wire
 *                      format has no purl field
 */
public record ImageReport(String reference, VulnerabilityReportDto report, String json, String noDataWarning,
                          Map<String, String> purls) {
    public ImageReport {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(json, "json");
        purls = purls == null ? Map.of() : Map.copyOf(purls);
    }

    /** A report as a server sends it: no purls. */
    public ImageReport(String reference, VulnerabilityReportDto report, String json, String noDataWarning) {
        this(reference, report, json, noDataWarning, Map.of());
    }

    public String digest() {
        return report.manifestHash();
    }
}
