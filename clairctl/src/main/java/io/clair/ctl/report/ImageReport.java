package io.clair.ctl.report;

import io.clair.api.v4.VulnerabilityReportDto;
import java.util.Objects;

/**
 * One image's vulnerability report as clairctl got it, from a server or scanned in-process.
 *
 * @param reference     the image reference as resolved (normalized)
 * @param report        the report, parsed
 * @param json          the report's JSON exactly as the matcher produced it: printed unchanged by {@code -o json}
 * @param noDataWarning why the report cannot list vulnerabilities (no vulnerability data yet), or null
 */
public record ImageReport(String reference, VulnerabilityReportDto report, String json, String noDataWarning) {
    public ImageReport {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(json, "json");
    }

    public String digest() {
        return report.manifestHash();
    }
}
