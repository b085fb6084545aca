package io.clair.core.ecosystem.rhel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.clair.core.testing.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** CPE binding for Red Hat repositories, on the CPEs of the real VEX files and on claircore's own expectations. */
class RhelCpeTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // claircore's rhel/vex parser test binds this VEX CPE to this repository name
        "cpe:/o:redhat:enterprise_linux:8|cpe:2.3:o:redhat:enterprise_linux:8:*:*:*:*:*:*:*",
        "cpe:/a:redhat:enterprise_linux:10::appstream|cpe:2.3:a:redhat:enterprise_linux:10:*:appstream:*:*:*:*:*",
        "cpe:/o:redhat:rhel_e4s:7.6::server|cpe:2.3:o:redhat:rhel_e4s:7.6:*:server:*:*:*:*:*",
        // claircore's escapeCPE cases: a trailing * and any ? are Red Hat pattern wildcards
        "cpe:/a:redhat:openshift:4.*|cpe:2.3:a:redhat:openshift:4.*:*:*:*:*:*:*:*",
        "cpe:/a:redhat:openshift:4.?::el8|cpe:2.3:a:redhat:openshift:4.?:*:el8:*:*:*:*:*",
        // percent-encoded and packed 2.2 forms; a literal ! is escaped in the formatted string
        "cpe:/a:redhat:foo%21bar:1|cpe:2.3:a:redhat:foo\\!bar:1:*:*:*:*:*:*:*",
        "cpe:/a:redhat:rhel:9::~appstream~~x86_64~~|cpe:2.3:a:redhat:rhel:9:*:appstream:*:*:x86_64:*:*",
        // formatted strings pass through, padded
        "cpe:2.3:o:amazon:amazon_linux:2|cpe:2.3:o:amazon:amazon_linux:2:*:*:*:*:*:*:*",
        "cpe:2.3:a:redhat:enterprise_linux:8:*:appstream:*:*:*:*:*|cpe:2.3:a:redhat:enterprise_linux:8:*:appstream:*:*:*:*:*"})
    void bindsToTheFormattedString(String in, String want) {
        assertThat(RhelCpe.parse(in).formatted()).isEqualTo(want);
        assertThat(RhelCpe.parse(want).formatted()).isEqualTo(want);
    }

    @Test
    void everyCpeOfTheRealDataBindsAndRebindsToItself() throws IOException {
        List<String> cpes = new ArrayList<>();
        try (Stream<Path> files = Stream.concat(Files.list(TestData.path("rhel/vex")),
                Files.list(TestData.path("rhel/csaf")))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                collect(VexDocumentParserTest.JSON.readTree(f.toFile()), cpes);
            }
        }
        for (JsonNode d : VexDocumentParserTest.archive().values()) {
            collect(d, cpes);
        }
        assertThat(cpes).hasSizeGreaterThan(20).allSatisfy(c -> {
            String bound = RhelCpe.parse(c).formatted();
            assertThat(bound).isEqualTo(VexExpectations.bind(c));
            assertThat(RhelCpe.parse(bound).formatted()).isEqualTo(bound);
        });
    }

    @Test
    void theRhelReleaseOfARepositoryCpe() {
        assertThat(RhelCpe.parse("cpe:/o:redhat:enterprise_linux:8::baseos").enterpriseLinuxRelease()).contains(8);
        assertThat(RhelCpe.parse("cpe:/a:redhat:enterprise_linux:9::appstream").enterpriseLinuxRelease()).contains(9);
        assertThat(RhelCpe.parse("cpe:2.3:o:redhat:enterprise_linux:7:*:*:*:*:*:*:*").enterpriseLinuxRelease())
                .contains(7);
        // the distribution CPE of a CentOS, Rocky or Alma image names its RHEL release the same way
        assertThat(RhelCpe.parse(RhelDistributions.compatible("rocky", "Rocky Linux", 9).cpe())
                .enterpriseLinuxRelease()).contains(9);
        assertThat(RhelCpe.parse("cpe:/o:redhat:rhel_eus:8.6::baseos").enterpriseLinuxRelease()).isEmpty();
        assertThat(RhelCpe.parse("cpe:/a:redhat:openshift:4.16::el9").enterpriseLinuxRelease()).isEmpty();
        assertThat(RhelCpe.parse("cpe:/o:redhat:enterprise_linux").enterpriseLinuxRelease()).isEqualTo(Optional.empty());
    }

    @Test
    void garbageIsRejected() {
        assertThatThrownBy(() -> RhelCpe.parse("rhel-8-for-x86_64-baseos-rpms"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("neither a cpe:/ URI");
        assertThatThrownBy(() -> RhelCpe.parse("cpe:/x:redhat:foo")).hasMessageContaining("is not a, o or h");
        assertThatThrownBy(() -> RhelCpe.parse("cpe:/a:b:c:d:e:f:g:h")).hasMessageContaining("too many components");
    }

    private static void collect(JsonNode n, List<String> out) {
        if (n.isObject()) {
            JsonNode cpe = n.path("product_identification_helper").path("cpe");
            if (cpe.isTextual()) {
                out.add(cpe.asText());
            }
            n.forEach(c -> collect(c, out));
        } else if (n.isArray()) {
            n.forEach(c -> collect(c, out));
        }
    }
}
