package io.clair.ctl;

import static io.clair.ctl.CtlRun.clairctl;
import static org.assertj.core.api.Assertions.assertThat;

import io.clair.core.ecosystem.alpine.AlpineDistributions;
import io.clair.core.ecosystem.alpine.SecDbParser;
import io.clair.core.testing.FeedServer;
import io.clair.core.testing.TestData;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The air-gap round trip with Alpine's real v3.6 secdb served from a local mirror: {@code export-updaters} runs the
 * configured alpine updaters and writes Clair's bundle, {@code import-updaters} loads it (a second import skips
 * what is there), and {@code report --local} scans against the imported data.
 */
class UpdaterBundleTest {
    @TempDir
    static Path tmp;
    static FeedServer feeds;
    static Path config;
    static int expectedRecords;

    @BeforeAll
    static void start() throws IOException {
        feeds = new FeedServer();
        Path secdb = TestData.path("alpine/secdb/v3.6");
        feeds.serve("/alpine/v3.6/main.json", secdb.resolve("main.json"))
                .serve("/alpine/v3.6/community.json", secdb.resolve("community.json"));
        config = Files.writeString(tmp.resolve("config.yaml"), """
                updaters:
                  sets: [alpine]
                  config:
                    alpine: {url: "%s", releases: [v3.6]}
                """.formatted(feeds.url("/alpine/")));
        for (String repo : List.of("main", "community")) {
            try (InputStream in = Files.newInputStream(secdb.resolve(repo + ".json"))) {
                expectedRecords += new SecDbParser("x", AlpineDistributions.release("v3.6")).parse(in).size();
            }
        }
    }

    @AfterAll
    static void stop() {
        if (feeds != null) {
            feeds.close();
        }
    }

    @Test
    void exportWritesEveryRecordOfTheConfiguredUpdatersAndImportLoadsItOnce() throws Exception {
        Path bundle = tmp.resolve("updates.json.gz");
        CtlRun.Result export = clairctl().run("export-updaters", "--config", config.toString(), bundle.toString());
        assertThat(export.exit()).as(export.toString()).isEqualTo(0);
        assertThat(export.err()).contains("exported 2 updaters (" + expectedRecords + " vulnerabilities) to "
                + bundle);
        List<String> lines;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                Files.newInputStream(bundle)), StandardCharsets.UTF_8))) {
            lines = r.lines().toList();
        }
        assertThat(lines).hasSize(expectedRecords);
        assertThat(lines).allMatch(l -> l.contains("\"Kind\":\"vulnerability\""));
        assertThat(lines.stream().map(l -> l.replaceAll(".*\"Updater\":\"([^\"]+)\".*", "$1")).distinct())
                .containsExactlyInAnyOrder("alpine-main-v3.6-updater", "alpine-community-v3.6-updater");
        assertThat(Files.list(tmp).map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".partial"));

        String db = TestDb.create();
        CtlRun.Result first = clairctl().run("import-updaters", "--database-url", db, bundle.toString());
        assertThat(first.exit()).as(first.toString()).isEqualTo(0);
        assertThat(first.err()).contains("imported 2 update operations (" + expectedRecords + " vulnerabilities)",
                "skipped 0 already present");
        CtlRun.Result again = clairctl().stdin(Files.readAllBytes(bundle))
                .run("import-updaters", "--database-url", db, "-");
        assertThat(again.exit()).isEqualTo(0);
        assertThat(again.err()).contains("imported 0 update operations (0 vulnerabilities)",
                "skipped 2 already present");

        // the real v3.6 data fixes nothing the 3.6.5 minirootfs still ships: a clean report, with data
        Path layout = AlpineImages.ociLayout(tmp.resolve("layout"));
        CtlRun.Result report = clairctl().run("report", "--local", "--database-url", db, "oci:" + layout + ":3.6");
        assertThat(report.exit()).as(report.toString()).isEqualTo(0);
        assertThat(report.out()).contains("No vulnerabilities found in 13 packages.").doesNotContain("Note:");
    }

    @Test
    void stdoutAndCompressionFlags() throws Exception {
        CtlRun.Result plain = clairctl().run("-q", "export-updaters", "--config", config.toString());
        assertThat(plain.exit()).as(plain.toString()).isEqualTo(0);
        assertThat(plain.out().lines()).hasSize(expectedRecords);
        assertThat(plain.err()).isEmpty();
        Path zst = tmp.resolve("updates.bin");
        assertThat(clairctl().run("export-updaters", "-z", "--config", config.toString(), zst.toString()).exit())
                .isEqualTo(0);
        byte[] head = new byte[4];
        try (InputStream in = Files.newInputStream(zst)) {
            assertThat(in.read(head)).isEqualTo(4);
        }
        assertThat(head).containsExactly(0x28, 0xb5, 0x2f, 0xfd);
        // served over HTTP, as the air-gap recipe does from a web server inside the cluster
        feeds.serve("/bundles/updates.zst", zst);
        CtlRun.Result imported = clairctl().run("import-updaters", "--database-url", TestDb.create(),
                feeds.url("/bundles/updates.zst"));
        assertThat(imported.exit()).as(imported.toString()).isEqualTo(0);
        assertThat(imported.err()).contains("imported 2 update operations (" + expectedRecords + " vulnerabilities)");
        CtlRun.Result missing = clairctl().run("import-updaters", "--database-url", TestDb.create(),
                feeds.url("/bundles/nope.json"));
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.errLines()).containsExactly("clairctl: bundle " + feeds.url("/bundles/nope.json")
                + ": GET answered HTTP 404");
    }

    @Test
    void aFailingSourceIsAWarningUnlessStrict() throws Exception {
        try (FeedServer broken = new FeedServer()) {
            broken.serve("/alpine/v3.6/main.json", TestData.path("alpine/secdb/v3.6/main.json"))
                    .fail("/alpine/v3.6/community.json", 503);
            Path cfg = Files.writeString(tmp.resolve("broken.yaml"), "updaters:\n  sets: [alpine]\n  config:\n"
                    + "    alpine: {url: \"" + broken.url("/alpine/") + "\", releases: [v3.6]}\n");
            Path out = tmp.resolve("partial.json");
            CtlRun.Result lenient = clairctl().run("export-updaters", "-c", cfg.toString(), out.toString());
            assertThat(lenient.exit()).as(lenient.toString()).isEqualTo(0);
            assertThat(lenient.err()).contains("clairctl: warning: updater alpine-community-v3.6-updater failed:")
                    .contains("exported 1 updaters");
            CtlRun.Result strict = clairctl().run("export-updaters", "--strict", "-c", cfg.toString(), out.toString());
            assertThat(strict.exit()).isEqualTo(2);
            assertThat(strict.errLines()).last().isEqualTo("clairctl: 1 updater failed (--strict)");
            assertThat(Files.readAllLines(out)).isNotEmpty()
                    .allMatch(l -> l.contains("\"Updater\":\"alpine-main-v3.6-updater\""));
        }
    }
}
