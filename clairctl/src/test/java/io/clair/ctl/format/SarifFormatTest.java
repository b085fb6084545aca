package io.clair.ctl.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clair.ctl.report.ExitPolicy;
import io.clair.ctl.report.ReportView;
import io.clair.ctl.report.SampleReports;
import io.clair.ctl.report.Suppressions;
import io.clair.core.vuln.Severity;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * SARIF 2.1.0: the properties the specification makes required (and the types it fixes) are present, checked by
 * {@link #violations}; one rule per vulnerability id, one result per affected package, levels from severities.
 */
class SarifFormatTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Set<String> LEVELS = Set.of("none", "note", "warning", "error");

    @Test
    void theLogHasEveryRequiredPropertyOfSarif210() throws Exception {
        JsonNode log = JSON.readTree(Formats.write(new SarifFormat("1.0"), suppressedView(),
                SampleReports.view(Severity.High, Severity.High)));
        assertThat(violations(log)).isEmpty();
        assertThat(log.get("runs")).hasSize(2);
    }

    @Test
    void oneRulePerVulnerabilityAndOneResultPerAffectedPackage() throws Exception {
        JsonNode run = JSON.readTree(Formats.write(new SarifFormat("1.0"),
                SampleReports.view(Severity.Unknown, Severity.Unknown))).get("runs").get(0);
        List<String> rules = new ArrayList<>();
        run.at("/tool/driver/rules").forEach(r -> rules.add(r.get("id").asText()));
        assertThat(rules).containsExactly("CVE-2024-0001", "CVE-2023-45853", "GHSA-j8r2-6x86-q33q", "CVE-2023-0002",
                "CVE-2005-2541");
        List<String> results = new ArrayList<>();
        run.get("results").forEach(r -> results.add(r.at("/locations/0/logicalLocations/0/name").asText() + " "
                + r.get("ruleId").asText() + " " + r.get("level").asText()));
        assertThat(results).containsExactly("libssl3 CVE-2024-0001 error", "openssl CVE-2024-0001 error",
                "zlib1g CVE-2023-45853 error", "requests GHSA-j8r2-6x86-q33q warning", "openssl CVE-2023-0002 note",
                "tar CVE-2005-2541 note");
        JsonNode critical = run.at("/tool/driver/rules/0");
        assertThat(critical.at("/properties/security-severity").asText()).isEqualTo("9.5");
        assertThat(critical.get("helpUri").asText()).isEqualTo(
                "https://security-tracker.debian.org/tracker/CVE-2024-0001");
        JsonNode first = run.at("/results/0");
        assertThat(first.at("/locations/0/physicalLocation/artifactLocation/uri").asText())
                .isEqualTo(SampleReports.DPKG);
        assertThat(first.at("/message/text").asText()).isEqualTo("CVE-2024-0001 (Critical) affects libssl3"
                + " 3.0.11-1~deb12u1 in " + SampleReports.REFERENCE + "; fixed in 3.0.13-1.");
        assertThat(run.at("/results/3/properties/fixedIn").asText()).isEqualTo("2.31.0");
        assertThat(run.at("/results/0/partialFingerprints/clairctlFinding~1v1").asText())
                .isNotEqualTo(run.at("/results/1/partialFingerprints/clairctlFinding~1v1").asText());
    }

    @Test
    void suppressedFindingsAreResultsWithAnAcceptedSuppression() throws Exception {
        JsonNode run = JSON.readTree(Formats.write(new SarifFormat("1.0"), suppressedView())).get("runs").get(0);
        List<JsonNode> suppressed = new ArrayList<>();
        run.get("results").forEach(r -> {
            if (r.has("suppressions")) {
                suppressed.add(r);
            }
        });
        assertThat(suppressed).singleElement().satisfies(r -> {
            assertThat(r.get("ruleId").asText()).isEqualTo("CVE-2023-45853");
            assertThat(r.at("/suppressions/0/kind").asText()).isEqualTo("external");
            assertThat(r.at("/suppressions/0/justification").asText()).isEqualTo("minizip unused (until 2030-01-01)");
        });
    }

    private static ReportView suppressedView() {
        Suppressions s = Suppressions.of(List.of(new Suppressions.Entry("CVE-2023-45853", null, "minizip unused",
                LocalDate.of(2030, 1, 1))), LocalDate.of(2025, 1, 1));
        return ReportView.of(SampleReports.image(SampleReports.REFERENCE, SampleReports.report(), "no data"),
                Severity.Unknown, s, new ExitPolicy(Severity.High));
    }

    /** The required properties of SARIF 2.1.0 (sarif-schema-2.1.0.json "required" lists) that our log uses. */
    static List<String> violations(JsonNode log) {
        List<String> v = new ArrayList<>();
        require(v, log, "", "version", "runs");
        if (!"2.1.0".equals(log.path("version").asText())) {
            v.add("/version is not 2.1.0");
        }
        for (int i = 0; i < log.path("runs").size(); i++) {
            JsonNode run = log.get("runs").get(i);
            String at = "/runs/" + i;
            require(v, run, at, "tool");
            require(v, run.path("tool"), at + "/tool", "driver");
            JsonNode driver = run.at("/tool/driver");
            require(v, driver, at + "/tool/driver", "name");
            Set<String> ruleIds = new HashSet<>();
            for (int r = 0; r < driver.path("rules").size(); r++) {
                JsonNode rule = driver.get("rules").get(r);
                require(v, rule, at + "/tool/driver/rules/" + r, "id");
                if (!ruleIds.add(rule.path("id").asText())) {
                    v.add(at + "/tool/driver/rules/" + r + " repeats id " + rule.path("id").asText());
                }
                for (String text : List.of("shortDescription", "fullDescription", "help")) {
                    if (rule.has(text)) {
                        require(v, rule.get(text), at + "/tool/driver/rules/" + r + "/" + text, "text");
                    }
                }
                String level = rule.at("/defaultConfiguration/level").asText("warning");
                if (!LEVELS.contains(level)) {
                    v.add(at + "/tool/driver/rules/" + r + " has level " + level);
                }
            }
            for (int r = 0; r < run.path("results").size(); r++) {
                JsonNode res = run.get("results").get(r);
                String rat = at + "/results/" + r;
                require(v, res, rat, "message");
                if (!res.at("/message/text").isTextual() && !res.at("/message/id").isTextual()) {
                    v.add(rat + "/message has neither text nor id");
                }
                if (!LEVELS.contains(res.path("level").asText("warning"))) {
                    v.add(rat + " has level " + res.path("level").asText());
                }
                if (!ruleIds.contains(res.path("ruleId").asText())) {
                    v.add(rat + " names an undefined rule");
                }
                int idx = res.path("ruleIndex").asInt(-1);
                if (!res.path("ruleIndex").isInt() || !driver.at("/rules/" + idx + "/id").asText()
                        .equals(res.path("ruleId").asText())) {
                    v.add(rat + "/ruleIndex does not point at its rule");
                }
                res.path("partialFingerprints").fields().forEachRemaining(e -> {
                    if (!e.getValue().isTextual()) {
                        v.add(rat + "/partialFingerprints/" + e.getKey() + " is not a string");
                    }
                });
                res.path("suppressions").forEach(s -> require(v, s, rat + "/suppressions", "kind"));
                if (res.at("/locations/0/physicalLocation/region/startLine").asInt(0) < 1) {
                    v.add(rat + " region startLine must be >= 1");
                }
            }
            run.path("invocations").forEach(inv -> {
                require(v, inv, at + "/invocations", "executionSuccessful");
                inv.path("toolExecutionNotifications").forEach(n -> require(v, n,
                        at + "/invocations/toolExecutionNotifications", "message"));
            });
        }
        return v;
    }

    private static void require(List<String> v, JsonNode n, String at, String... fields) {
        for (String f : fields) {
            if (n == null || !n.has(f) || n.get(f).isNull()) {
                v.add(at + "/" + f + " is required");
            }
        }
    }
}
