package io.clair.ctl.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading suppression files and deciding what they hide. */
class SuppressionsTest {
    static final LocalDate TODAY = LocalDate.of(2025, 6, 15);

    @TempDir
    Path tmp;

    @Test
    void yamlListAndJsonMappingReadAlike() throws IOException {
        Path yaml = Files.writeString(tmp.resolve("s.yaml"), """
                - id: CVE-2024-0001
                  package: openssl
                  reason: vendored copy, never loaded
                  expires: 2025-12-31
                - {id: CVE-2023-45853, reason: "minizip not shipped", expires: 2025-06-15}
                """);
        Path json = Files.writeString(tmp.resolve("s.json"), """
                {"suppressions": [
                  {"id": "CVE-2024-0001", "package": "openssl", "reason": "vendored copy, never loaded",
                   "expires": "2025-12-31"},
                  {"id": "CVE-2023-45853", "reason": "minizip not shipped", "expires": "2025-06-15"}]}
                """);
        Suppressions a = Suppressions.load(yaml, TODAY);
        Suppressions b = Suppressions.load(json, TODAY);
        assertThat(a.active()).isEqualTo(b.active()).containsExactly(
                new Suppressions.Entry("CVE-2024-0001", "openssl", "vendored copy, never loaded",
                        LocalDate.of(2025, 12, 31)),
                new Suppressions.Entry("CVE-2023-45853", null, "minizip not shipped", LocalDate.of(2025, 6, 15)));
        assertThat(a.expired()).isEmpty();
    }

    @Test
    void anEntryIsInForceThroughItsExpiryDate() {
        Suppressions.Entry today = new Suppressions.Entry("CVE-1", null, "r", TODAY);
        Suppressions.Entry yesterday = new Suppressions.Entry("CVE-2", null, "r", TODAY.minusDays(1));
        Suppressions s = Suppressions.of(List.of(today, yesterday), TODAY);
        assertThat(s.active()).containsExactly(today);
        assertThat(s.expired()).containsExactly(yesterday);
    }

    @Test
    void matchingIsByNameAndOptionallyByPackageOrSourcePackage() {
        List<Finding> f = Finding.of(SampleReports.report());
        Finding libssl = f.get(0);
        Finding zlib = f.get(2);
        LocalDate later = TODAY.plusYears(1);
        assertThat(new Suppressions.Entry("cve-2024-0001", null, "r", later).matches(libssl)).isTrue();
        assertThat(new Suppressions.Entry("CVE-2024-0001", "libssl3", "r", later).matches(libssl)).isTrue();
        assertThat(new Suppressions.Entry("CVE-2024-0001", "openssl", "r", later).matches(libssl)).isTrue();
        assertThat(new Suppressions.Entry("CVE-2024-0001", "curl", "r", later).matches(libssl)).isFalse();
        assertThat(new Suppressions.Entry("CVE-2024-0001", null, "r", later).matches(zlib)).isFalse();
        assertThat(new Suppressions.Entry("CVE-2024-000", null, "r", later).matches(libssl)).isFalse();
    }

    @Test
    void anEmptyFileSuppressesNothing() throws IOException {
        assertThat(Suppressions.load(Files.writeString(tmp.resolve("e.yaml"), "# nothing yet\n"), TODAY).isEmpty())
                .isTrue();
        assertThat(Suppressions.load(Files.writeString(tmp.resolve("e.json"), "[]"), TODAY).isEmpty()).isTrue();
    }

    @Test
    void problemsNameTheFileAndTheEntry() throws IOException {
        Path f = Files.writeString(tmp.resolve("bad.yaml"), """
                - {id: CVE-1, reason: ok, expires: 2026-01-01}
                - {id: CVE-2, reason: "", expires: 2026-01-01}
                """);
        assertThatThrownBy(() -> Suppressions.load(f, TODAY)).isInstanceOf(IOException.class)
                .hasMessage("suppressions " + f + ": entry 2: \"reason\" must be a non-empty text");
    }
}
