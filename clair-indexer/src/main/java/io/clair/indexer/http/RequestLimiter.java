package io.clair.indexer.http;

import io.clair.indexer.config.IndexerConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.concurrent.Semaphore;

/**
 * Clair's index-request concurrency limit: a request that finds every slot busy is refused at once (429) rather than
 * queued, so that callers such as Quay back off and retry.
 */
@Singleton
public class RequestLimiter {
    private final Semaphore slots;
    private final Counter refused;

    RequestLimiter(IndexerConfig config, MeterRegistry registry) {
        int n = config.requestConcurrency();
        if (n == 0) {
            n = Runtime.getRuntime().availableProcessors() * 4;
        }
        this.slots = n < 0 ? null : new Semaphore(n);
        this.refused = registry.counter("clair_indexer_requests_limited_total");
    }

    /** A held slot to close when done, or empty when the limit is reached. */
    Optional<AutoCloseable> acquire() {
        if (slots == null) {
            return Optional.of(() -> { });
        }
        if (slots.tryAcquire()) {
            return Optional.of(slots::release);
        }
        refused.increment();
        return Optional.empty();
    }
}
