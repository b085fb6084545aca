package io.clair.updater.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The notifier's settings ({@code clair.notifier.*}; a Clair config file's {@code notifier.*} keys map here). At most
 * one deliverer is used: the first configured of webhook, AMQP, STOMP. Without any, notifications are still made
 * and can be read through the API, but nobody is told about them.
 */
@ConfigMapping(prefix = "clair.notifier")
public interface NotifierConfig {

    /** Time between looks for new update operations; values under one minute mean the default, as in Clair. */
    @WithDefault("6h")
    Duration pollInterval();

    /** Time between delivery passes (new and failed notifications); under one minute means the default. */
    @WithDefault("1h")
    Duration deliveryInterval();

    /** One entry per (manifest, vulnerability) instead of one per (manifest, reason) with the most severe. */
    @WithDefault("false")
    boolean disableSummary();

    /**
     * The indexer to ask which manifests are affected, e.g. {@code http://clair-indexer:6060/}; not needed where the
     * indexer runs in the same process. Without either, the notifier stays idle.
     */
    Optional<String> indexerUrl();

    /**
     * A matcher whose update operations and diffs to follow; by default the notifier reads the vulnerability store
     * this updater writes.
     */
    Optional<String> matcherUrl();

    Optional<Webhook> webhook();

    Optional<Amqp> amqp();

    Optional<Stomp> stomp();

    /** POSTs {@code {"notification_id", "callback"}} to {@code target}; Quay's is {@code https://quay/secscan/notification}. */
    interface Webhook {
        /** Where to POST. */
        String target();

        /** Base URL of this notifier's notification API, e.g. {@code http://clair:6060/notifier/api/v1/notification/}. */
        String callback();

        /** Extra request headers, {@code headers."X-Name"=value}; a PSK signature is added when a key is configured. */
        Map<String, String> headers();
    }

    /*
     * The deliverer groups have no defaults of their own (Optional members instead): a default would make SmallRye
     * consider an unconfigured group present and then ask for its required keys.
     */

    /** Publishes to a pre-declared exchange of an AMQP 0-9-1 broker (RabbitMQ). */
    interface Amqp {
        /** Unset for the default exchange (the routing key then names a queue). */
        Optional<Exchange> exchange();

        /** Routing key of every message. */
        Optional<String> routingKey();

        /** Callback base URL, as for the webhook; required unless {@code direct}. */
        Optional<String> callback();

        /** Brokers to try in order, e.g. {@code amqp://guest:guest@rabbit:5672/%2f}; {@code amqps://} uses TLS. */
        List<String> uris();

        /** Publish the entries themselves instead of a callback (default false). */
        Optional<Boolean> direct();

        /** Entries per message in direct mode (default 0, which means 1). */
        Optional<Integer> rollup();

        /**
         * The exchange, which must exist: it is declared passively, as Clair does, so {@code type},
         * {@code durability} and {@code auto-delete} are accepted for compatibility with Clair's configuration but
         * not checked against the broker's.
         */
        interface Exchange {
            /** Exchange name; empty for the default exchange. */
            Optional<String> name();

            /** Clair's {@code type}, e.g. {@code direct}. */
            Optional<String> type();

            /** Clair's {@code durability}. */
            Optional<Boolean> durability();

            /** Clair's {@code auto_delete}. */
            Optional<Boolean> autoDelete();
        }
    }

    /** Sends to a destination of a STOMP 1.2 broker (ActiveMQ, RabbitMQ's STOMP plugin). */
    interface Stomp {
        /** For example {@code /queue/clair-notifications}. */
        String destination();

        /** Callback base URL, as for the webhook; required unless {@code direct}. */
        Optional<String> callback();

        /** Brokers to try in order, as {@code host:port}. */
        List<String> uris();

        /** Send the entries themselves instead of a callback (default false). */
        Optional<Boolean> direct();

        /** Entries per message in direct mode (default 0, which means 1). */
        Optional<Integer> rollup();

        Optional<User> user();

        interface User {
            String login();

            String passcode();
        }
    }
}
