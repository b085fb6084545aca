package io.clair.ctl;

import static io.clair.ctl.CtlRun.clairctl;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Files a user gets wrong (suppressions, the Clair config, a bundle, the database URL) stop the run with one line
 * naming the file and the problem, exit 2, before any image is fetched: the image names here do not exist.
 */
class FailurePathsTest {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "'- id: CVE-1\\n  reason: r\\n  expiry: 2026-01-01\\n' | entry 1: unknown key \"expiry\" (allowed: id,"
                + " package, reason, expires)",
        "'- id: CVE-1\\n  reason: r\\n  expires: next year\\n' | entry 1: \"expires\" is \"next year\", not a date"
                + " like 2025-12-31",
        "'- id: CVE-1\\n  expires: 2026-01-01\\n'              | entry 1: \"reason\" is required: say why CVE-1 is"
                + " accepted",
        "'- {reason: r, expires: 2026-01-01}\\n'               | entry 1: \"id\" is required",
        "'- id: CVE-1\\n  reason: r\\n'                        | entry 1: \"expires\" is required (YYYY-MM-DD)",
        "'ids: [CVE-1]\\n'                                     | expected a list of entries, or a mapping with only"
                + " \"suppressions:\"",
        "'- [CVE-1]\\n'                                        | entry 1: expected a mapping",
        "'- id: CVE-1\\n  reason: [unclosed\\n'                | not valid YAML or JSON: ",
        "'{\"suppressions\": [{\"id\": \"CVE-1\"]}'             | not valid YAML or JSON: ",
    })
    void aBadSuppressionFileIsOneLineAndExitTwo(String content, String expected) throws Exception {
        Path f = Files.writeString(tmp.resolve("suppressions.yaml"), content.replace("\\n", "\n"));
        CtlRun.Result r = clairctl().run("report", "--local", "--database-url", "postgresql://nobody@127.0.0.1:1/x",
                "--suppressions", f.toString(), "oci:" + tmp.resolve("no-such-layout"));
        assertThat(r.exit()).as(r.toString()).isEqualTo(2);
        assertThat(r.errLines()).singleElement().asString().startsWith("clairctl: suppressions " + f + ": ")
                .contains(expected.strip());
    }

    @Test
    void aMissingSuppressionFileIsOneLine() {
        Path f = tmp.resolve("absent.yaml");
        CtlRun.Result r = clairctl().run("report", "--suppressions", f.toString(), "example.com/app:1");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly("clairctl: suppressions " + f + ": no such file");
    }

    @Test
    void aBadConfigFileIsOneLineAndExitTwo() throws Exception {
        Path bad = Files.writeString(tmp.resolve("config.yaml"), "auth: {psk: {key: [unclosed\n");
        CtlRun.Result r = clairctl().run("report", "--config", bad.toString(), "example.com/app:1");
        assertThat(r.exit()).as(r.toString()).isEqualTo(2);
        assertThat(r.errLines()).singleElement().asString().startsWith("clairctl: config file " + bad
                + " is not valid YAML");
        Path missing = tmp.resolve("missing.yaml");
        CtlRun.Result viaEnv = clairctl().env("CLAIR_CONF", missing.toString()).run("report", "example.com/app:1");
        assertThat(viaEnv.exit()).isEqualTo(2);
        assertThat(viaEnv.errLines()).containsExactly("clairctl: config file " + missing + " does not exist");
        Path badKey = Files.writeString(tmp.resolve("key.yaml"), "auth: {psk: {key: '%%%'}}\n");
        CtlRun.Result key = clairctl().run("report", "-c", badKey.toString(), "example.com/app:1");
        assertThat(key.exit()).isEqualTo(2);
        assertThat(key.errLines()).singleElement().asString().startsWith("clairctl: " + badKey
                + ": auth.psk.key: psk: key is not base64");
    }

    @Test
    void aBadDatabaseUrlIsOneLine() {
        CtlRun.Result r = clairctl().run("import-updaters", "--database-url", "mysql://db/clair", "bundle.json");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.errLines()).singleElement().asString().startsWith("clairctl: --database-url: database url:");
        CtlRun.Result down = clairctl().env("CLAIR_DATABASE_URL", "postgresql://clair@127.0.0.1:1/clair")
                .run("import-updaters", "bundle.json");
        assertThat(down.exit()).isEqualTo(2);
        assertThat(down.errLines()).singleElement().asString().startsWith("clairctl: cannot connect to the database"
                + " postgresql://127.0.0.1:1/clair (from CLAIR_DATABASE_URL)");
    }

    @Test
    void aMissingOrCorruptBundleIsOneLine() throws Exception {
        String db = TestDb.create();
        Path missing = tmp.resolve("missing.json");
        CtlRun.Result r = clairctl().run("import-updaters", "--database-url", db, missing.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly("clairctl: bundle " + missing + ": no such file");
        CtlRun.Result corrupt = clairctl().stdin("{\"Updater\": \"x\"\n".getBytes())
                .run("import-updaters", "--database-url", db, "-");
        assertThat(corrupt.exit()).isEqualTo(2);
        assertThat(corrupt.errLines()).singleElement().asString().startsWith("clairctl: bundle -: bundle: line 1 is"
                + " not a bundle record");
    }

    @Test
    void debugPrintsTheStackTraceToo() throws Exception {
        Path missing = tmp.resolve("missing.yaml");
        CtlRun.Result r = clairctl().run("-D", "report", "--config", missing.toString(), "example.com/app:1");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.errLines().get(0)).isEqualTo("clairctl: config file " + missing + " does not exist");
        assertThat(r.err()).contains("\tat io.clair.");
    }
}
