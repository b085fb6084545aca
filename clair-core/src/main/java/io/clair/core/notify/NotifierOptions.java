package io.clair.core.notify;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link Notifier} behaves.
 *
 * @param disableSummary one entry per (manifest, vulnerability) instead of one per (manifest, reason)
 * @param chunkSize      vulnerabilities per affected-manifest question (Clair asks in chunks of 1000)
 * @param retention      how long delivered or failed notifications are kept when nobody deletes them
 */
public record NotifierOptions(boolean disableSummary, int chunkSize, Duration retention, Clock clock,
        NotifierListener listener) {
    public NotifierOptions {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("notifier: chunk size must be positive, got " + chunkSize);
        }
        Objects.requireNonNull(retention, "retention");
        clock = clock == null ? Clock.systemUTC() : clock;
        listener = listener == null ? NotifierListener.NONE : listener;
    }

    /** Summary mode, chunks of 1000, 14 days' retention: Clair's behaviour. */
    public static NotifierOptions defaults() {
        return new NotifierOptions(false, 1000, Duration.ofDays(14), Clock.systemUTC(), NotifierListener.NONE);
    }

    public NotifierOptions withDisableSummary(boolean disable) {
        return new NotifierOptions(disable, chunkSize, retention, clock, listener);
    }

    public NotifierOptions withListener(NotifierListener l) {
        return new NotifierOptions(disableSummary, chunkSize, retention, clock, l);
    }

    public NotifierOptions withChunkSize(int size) {
        return new NotifierOptions(disableSummary, size, retention, clock, listener);
    }
}
