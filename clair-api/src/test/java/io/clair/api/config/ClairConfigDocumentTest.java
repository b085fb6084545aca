package io.clair.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading Clair's config.yaml with its drop-ins, as the services and clairctl share it. */
class ClairConfigDocumentTest {
    @TempDir
    Path dir;

    @Test
    void readsTheKeysClairctlAndTheServicesUse() throws IOException {
        Path f = write("config.yaml", """
                http_listen_addr: ":6060"
                indexer: {connstring: "host=db dbname=idx"}
                matcher: {connstring: "postgresql://m:p@db/vulns"}
                auth: {psk: {key: "c2VjcmV0", iss: [quay, clairctl]}}
                updaters:
                  sets: [alpine]
                  config: {alpine: {url: "http://mirror/secdb/"}}
                """);
        ClairConfigDocument d = ClairConfigDocument.read(f);
        assertThat(d.connString()).isEqualTo("host=db dbname=idx");
        assertThat(d.matcherConnString()).isEqualTo("postgresql://m:p@db/vulns");
        assertThat(d.pskKey()).contains("c2VjcmV0");
        assertThat(d.pskIssuers()).containsExactly("quay", "clairctl");
        assertThat(d.updaterSets()).contains(List.of("alpine"));
        assertThat(d.updaterConfig()).isEqualTo(Map.of("alpine", Map.of("url", "http://mirror/secdb/")));
    }

    @Test
    void absentSetsMeanDefaultsAndDisabledUpdatersMeanNone() throws IOException {
        assertThat(ClairConfigDocument.read(write("a.yaml", "matcher: {}\n")).updaterSets()).isEmpty();
        assertThat(ClairConfigDocument.read(write("b.yaml", "matcher: {disable_updaters: true}\n"
                + "updaters: {sets: [alpine]}\n")).updaterSets()).contains(List.of());
    }

    @Test
    void dropInsApplyInLexicalOrderAsMergeAndJsonPatches() throws IOException {
        Path f = write("config.yaml", "matcher: {connstring: old, period: 6h}\nupdaters: {sets: [alpine, debian]}\n");
        Files.createDirectories(dir.resolve("config.yaml.d"));
        write("config.yaml.d/10-db.yaml", "matcher: {connstring: new, period: null}\n");
        write("config.yaml.d/20-sets.yaml-patch", """
                - {op: add, path: /updaters/sets/-, value: ubuntu}
                - {op: remove, path: /updaters/sets/0}
                - {op: test, path: /matcher/connstring, value: new}
                """);
        write("config.yaml.d/README", "not configuration");
        ClairConfigDocument d = ClairConfigDocument.read(f);
        assertThat(d.matcherConnString()).isEqualTo("new");
        assertThat(d.at("/matcher/period").isMissingNode()).isTrue();
        assertThat(d.updaterSets()).contains(List.of("debian", "ubuntu"));
        assertThat(d.dropIns()).extracting(p -> p.getFileName().toString())
                .containsExactly("10-db.yaml", "20-sets.yaml-patch");
    }

    @Test
    void aFailingPatchNamesTheFileAndOperation() throws IOException {
        Path f = write("config.yaml", "matcher: {connstring: x}\n");
        Files.createDirectories(dir.resolve("config.yaml.d"));
        write("config.yaml.d/1.yaml-patch", "- {op: replace, path: /indexer/connstring, value: y}\n");
        assertThatThrownBy(() -> ClairConfigDocument.read(f)).isInstanceOf(IOException.class)
                .hasMessageContaining("1.yaml-patch: operation 0: no value at /indexer/connstring");
    }

    @Test
    void malformedAndMissingFilesAreOneLineErrors() throws IOException {
        assertThatThrownBy(() -> ClairConfigDocument.read(dir.resolve("nope.yaml")))
                .hasMessage("config file " + dir.resolve("nope.yaml") + " does not exist");
        assertThatThrownBy(() -> ClairConfigDocument.read(write("bad.yaml", "matcher: [unclosed\n")))
                .hasMessageStartingWith("config file " + dir.resolve("bad.yaml") + " is not valid YAML");
        assertThatThrownBy(() -> ClairConfigDocument.read(write("list.yaml", "- a\n")))
                .hasMessageEndingWith("is not a YAML mapping");
    }

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }
}
