package io.clair.ctl;

import static io.clair.ctl.CtlRun.clairctl;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Usage errors: exit 2, nothing on stdout, and one line on stderr that starts {@code clairctl:} and points at the
 * command's help. None of these runs reaches the network or a database.
 */
class ArgumentParsingTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "report --bogus alpine:3.20                      | Unknown option: '--bogus' (see 'clairctl report --help')",
        "report                                          | no image given: clairctl report IMAGE... or --image-ref IMAGE",
        "report --minimum-severity severe alpine         | --minimum-severity: \"severe\" is not a severity; use one of"
                + " Unknown, Negligible, Low, Medium, High, Critical",
        "report --fail-on hgh alpine                     | --fail-on: \"hgh\" is not a severity",
        "report -o html alpine                           | Invalid value for option '--output-format'",
        "report --bundle b.json alpine                   | --database-url, --bundle and --update need --local",
        "report --update alpine                          | --database-url, --bundle and --update need --local",
        "report --local --host http://x:6060 alpine      | --host and --local exclude each other",
        "report --wait soon alpine                       | Invalid value for option '--wait'",
        "delete                                          | Missing required parameter: 'DIGEST'",
        "delete sha256:abc                               | \"sha256:abc\" is not a manifest digest",
        "export-updaters -g -z out.json                  | --gzip and --zstd exclude each other",
        "import-updaters                                 | Missing required parameter: 'FILE|URL|-'",
        "check-config                                    | Missing required parameter: 'FILE'",
        "check-config -o toml c.yaml                     | Invalid value for option '--out'",
        "scan alpine                                     | Unmatched arguments from index 0: 'scan', 'alpine'",
        "manifest                                        | no image given: clairctl manifest IMAGE...",
        "--progress=sometimes manifest alpine            | Invalid value for option '--progress'",
    })
    void usageErrorsAreOneLineAndExitTwo(String args, String expected) {
        CtlRun.Result r = clairctl().run(args.strip().split("\\s+"));
        assertThat(r.exit()).as(r.toString()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.errLines()).singleElement().asString().startsWith("clairctl: ").contains(expected.strip())
                .endsWith("--help')");
    }

    @Test
    void noCommandIsAUsageError() {
        CtlRun.Result r = clairctl().run();
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly("clairctl: a command is required: report, manifest, delete,"
                + " export-updaters, import-updaters or check-config (see 'clairctl --help')");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "report --local ftp://x/y                          | image reference: ",
        "report --local dir:/tmp/x                         | image reference: transport \"dir\"",
        "manifest UPPER/Case:tag                           | image reference: ",
    })
    void malformedReferencesAndValuesAreOneLine(String args, String expected) {
        CtlRun.Result r = clairctl().run(args.strip().split("\\s+"));
        assertThat(r.exit()).as(r.toString()).isEqualTo(2);
        assertThat(r.errLines()).singleElement().asString().startsWith("clairctl: ").contains(expected.strip());
    }

    @Test
    void aServerUrlThatIsNotHttpIsRejectedBeforeAnyRequest() {
        CtlRun.Result r = clairctl().run("delete", "--host", "ftp://clair:6060", "sha256:" + "ab".repeat(32));
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly("clairctl: --host: \"ftp://clair:6060\" is not a server URL like"
                + " http://localhost:6060/");
    }

    @Test
    void helpAndVersionExitZero() {
        CtlRun.Result help = clairctl().run("report", "--help");
        assertThat(help.exit()).isEqualTo(0);
        assertThat(help.out()).contains("--minimum-severity", "--fail-on, --exit-code", "--suppressions",
                "text, json, xml, sarif, cyclonedx");
        CtlRun.Result version = clairctl().run("--version");
        assertThat(version.exit()).isEqualTo(0);
        assertThat(version.out()).containsPattern("plugins: .*alpine.*dpkg");
    }
}
