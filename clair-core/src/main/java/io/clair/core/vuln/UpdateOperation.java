package io.clair.core.vuln;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One successful updater run, recorded immutably: the full set of records the updater produced at that time is
 * linked to this operation. The newest operation per updater is what matching uses.
 */
public record UpdateOperation(UUID ref, String updater, Fingerprint fingerprint, Instant date, UpdateKind kind) {
    public UpdateOperation {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(updater, "updater");
        fingerprint = fingerprint == null ? Fingerprint.NONE : fingerprint;
        Objects.requireNonNull(date, "date");
        kind = kind == null ? UpdateKind.VULNERABILITY : kind;
    }
}
