package io.clair.core.store;

import java.time.Instant;

/**
 * What an updater did last: when it last tried and last succeeded, whether the last run succeeded, the fingerprint it
 * holds, how many records its current data has, and the last error.
 */
public record UpdaterStatus(String updater, Instant lastAttempt, Instant lastSuccess, boolean lastRunSucceeded,
        String fingerprint, String lastError, int vulnerabilities) {
    public UpdaterStatus {
        fingerprint = fingerprint == null ? "" : fingerprint;
        lastError = lastError == null ? "" : lastError;
    }
}
