package io.clair.ctl.format;

/** The values of {@code report --output-format}. */
public enum OutputFormat {
    /** A table grouped by package, worst first, with counts and a summary line. */
    text,
    /** Clair's VulnerabilityReport JSON, unchanged; one document per line for several images. */
    json,
    /** JUnit XML, as CI servers display test results. */
    xml,
    /** SARIF 2.1.0, for code-scanning dashboards. */
    sarif,
    /** A CycloneDX 1.6 BOM with vulnerabilities. */
    cyclonedx;

    /** The writer; {@code color} applies to text on a terminal only. */
    public ReportFormat writer(boolean color, String toolVersion) {
        return switch (this) {
            case text -> new TextFormat(color);
            case json -> new JsonFormat();
            case xml -> new JunitXmlFormat();
            case sarif -> new SarifFormat(toolVersion);
            case cyclonedx -> new CycloneDxFormat(toolVersion);
        };
    }
}
