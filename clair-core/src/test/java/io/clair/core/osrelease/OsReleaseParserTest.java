package io.clair.core.osrelease;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clair.core.testing.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The parser against claircore's os-release cases and against a real shell sourcing the same files. */
class OsReleaseParserTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Path> claircoreCases() throws IOException {
        try (Stream<Path> s = Files.list(TestData.path("osrelease"))) {
            List<Path> cases = s.filter(p -> p.toString().endsWith(".txtar")).sorted().toList();
            assertThat(cases).hasSize(11);
            return cases.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("claircoreCases")
    void parsesLikeClaircore(Path txtar) throws IOException {
        Map<String, String> files = Txtar.parse(Files.readString(txtar));

        OsRelease parsed = OsReleaseParser.parse(files.get("os-release"));

        Map<String, String> want = JSON.readValue(files.get("Parsed"), new TypeReference<>() { });
        assertThat(parsed.fields()).isEqualTo(want);
        assertThat(parsed.malformed()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("claircoreCases")
    void parsesLikeTheShell(Path txtar) throws IOException {
        String text = Txtar.parse(Files.readString(txtar)).get("os-release");
        Path file = RootfsFixtures.write(RootfsFixtures.scratch("osrelease-shell"), "os-release", text);

        assertThat(OsReleaseParser.parse(text).fields()).isEqualTo(ShellOracle.source(file));
    }

    @ParameterizedTest
    @MethodSource("claircoreCases")
    void crlfLineEndsChangeNothing(Path txtar) throws IOException {
        String text = Txtar.parse(Files.readString(txtar)).get("os-release");

        assertThat(OsReleaseParser.parse(text.replace("\n", "\r\n")).fields())
                .isEqualTo(OsReleaseParser.parse(text).fields());
    }

    @Test
    void quotingEscapesCommentsAndExportFollowTheShell() {
        String text = String.join("\n",
                "# a comment line",
                "A=\"x \\\"y\\\" \\$z \\\\ \\`q\\` \\n\"",
                "export B='it'\\''s'",
                "C=foo # trailing comment",
                "  D=\"sp\"  ",
                "E='a b'\"c\"d",
                "F=a\\ b\\$c",
                "G=",
                "H=\"\"",
                "I='single \"double\" \\ back'",
                "J=\"\"\"\"",
                "");
        Path file = RootfsFixtures.write(RootfsFixtures.scratch("osrelease-quoting"), "os-release", text);

        OsRelease parsed = OsReleaseParser.parse(text);

        assertThat(parsed.fields()).isEqualTo(ShellOracle.source(file)).hasSize(10);
        assertThat(parsed.malformed()).isEmpty();
    }

    @Test
    void brokenLinesAreSkippedAndReportedWithTheirNumber() throws IOException {
        Map<String, String> buster = Txtar.parse(Files.readString(TestData.path("osrelease/Buster.txtar")));
        String good = buster.get("os-release");
        String broken = "this line assigns nothing\n" + good.replace("ID=debian\n", "ID=debian\n=no key\n");

        OsRelease parsed = OsReleaseParser.parse(broken);

        assertThat(parsed.fields()).isEqualTo(OsReleaseParser.parse(good).fields());
        assertThat(parsed.malformed()).hasSize(2);
        assertThat(parsed.malformed().get(0)).startsWith("line 1: this line");
        assertThat(parsed.malformed().get(1)).startsWith("line " + (lineOf(broken, "=no key")) + ": =no key");
    }

    private static int lineOf(String text, String line) {
        return List.of(text.split("\n")).indexOf(line) + 1;
    }
}
