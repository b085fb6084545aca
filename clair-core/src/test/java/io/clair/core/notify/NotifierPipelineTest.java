package io.clair.core.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.clair.core.index.IndexReport;
import io.clair.core.manifest.Digest;
import io.clair.core.match.AffectedManifests;
import io.clair.core.plugin.PluginContext;
import io.clair.core.plugin.Plugins;
import io.clair.core.store.jdbc.JdbcNotifierStore;
import io.clair.core.store.jdbc.Migrations;
import io.clair.core.testing.MatchingFixture;
import io.clair.core.testing.Rootfs;
import io.clair.core.testing.TestDatabase;
import io.clair.core.vuln.Fingerprint;
import io.clair.core.vuln.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The whole notifier pipeline on real data: the Alpine 3.6.5 and 3.20.3 minirootfs indexed, the real v3.6 main
 * secdb recorded as successive update operations of its updater, and notifications made from the diffs through the
 * reverse (affected-manifest) lookup. The new advisories are appended to the real document: musl and busybox fixes
 * above the installed versions (affect 3.6.5), a musl fix at the installed version and an openssl fix (openssl is
 * not installed) that affect nothing; 3.20.3 is another release, so nothing here affects it.
 */
class NotifierPipelineTest {
    private static final Map<String, Map<String, List<String>>> NEW_ADVISORIES = Map.of(
            "musl", Map.of("1.1.16-r16", List.of("CVE-2099-0001"), "1.1.16-r15", List.of("CVE-2099-0004")),
            "busybox", Map.of("1.26.2-r12", List.of("CVE-2099-0002", "CVE-2099-0003")),
            "openssl", Map.of("1.0.2z-r0", List.of("CVE-2099-0010")));
    private static final Map<String, Map<String, List<String>>> HARMLESS = Map.of(
            "zlib", Map.of("1.2.11-r0", List.of("CVE-2099-0020")));

    static Stream<Arguments> cases() {
        return Stream.of(Arguments.of("memory", true), Arguments.of("memory", false),
                Arguments.of("postgres", true), Arguments.of("postgres", false));
    }

    @ParameterizedTest(name = "{0} store, summary={1}")
    @MethodSource("cases")
    void addedThenRemovedThenNothingAffected(String storeKind, boolean summary) throws Exception {
        MatchingFixture f = MatchingFixture.create(storeKind);
        IndexReport old = f.indexDirectory("alpine-3.6.5", Rootfs.alpine("3.6.5"));
        IndexReport recent = f.indexDirectory("alpine-3.20.3", Rootfs.alpine("3.20.3"));
        assertThat(old.success()).isTrue();
        assertThat(recent.success()).isTrue();
        NotifierStore store = notifierStore();
        AffectedManifests affected = new AffectedManifests(f.index(),
                Plugins.load().matchers(PluginContext.defaults()));
        Notifier notifier = new Notifier(store, UpdateSource.of(f.vulns()), affected::affected, f.vulns().locks(),
                NotifierOptions.defaults().withDisableSummary(!summary).withChunkSize(500));

        f.vulns().recordUpdate(AlpineUpdates.UPDATER, new Fingerprint("1"), AlpineUpdates.real(), null);
        assertThat(notifier.poll()).singleElement().satisfies(r ->
                assertThat(r.outcome()).isEqualTo(ProcessResult.Outcome.FIRST));

        // second run: new advisories
        f.vulns().recordUpdate(AlpineUpdates.UPDATER, new Fingerprint("2"), AlpineUpdates.realPlus(NEW_ADVISORIES),
                null);
        ProcessResult added = notifier.poll().get(0);
        assertThat(added.outcome()).isEqualTo(ProcessResult.Outcome.CREATED);
        List<Notification> entries = all(notifier, added.notificationId(), 2);
        Digest m = old.manifestHash();
        if (summary) {
            // every Alpine record is Unknown: the tie goes to the first name
            assertThat(summaries(entries)).containsExactly(m + " added CVE-2099-0001 musl 1.1.16-r16");
        } else {
            assertThat(summaries(entries)).containsExactlyInAnyOrder(m + " added CVE-2099-0001 musl 1.1.16-r16",
                    m + " added CVE-2099-0002 busybox 1.26.2-r12", m + " added CVE-2099-0003 busybox 1.26.2-r12");
        }
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.vulnerability().severity()).isEqualTo(Severity.Unknown);
            assertThat(e.vulnerability().distribution().version()).isEqualTo("3.6");
            assertThat(e.vulnerability().links()).contains(e.vulnerability().name());
        });
        assertThat(store.receipt(added.notificationId()).orElseThrow().status()).isEqualTo(ReceiptStatus.CREATED);

        // polling again finds the receipt and makes nothing
        assertThat(notifier.poll()).isEmpty();
        assertThat(store.receiptByUpdateOperation(added.operation().ref()).orElseThrow().notificationId())
                .isEqualTo(added.notificationId());

        // third run: the advisories are withdrawn
        f.vulns().recordUpdate(AlpineUpdates.UPDATER, new Fingerprint("3"), AlpineUpdates.real(), null);
        ProcessResult removed = notifier.poll().get(0);
        assertThat(removed.outcome()).isEqualTo(ProcessResult.Outcome.CREATED);
        assertThat(removed.entries()).isEqualTo(summary ? 1 : 3);
        assertThat(all(notifier, removed.notificationId(), 1)).allSatisfy(e -> {
            assertThat(e.reason()).isEqualTo(Reason.REMOVED);
            assertThat(e.manifest()).isEqualTo(m);
        });

        // fourth run: an advisory that affects no indexed manifest
        f.vulns().recordUpdate(AlpineUpdates.UPDATER, new Fingerprint("4"), AlpineUpdates.realPlus(HARMLESS), null);
        ProcessResult nothing = notifier.poll().get(0);
        assertThat(nothing.outcome()).isEqualTo(ProcessResult.Outcome.NOTHING_AFFECTED);
        assertThat(store.receipt(nothing.notificationId()).orElseThrow().status())
                .isEqualTo(ReceiptStatus.DELIVERED);
        assertThat(notifier.page(nothing.notificationId(), null, 10).orElseThrow().notifications()).isEmpty();
        assertThat(store.deliverable()).extracting(Receipt::notificationId)
                .containsExactly(added.notificationId(), removed.notificationId());
    }

    /** Pages through a notification {@code size} entries at a time, checking the keyset contract on the way. */
    static List<Notification> all(Notifier notifier, UUID id, int size) {
        List<Notification> out = new ArrayList<>();
        UUID after = null;
        for (int guard = 0; guard < 1000; guard++) {
            NotificationPage p = notifier.page(id, after, size).orElseThrow();
            assertThat(p.notifications()).hasSizeLessThanOrEqualTo(size);
            out.addAll(p.notifications());
            Optional<UUID> next = p.next();
            if (next.isEmpty()) {
                return out;
            }
            assertThat(p.notifications()).hasSize(size);
            assertThat(next.get()).isEqualTo(p.notifications().get(size - 1).id());
            after = next.get();
        }
        throw new AssertionError("paging did not end");
    }

    static List<String> summaries(List<Notification> entries) {
        return entries.stream().map(e -> e.manifest() + " " + e.reason().wireName() + " " + e.vulnerability().name()
                + " " + e.vulnerability().pkg().name() + " " + e.vulnerability().fixedInVersion()).toList();
    }

    static NotifierStore notifierStore() {
        DataSource ds = TestDatabase.createDataSource();
        Migrations.migrate(ds, "notifier");
        return new JdbcNotifierStore(ds);
    }
}
