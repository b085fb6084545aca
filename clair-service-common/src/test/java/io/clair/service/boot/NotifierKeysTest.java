package io.clair.service.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Clair config file's notifier section becomes our kebab-case {@code clair.notifier.*} keys. */
class NotifierKeysTest {

    @Test
    void delivererSectionsAreTranslated(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("config.yaml");
        Files.writeString(file, """
                notifier:
                  indexer_addr: http://clair-indexer:6060/
                  matcher_addr: http://clair-matcher:6060/
                  poll_interval: 5m
                  delivery_interval: 1m
                  disable_summary: true
                  webhook:
                    target: https://quay/secscan/notification
                    callback: http://clair-notifier:6060/notifier/api/v1/notification/
                    signed: true
                    headers:
                      X-Api_Key: [a, b]
                  amqp:
                    exchange: {name: clair, type: direct, durability: true, auto_delete: false}
                    routing_key: notifications
                    callback: http://clair-notifier:6060/notifier/api/v1/notification/
                    uris: ["amqp://guest:guest@one:5672/", "amqp://guest:guest@two:5672/"]
                    direct: true
                    rollup: 5
                    tls: {root_ca: /ca.pem}
                  stomp:
                    destination: /queue/clair
                    uris: ["one:61613"]
                    user: {login: clair, passcode: secret}
                """);
        Map<String, String> p = ClairConfigFile.read(file).properties();
        assertThat(p).containsEntry("clair.notifier.indexer-url", "http://clair-indexer:6060/")
                .containsEntry("clair.notifier.matcher-url", "http://clair-matcher:6060/")
                .containsEntry("clair.notifier.poll-interval", "5m")
                .containsEntry("clair.notifier.delivery-interval", "1m")
                .containsEntry("clair.notifier.disable-summary", "true")
                .containsEntry("clair.notifier.webhook.target", "https://quay/secscan/notification")
                .containsEntry("clair.notifier.webhook.headers.\"X-Api_Key\"", "a,b")
                .containsEntry("clair.notifier.amqp.exchange.name", "clair")
                .containsEntry("clair.notifier.amqp.exchange.auto-delete", "false")
                .containsEntry("clair.notifier.amqp.routing-key", "notifications")
                .containsEntry("clair.notifier.amqp.uris", "amqp://guest:guest@one:5672/,amqp://guest:guest@two:5672/")
                .containsEntry("clair.notifier.amqp.rollup", "5")
                .containsEntry("clair.notifier.stomp.user.login", "clair")
                .containsEntry("clair.notifier.stomp.user.passcode", "secret");
        assertThat(p.keySet()).noneMatch(k -> k.contains("tls") || k.endsWith("signed") || k.contains("_key")
                && !k.contains("Api_Key"));
    }
}
