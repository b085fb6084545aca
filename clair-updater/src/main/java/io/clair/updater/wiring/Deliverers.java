package io.clair.updater.wiring;

import io.clair.api.auth.PskKey;
import io.clair.api.auth.PskSigner;
import io.clair.core.notify.Deliverer;
import io.clair.service.config.AuthConfig;
import io.clair.updater.config.NotifierConfig;
import io.clair.updater.notify.deliver.AmqpDeliverer;
import io.clair.updater.notify.deliver.StompDeliverer;
import io.clair.updater.notify.deliver.WebhookDeliverer;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;

/** The one deliverer the configuration asks for: the first of webhook, AMQP and STOMP, as Clair picks. */
final class Deliverers {
    /** Clair's deliverers give a receiver 30 seconds. */
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private Deliverers() {
    }

    static Optional<Deliverer> from(NotifierConfig config, HttpClient http, AuthConfig auth) {
        if (config.webhook().isPresent()) {
            NotifierConfig.Webhook w = config.webhook().get();
            PskSigner signer = auth.psk().key().filter(k -> !k.isBlank())
                    .map(k -> new PskSigner(PskKey.fromBase64(k), WebhookDeliverer.ISSUER)).orElse(null);
            return Optional.of(new WebhookDeliverer(http, URI.create(w.target()), w.callback(), w.headers(), signer,
                    TIMEOUT));
        }
        if (config.amqp().isPresent()) {
            NotifierConfig.Amqp a = config.amqp().get();
            String exchange = a.exchange().flatMap(NotifierConfig.Amqp.Exchange::name).orElse("");
            return Optional.of(new AmqpDeliverer(new AmqpDeliverer.Settings(a.uris().stream().map(URI::create)
                    .toList(), exchange, a.routingKey().orElse(""), a.callback().orElse(null),
                    a.direct().orElse(false), a.rollup().orElse(0), TIMEOUT)));
        }
        if (config.stomp().isPresent()) {
            NotifierConfig.Stomp s = config.stomp().get();
            return Optional.of(new StompDeliverer(new StompDeliverer.Settings(s.uris(), s.destination(),
                    s.callback().orElse(null), s.direct().orElse(false), s.rollup().orElse(0),
                    s.user().map(NotifierConfig.Stomp.User::login).orElse(null),
                    s.user().map(NotifierConfig.Stomp.User::passcode).orElse(null), TIMEOUT)));
        }
        return Optional.empty();
    }
}
