package io.clair.api.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clair.core.ecosystem.alpine.AlpineDistributions;
import io.clair.core.ecosystem.alpine.SecDbParser;
import io.clair.core.ecosystem.debian.TrackerParser;
import io.clair.core.ecosystem.osv.OsvArchiveParser;
import io.clair.core.store.VulnerabilityStore;
import io.clair.core.store.jdbc.JdbcVulnerabilityStore;
import io.clair.core.store.jdbc.Migrations;
import io.clair.core.testing.TestData;
import io.clair.core.testing.TestDatabase;
import io.clair.core.vuln.Fingerprint;
import io.clair.core.vuln.UpdateKind;
import io.clair.core.vuln.UpdateOperation;
import io.clair.core.vuln.Vulnerability;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Export from one database, import into an empty one: the same vulnerability set, operation by operation. */
class UpdateBundleTest {

    private static VulnerabilityStore store() {
        DataSource ds = TestDatabase.createDataSource();
        Migrations.migrate(ds, "vulnstore");
        return new JdbcVulnerabilityStore(ds);
    }

    private static Map<String, Set<String>> contents(VulnerabilityStore s) {
        Map<String, Set<String>> out = new TreeMap<>();
        s.updateOperations(UpdateKind.VULNERABILITY, true).forEach((updater, ops) -> {
            Set<String> hashes = new TreeSet<>();
            for (Vulnerability v : s.vulnerabilities(updater)) {
                hashes.add(HexFormat.of().formatHex(v.withId("").contentHash()));
            }
            out.put(updater + " " + ops.get(0).fingerprint().value() + " " + ops.get(0).ref(), hashes);
        });
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"bundle.json", "bundle.json.gz", "bundle.json.zst"})
    void exportThenImportGivesTheSameSet(String name) throws Exception {
        VulnerabilityStore a = store();
        try (InputStream in = Files.newInputStream(TestData.path("alpine/secdb/v3.8/main.json"))) {
            a.recordUpdate("alpine-main-v3.8-updater", new Fingerprint("etag-1"),
                    new SecDbParser("alpine-main-v3.8-updater", AlpineDistributions.release("v3.8")).parse(in), null);
        }
        try (InputStream in = Files.newInputStream(TestData.path("debian/tracker/debian.json"))) {
            a.recordUpdate("debian/updater", new Fingerprint("etag-2"), new TrackerParser("debian/updater").parse(in),
                    null);
        }
        try (InputStream in = Files.newInputStream(TestData.path("osv/Go-all.zip"))) {
            a.recordUpdate("osv/go", new Fingerprint("etag-3"),
                    new OsvArchiveParser("osv/go", "Go", Clock.systemUTC()).parse(in), null);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = Compression.compressing(bytes, name)) {
            UpdateBundle.export(a, out);
        }
        VulnerabilityStore b = store();
        UpdateBundle.ImportResult first = UpdateBundle.importInto(b, new ByteArrayInputStream(bytes.toByteArray()));
        assertThat(first.imported()).isEqualTo(3);
        assertThat(contents(b)).isEqualTo(contents(a));
        assertThat(contents(a).values()).allSatisfy(set -> assertThat(set).isNotEmpty());

        UpdateBundle.ImportResult again = UpdateBundle.importInto(b, new ByteArrayInputStream(bytes.toByteArray()));
        assertThat(again.imported()).isZero();
        assertThat(again.skipped()).isEqualTo(3);
        List<UpdateOperation> ops = b.updateOperations(UpdateKind.VULNERABILITY, false).get("osv/go");
        assertThat(ops).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{\"Updater\":\"x\"", "not json at all"})
    void malformedLinesAreReportedWithTheirLineNumber(String line) {
        VulnerabilityStore s = store();
        assertThatThrownBy(() -> UpdateBundle.importInto(s, new ByteArrayInputStream(
                ("\n" + line + "\n").getBytes(StandardCharsets.UTF_8)))).hasMessageContaining("line 2");
    }
}
