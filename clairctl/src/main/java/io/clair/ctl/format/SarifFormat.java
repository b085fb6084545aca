package io.clair.ctl.format;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clair.ctl.report.Finding;
import io.clair.ctl.report.ReportView;
import io.clair.core.vuln.Severity;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SARIF 2.1.0 for code-scanning dashboards: one run per image; one rule per vulnerability id (the advisory or CVE
 * name), carrying its worst severity as {@code security-severity} (the score bands GitHub reads); one result per
 * affected package, level {@code error} for High and Critical, {@code warning} for Medium, {@code note} below.
 * Suppressed findings stay in as results with an external, accepted suppression, which dashboards show as
 * dismissed. The location is the package database inside the image, and a stable partial fingerprint (image
 * reference, package, vulnerability) lets a dashboard track a finding across scans.
 */
final class SarifFormat implements ReportFormat {
    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final String toolVersion;

    SarifFormat(String toolVersion) {
        this.toolVersion = toolVersion;
    }

    @Override
    public void write(List<ReportView> views, PrintStream out) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        ArrayNode runs = root.putArray("runs");
        for (ReportView v : views) {
            runs.add(run(v));
        }
        out.write(JSON.writeValueAsBytes(root));
        out.print('\n');
        out.flush();
    }

    private ObjectNode run(ReportView v) {
        ObjectNode run = JSON.createObjectNode();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "clairctl");
        driver.put("informationUri", "https://github.com/quay/clair");
        driver.put("version", toolVersion);
        Map<String, Severity> worst = new LinkedHashMap<>();
        Map<String, Finding> example = new LinkedHashMap<>();
        List<Finding> all = new java.util.ArrayList<>(v.shown());
        v.suppressed().forEach(s -> all.add(s.finding()));
        for (Finding f : all) {
            worst.merge(f.vulnerability().name(), f.severity(), (a, b) -> a.compareTo(b) >= 0 ? a : b);
            example.putIfAbsent(f.vulnerability().name(), f);
        }
        ArrayNode rules = driver.putArray("rules");
        Map<String, Integer> index = new LinkedHashMap<>();
        for (Map.Entry<String, Severity> e : worst.entrySet()) {
            index.put(e.getKey(), index.size());
            rules.add(rule(e.getKey(), e.getValue(), example.get(e.getKey())));
        }
        ObjectNode props = run.putObject("properties");
        props.put("image", v.image().reference());
        props.put("manifest", v.image().digest());
        ArrayNode results = run.putArray("results");
        for (Finding f : v.shown()) {
            results.add(result(v, f, index));
        }
        for (ReportView.Suppressed s : v.suppressed()) {
            ObjectNode r = result(v, s.finding(), index);
            ObjectNode sup = r.putArray("suppressions").addObject();
            sup.put("kind", "external");
            sup.put("status", "accepted");
            sup.put("justification", s.entry().reason() + " (until " + s.entry().expires() + ")");
            results.add(r);
        }
        ObjectNode invocation = run.putArray("invocations").addObject();
        invocation.put("executionSuccessful", true);
        if (v.image().noDataWarning() != null) {
            ObjectNode n = invocation.putArray("toolExecutionNotifications").addObject();
            n.put("level", "warning");
            n.putObject("message").put("text", v.image().noDataWarning());
        }
        return run;
    }

    private static ObjectNode rule(String id, Severity severity, Finding f) {
        ObjectNode r = JSON.createObjectNode();
        r.put("id", id);
        r.putObject("shortDescription").put("text", id);
        String description = f.vulnerability().description() == null ? "" : f.vulnerability().description().strip();
        r.putObject("fullDescription").put("text", description.isEmpty() ? id : description);
        if (!f.firstLink().isEmpty()) {
            r.put("helpUri", f.firstLink());
        }
        r.putObject("help").put("text", (description.isEmpty() ? id : description) + "\n"
                + (f.vulnerability().links() == null ? "" : f.vulnerability().links().strip()));
        r.putObject("defaultConfiguration").put("level", level(severity));
        ObjectNode props = r.putObject("properties");
        String score = securitySeverity(severity);
        if (score != null) {
            props.put("security-severity", score);
        }
        props.putArray("tags").add("security").add("vulnerability").add(severity.name());
        return r;
    }

    private static ObjectNode result(ReportView v, Finding f, Map<String, Integer> index) {
        ObjectNode r = JSON.createObjectNode();
        r.put("ruleId", f.vulnerability().name());
        r.put("ruleIndex", index.get(f.vulnerability().name()));
        r.put("level", level(f.severity()));
        String fixed = f.fixedIn().isEmpty() ? "no fixed version is known" : "fixed in " + f.fixedIn();
        r.putObject("message").put("text", f.vulnerability().name() + " (" + f.severity() + ") affects "
                + f.pkg().name() + " " + f.pkg().version() + " in " + v.image().reference() + "; " + fixed + ".");
        ObjectNode loc = r.putArray("locations").addObject();
        ObjectNode physical = loc.putObject("physicalLocation");
        physical.putObject("artifactLocation").put("uri", f.packageDb().isEmpty() ? v.image().reference()
                : f.packageDb());
        // code-scanning services require a region; a package database has no better one than its start
        physical.putObject("region").put("startLine", 1);
        ObjectNode logical = loc.putArray("logicalLocations").addObject();
        logical.put("name", f.pkg().name());
        logical.put("fullyQualifiedName", f.pkg().name() + "@" + f.pkg().version());
        logical.put("kind", "package");
        r.putObject("partialFingerprints").put("clairctlFinding/v1",
                sha256(v.image().reference() + "\n" + f.pkg().name() + "\n" + f.vulnerability().name()));
        ObjectNode props = r.putObject("properties");
        props.put("package", f.pkg().name());
        props.put("version", f.pkg().version());
        props.put("fixedIn", f.fixedIn());
        props.put("severity", f.severity().name());
        props.put("manifest", v.image().digest());
        return r;
    }

    static String level(Severity s) {
        return switch (s) {
            case Critical, High -> "error";
            case Medium -> "warning";
            default -> "note";
        };
    }

    /** A score inside the band GitHub maps to the same level (critical > 9.0, high 7.0-8.9, ...). */
    static String securitySeverity(Severity s) {
        return switch (s) {
            case Critical -> "9.5";
            case High -> "8.0";
            case Medium -> "5.5";
            case Low -> "2.0";
            case Negligible -> "0.5";
            case Unknown -> null;
        };
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
