package io.clair.ctl;

import static io.clair.ctl.CtlRun.clairctl;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check-config}: merged output with drop-ins, and one line naming every problem of a bad file. */
class CheckConfigTest {
    @TempDir
    Path tmp;

    @Test
    void printsTheMergedConfigurationAsJsonOrYaml() throws Exception {
        Path f = Files.writeString(tmp.resolve("config.yaml"), """
                http_listen_addr: ":6060"
                log_level: info
                indexer: {connstring: "host=db dbname=clair user=clair", airgap: true}
                matcher: {connstring: "postgresql://clair:secret@db:5432/clair", period: 6h}
                auth: {psk: {key: "c2VjcmV0", iss: [quay]}}
                updaters: {sets: [alpine, debian]}
                database: {options: {source: "postgresql://clair@db/clair", max_open_conns: 25, max_idle_conns: 10}}
                """);
        Files.createDirectories(tmp.resolve("config.yaml.d"));
        Files.writeString(tmp.resolve("config.yaml.d/50-period.yaml"), "matcher: {period: 30m}\n");
        CtlRun.Result json = clairctl().run("check-config", f.toString());
        assertThat(json.exit()).as(json.toString()).isEqualTo(0);
        JsonNode merged = new ObjectMapper().readTree(json.out());
        assertThat(merged.at("/matcher/period").asText()).isEqualTo("30m");
        assertThat(merged.at("/indexer/airgap").asBoolean()).isTrue();
        CtlRun.Result yaml = clairctl().run("check-config", "-o", "yaml", f.toString());
        assertThat(yaml.exit()).isEqualTo(0);
        assertThat(new ObjectMapper(new YAMLFactory()).readTree(yaml.out())).isEqualTo(merged);
    }

    @Test
    void everyProblemOfAFileIsNamedOnOneLine() throws Exception {
        Path f = Files.writeString(tmp.resolve("bad.yaml"), """
                http_listen_adr: ":6060"
                matcher: {period: often, disable_updaters: "yes", indexer_addr: "clair-indexer"}
                notifier: {webhook: {target: "https://quay/secscan/notification"}}
                auth: {keyserver: {api: x}}
                """);
        CtlRun.Result r = clairctl().run("check-config", f.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.errLines()).containsExactly("clairctl: " + f + ": 5 problems: unknown key http_listen_adr;"
                + " matcher.period \"often\" is not a duration like 6h, 30m or 1h30m; matcher.disable_updaters must"
                + " be true or false; matcher.indexer_addr \"clair-indexer\" is not an http(s) URL;"
                + " auth.keyserver was removed from Clair v4 (keyserver authentication); use auth.psk");
    }

    @Test
    void aGoodFileAfterABadOneIsStillPrintedButTheRunFails() throws Exception {
        Path good = Files.writeString(tmp.resolve("good.yaml"), "updaters: {sets: [alpine, no-such-set]}\n");
        Path missing = tmp.resolve("missing.yaml");
        CtlRun.Result r = clairctl().run("check-config", missing.toString(), good.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.errLines()).contains("clairctl: config file " + missing + " does not exist");
        assertThat(r.err()).contains("updater set \"no-such-set\" is not installed here");
        assertThat(r.out()).contains("\"alpine\"");
    }
}
