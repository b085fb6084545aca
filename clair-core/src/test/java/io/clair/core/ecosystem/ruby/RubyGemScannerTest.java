package io.clair.core.ecosystem.ruby;

import static org.assertj.core.api.Assertions.assertThat;

import io.clair.core.ecosystem.python.BookwormLanguageRoot;
import io.clair.core.index.Package;
import io.clair.core.osrelease.RootfsFixtures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The ruby scanner on a real Debian tree with {@code ruby-rack} installed by apt (Ruby's default and bundled gems,
 * Debian's rubygems-integration gems), against {@code gem list} run in the same tree.
 */
class RubyGemScannerTest {
    private static final Pattern GEM_LIST_LINE = Pattern.compile("^(\\S+) \\((.*)\\)$");

    /** {@code gem list} prints {@code name (v1, default: v2)}: one row per name and version. */
    static Set<String> gemList(Path root) {
        Set<String> out = new TreeSet<>();
        for (String line : BookwormLanguageRoot.chroot(root, "gem", "list", "--local").split("\n")) {
            Matcher m = GEM_LIST_LINE.matcher(line.strip());
            if (!m.matches()) {
                continue;
            }
            for (String v : m.group(2).split(",")) {
                out.add(m.group(1) + " " + v.strip().replaceFirst("^default: ", ""));
            }
        }
        return out;
    }

    @Test
    void debianRubyGemsEqualGemList() throws IOException {
        Path root = BookwormLanguageRoot.get();
        Set<String> expected = gemList(root);
        assertThat(expected).as("gem list").contains("rack 2.2.22").hasSizeGreaterThan(50);

        List<Package> found = new RubyGemScanner().scan(RootfsFixtures.layer(root));

        Set<String> rows = found.stream().map(p -> p.name() + " " + p.version())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(rows).isEqualTo(expected);
        assertThat(found).allSatisfy(p -> {
            assertThat(p.filepath()).contains("/specifications/").endsWith(".gemspec");
            assertThat(p.packageDb()).isEqualTo("ruby:" + p.filepath());
            assertThat(p.purl()).isEqualTo("pkg:gem/" + p.name() + "@" + p.version());
        });
    }

    @Test
    void aGemspecWithoutVersionIsSkippedAndTheRestReported() throws IOException {
        Path root = BookwormLanguageRoot.get();
        Path tree = RootfsFixtures.scratch("ruby-broken");
        String dir = "usr/share/rubygems-integration/all/specifications/";
        RootfsFixtures.copy(root.resolve(dir + "rack-2.2.22.gemspec"), tree, dir + "rack-2.2.22.gemspec");
        String rack = RootfsFixtures.read(root.resolve(dir + "rack-2.2.22.gemspec"));
        RootfsFixtures.write(tree, dir + "broken-1.0.gemspec", rack.replaceAll("(?m)^.*\\.version = .*$", ""));

        assertThat(new RubyGemScanner().scan(RootfsFixtures.layer(tree))).extracting(p -> p.name() + " " + p.version())
                .containsExactly("rack 2.2.22");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {"\"rack\".freeze|rack", "'rake'|rake", "\"2.2.22\"|2.2.22",
        "  \"json\".freeze  |json"})
    void valuesAreTrimmedAsClaircoreDoes(String raw, String want) {
        assertThat(RubyGemScanner.trim(raw)).isEqualTo(want);
    }
}
