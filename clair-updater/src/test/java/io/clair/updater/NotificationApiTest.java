package io.clair.updater;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.clair.api.auth.PskKey;
import io.clair.api.auth.PskSigner;
import io.clair.core.notify.AlpineUpdates;
import io.clair.core.notify.Notifier;
import io.clair.core.notify.NotifierStore;
import io.clair.core.notify.ProcessResult;
import io.clair.core.notify.ReceiptStatus;
import io.clair.core.store.VulnerabilityStore;
import io.clair.core.vuln.Fingerprint;
import io.clair.core.vuln.UpdateOperation;
import io.clair.service.testing.ClairTestDatabase;
import io.clair.updater.schedule.NotifierJobs;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The notification flow through the updater service on real Postgres: the real Alpine updater runs against a
 * local copy of the v3.6 feed, a second run brings new advisories, the run's end triggers the notifier, which asks
 * the indexer (see {@link NotifierPeers}) and calls Quay's webhook; Quay then pages through the callback and deletes
 * the notification. Then the API's error answers.
 */
@QuarkusTest
@WithTestResource(ClairTestDatabase.class)
@WithTestResource(NotifierPeers.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NotificationApiTest {
    private static final Map<String, Map<String, List<String>>> NEW_ADVISORIES = Map.of(
            "musl", Map.of("1.1.16-r16", List.of("CVE-2099-0001")),
            "busybox", Map.of("1.26.2-r12", List.of("CVE-2099-0002")));

    @Inject
    VulnerabilityStore vulns;
    @Inject
    NotifierStore notifications;
    @Inject
    Notifier notifier;
    @Inject
    NotifierJobs jobs;
    @Inject
    io.quarkus.scheduler.Scheduler scheduler;

    private final QuayWorker quay = new QuayWorker();

    private static RequestSpecification api() {
        PskSigner signer = new PskSigner(PskKey.fromBase64(NotifierPeers.PSK), "quay");
        return given().header("Authorization", signer.authorizationHeader());
    }

    private void runUpdaters() throws InterruptedException {
        api().post("/api/v1/database/update").then().statusCode(202);
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (api().get("/api/v1/database").then().statusCode(200).extract().jsonPath().getBoolean("Updating")) {
            assertThat(Instant.now()).as("update run finished").isBefore(deadline);
            Thread.sleep(100);
        }
    }

    /** Waits until the notifier has processed the newest operation of the main updater. */
    private UpdateOperation awaitProcessed() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (true) {
            UpdateOperation op = vulns.latest(AlpineUpdates.UPDATER).orElse(null);
            if (op != null && notifications.processed(op.ref())) {
                return op;
            }
            assertThat(Instant.now()).as("notifier processed %s", op).isBefore(deadline);
            Thread.sleep(100);
        }
    }

    private static NotifierPeers.Webhook awaitWebhook() throws InterruptedException {
        NotifierPeers.Webhook w = NotifierPeers.webhooks.poll(2, TimeUnit.MINUTES);
        assertThat(NotifierPeers.rejectedWebhooks).isEmpty();
        assertThat(w).as("webhook call").isNotNull();
        return w;
    }

    @Test
    @Order(1)
    void newAdvisoriesReachQuayWhichPagesAndDeletes() throws Exception {
        runUpdaters();
        UpdateOperation first = awaitProcessed();
        assertThat(notifications.receiptByUpdateOperation(first.ref()).orElseThrow().status())
                .as("a first run has nothing to compare with").isEqualTo(ReceiptStatus.DELIVERED);

        NotifierPeers.feeds.serve("/alpine/v3.6/main.json",
                AlpineUpdates.realPlusJson(NEW_ADVISORIES).getBytes(StandardCharsets.UTF_8));
        runUpdaters();
        UpdateOperation second = awaitProcessed();
        assertThat(second.ref()).isNotEqualTo(first.ref());

        NotifierPeers.Webhook w = awaitWebhook();
        UUID id = UUID.fromString(w.notificationId());
        assertThat(w.callback()).isEqualTo("http://127.0.0.1:" + NotifierPeers.appPort
                + "/notifier/api/v1/notification/" + id);
        assertThat(notifications.receiptByUpdateOperation(second.ref()).orElseThrow().notificationId()).isEqualTo(id);

        QuayWorker.Fetched got = quay.fetch(w.callback(), 2);
        // summary mode: one entry per affected image, its most severe advisory (all Unknown: the first name)
        assertThat(got.pages()).hasSize(2);
        assertThat(got.pages().get(0).get("page").get("size").asInt()).isEqualTo(2);
        assertThat(got.pages().get(0).get("page").has("next")).isTrue();
        assertThat(got.pages().get(1).get("page").has("next")).isFalse();
        assertThat(got.notifications()).extracting(n -> n.get("manifest").asText()).containsExactlyInAnyOrderElementsOf(
                NotifierPeers.affected.stream().map(Object::toString).toList());
        for (JsonNode n : got.notifications()) {
            assertThat(n.get("reason").asText()).isEqualTo("added");
            JsonNode v = n.get("vulnerability");
            assertThat(v.get("name").asText()).isEqualTo("CVE-2099-0001");
            assertThat(v.get("package").get("name").asText()).isEqualTo("musl");
            assertThat(v.get("fixed_in_version").asText()).isEqualTo("1.1.16-r16");
            assertThat(v.get("severity").asText()).isEqualTo("Unknown");
            assertThat(v.get("normalized_severity").asText()).isEqualTo("Unknown");
            assertThat(v.get("links").asText()).contains("CVE-2099-0001");
            assertThat(v.get("distribution").get("version").asText()).isEqualTo("3.6");
        }
        assertThat(notifications.receipt(id).orElseThrow().status()).isEqualTo(ReceiptStatus.DELIVERED);

        assertThat(quay.delete(w.callback())).isEqualTo(200);
        assertThat(notifications.receipt(id).orElseThrow().status()).isEqualTo(ReceiptStatus.DELETED);
        // until garbage collection, a repeated delete (Quay retries) and a read still work
        assertThat(quay.delete(w.callback())).isEqualTo(200);
        assertThat(quay.get(w.callback())).isEqualTo(200);
        assertThat(notifier.collectGarbage()).isEqualTo(1);
        assertThat(quay.get(w.callback())).isEqualTo(404);
        assertThat(quay.delete(w.callback())).isEqualTo(404);
        // the operation stays marked: polling again makes nothing new
        assertThat(jobs.pollNow()).isEmpty();
        assertThat(NotifierPeers.webhooks).isEmpty();
    }

    @Test
    @Order(2)
    void operationsRecordedInTheStoreAreNotifiedToo() throws Exception {
        // the advisories are withdrawn by an operation written straight into the vulnerability store
        UpdateOperation op = vulns.recordUpdate(AlpineUpdates.UPDATER, new Fingerprint("withdrawn"),
                AlpineUpdates.real(), null);
        List<ProcessResult> results = jobs.pollNow();
        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.operation().ref()).isEqualTo(op.ref());
            assertThat(r.outcome()).isEqualTo(ProcessResult.Outcome.CREATED);
            assertThat(r.entries()).isEqualTo(3);
        });
        NotifierPeers.Webhook w = awaitWebhook();
        assertThat(w.notificationId()).isEqualTo(results.get(0).notificationId().toString());
        QuayWorker.Fetched got = quay.fetch(w.callback(), 1);
        assertThat(got.pages()).hasSize(3);
        assertThat(got.notifications()).allSatisfy(n -> {
            assertThat(n.get("reason").asText()).isEqualTo("removed");
            assertThat(n.get("vulnerability").get("name").asText()).isEqualTo("CVE-2099-0001");
        });
        // the default page holds them all
        api().get(w.callback().replaceFirst("^http://[^/]+", "")).then().statusCode(200)
                .body("page.size", equalTo(500)).body("notifications.size()", equalTo(3))
                .body("page.next", org.hamcrest.Matchers.nullValue());
        assertThat(quay.delete(w.callback())).isEqualTo(200);
    }

    @Test
    @Order(3)
    void malformedAndUnknownIdsAreAnsweredLikeClair() {
        String base = "/notifier/api/v1/notification/";
        String unknown = UUID.randomUUID().toString();
        api().get(base + "not-a-uuid").then().statusCode(400).body("code", equalTo("bad-request"))
                .body("message", containsString("notification id is not a UUID"));
        api().get(base + unknown + "?next=nope").then().statusCode(400).body("message", containsString("next"));
        api().get(base + unknown + "?page_size=0").then().statusCode(400)
                .body("message", containsString("page_size"));
        api().get(base + unknown + "?page_size=lots").then().statusCode(400);
        api().get(base + unknown).then().statusCode(404).body("code", equalTo("not-found"));
        api().delete(base + unknown).then().statusCode(404).body("code", equalTo("not-found"));
        api().delete(base + "1-2-3-4-5").then().statusCode(400);
        given().get(base + unknown).then().statusCode(401);
        given().get("/metrics").then().statusCode(200).body(containsString("clair_notifier_update_operations_total"))
                .body(containsString("clair_notifier_deliveries_total"));
    }

    @Test
    @Order(4)
    void pollDeliveryAndCollectionAreScheduled() {
        assertThat(List.of("clair-notifier-poll", "clair-notifier-delivery", "clair-notifier-gc"))
                .allSatisfy(id -> assertThat(scheduler.getScheduledJob(id)).as(id).isNotNull());
    }
}
