package io.clair.core.enrich.cvss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clair.core.testing.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The real NVD {@code .meta} file (claircore's {@code enricher/cvss/testdata/feed.meta}) and broken variants. */
class NvdMetaTest {

    @Test
    void theRealMetaFileFieldByField() throws IOException {
        String text = Files.readString(TestData.path("enrichment/feed.meta"));
        Map<String, String> raw = new HashMap<>();
        for (String line : text.split("\n")) {
            raw.put(line.substring(0, line.indexOf(':')), line.substring(line.indexOf(':') + 1).trim());
        }
        NvdMeta m = NvdMeta.parse(text, "feed.meta");
        assertThat(m.sha256()).isEqualTo(raw.get("sha256"))
                .isEqualTo("D165E29D8D911F3F1E0919A5C1E8C423B14AF1C38F57847DD0A8CC9DBD027618");
        assertThat(m.size()).isEqualTo(Long.parseLong(raw.get("size"))).isEqualTo(66078439L);
        assertThat(m.gzSize()).isEqualTo(Long.parseLong(raw.get("gzSize")));
        assertThat(m.lastModified()).isEqualTo(Instant.parse("2025-08-07T07:01:41Z"));
    }

    @Test
    void theShaIsUpperCasedAsClaircoreKeepsIt() throws IOException {
        assertThat(NvdMeta.parse("sha256:" + "ab".repeat(32) + "\n", "m").sha256()).isEqualTo("AB".repeat(32));
    }

    @Test
    void malformedMetaFilesFailNamingTheFile() {
        assertThatThrownBy(() -> NvdMeta.parse("<html>not found</html>", "x.meta")).isInstanceOf(IOException.class)
                .hasMessage("cvss: x.meta: no sha256 line; is this an NVD .meta file?");
        assertThatThrownBy(() -> NvdMeta.parse("size:big\nsha256:" + "A".repeat(64), "x.meta"))
                .hasMessage("cvss: x.meta: malformed size \"big\"");
        assertThatThrownBy(() -> NvdMeta.parse("sha256:123", "x.meta"))
                .hasMessageContaining("is not 64 hex digits");
        assertThatThrownBy(() -> NvdMeta.parse("lastModifiedDate:yesterday\nsha256:" + "A".repeat(64), "x.meta"))
                .hasMessageContaining("malformed lastModifiedDate");
    }
}
