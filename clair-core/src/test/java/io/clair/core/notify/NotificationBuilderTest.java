package io.clair.core.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.clair.core.index.Package;
import io.clair.core.manifest.Digest;
import io.clair.core.vuln.Severity;
import io.clair.core.vuln.Vulnerability;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Summary and per-vulnerability entries from affected-manifest answers that arrive in chunks, with severities that
 * differ (the Alpine pipeline test has only Unknown ones).
 */
class NotificationBuilderTest {
    private static final Digest A = Digest.of("sha256", "a".getBytes(StandardCharsets.UTF_8));
    private static final Digest B = Digest.of("sha256", "b".getBytes(StandardCharsets.UTF_8));

    private static Vulnerability v(String name, Severity s) {
        return new Vulnerability("", "u", name, "", null, "", s.name().toUpperCase(), s,
                Package.builder("p", "").build(), null, null, "1.0", null, null, false);
    }

    private static final Vulnerability LOW = v("CVE-1", Severity.Low);
    private static final Vulnerability HIGH = v("CVE-2", Severity.High);
    private static final Vulnerability CRITICAL = v("CVE-3", Severity.Critical);
    private static final Vulnerability MEDIUM_A = v("CVE-4a", Severity.Medium);
    private static final Vulnerability MEDIUM_B = v("CVE-4b", Severity.Medium);

    /** Two chunks of added records and one of removed ones; map order is insertion order, as answers arrive. */
    private static void feed(NotificationBuilder b) {
        Map<Digest, List<Vulnerability>> chunk1 = new LinkedHashMap<>();
        chunk1.put(A, List.of(HIGH, LOW));
        chunk1.put(B, List.of(MEDIUM_B));
        b.add(Reason.ADDED, chunk1);
        Map<Digest, List<Vulnerability>> chunk2 = new LinkedHashMap<>();
        chunk2.put(A, List.of(CRITICAL));
        chunk2.put(B, List.of(MEDIUM_A));
        b.add(Reason.ADDED, chunk2);
        b.add(Reason.REMOVED, Map.of(A, List.of(LOW)));
    }

    private static List<String> describe(List<Notification> ns) {
        return ns.stream().map(n -> n.manifest().hex().substring(0, 4) + " " + n.reason().wireName() + " "
                + n.vulnerability().name() + " " + n.vulnerability().severity()).toList();
    }

    @Test
    void summaryCarriesTheWorstPerManifestAndReasonAcrossChunks() {
        NotificationBuilder b = new NotificationBuilder(true);
        feed(b);
        String a = A.hex().substring(0, 4);
        String bb = B.hex().substring(0, 4);
        // equal severities go to the first name, whatever order the chunks came in
        assertThat(describe(b.build())).containsExactly(a + " added CVE-3 Critical", bb + " added CVE-4a Medium",
                a + " removed CVE-1 Low");
    }

    @Test
    void withoutSummaryEveryVulnerabilityIsAnEntryWorstFirst() {
        NotificationBuilder b = new NotificationBuilder(false);
        feed(b);
        String a = A.hex().substring(0, 4);
        String bb = B.hex().substring(0, 4);
        assertThat(describe(b.build())).containsExactly(a + " added CVE-3 Critical", a + " added CVE-2 High",
                a + " added CVE-1 Low", bb + " added CVE-4a Medium", bb + " added CVE-4b Medium",
                a + " removed CVE-1 Low");
    }

    @Test
    void entriesGetDistinctIds() {
        NotificationBuilder b = new NotificationBuilder(false);
        feed(b);
        assertThat(b.build()).extracting(Notification::id).doesNotHaveDuplicates();
    }
}
