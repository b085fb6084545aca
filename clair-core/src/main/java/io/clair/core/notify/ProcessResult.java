package io.clair.core.notify;

import io.clair.core.vuln.UpdateOperation;
import java.util.UUID;

/**
 * What processing one update operation did.
 *
 * @param notificationId the notification made, or null when none was stored
 * @param entries        how many entries it holds
 * @param error          why processing failed, for {@link Outcome#FAILED}; else {@code ""}
 */
public record ProcessResult(UpdateOperation operation, Outcome outcome, UUID notificationId, int entries,
        String error) {

    /** The ways processing ends. */
    public enum Outcome {
        /** Entries were stored with a {@code created} receipt, to be delivered. */
        CREATED,
        /** Nothing affected any indexed manifest: a {@code delivered} receipt records that it was looked at. */
        NOTHING_AFFECTED,
        /** The updater's first operation: there is nothing to compare with, so nothing to tell. */
        FIRST,
        /** Already processed (here or by another replica). */
        ALREADY_PROCESSED,
        /** Another replica holds the operation's lock right now. */
        LOCKED,
        /** Listing, diffing, the affected-manifest question or storing failed; the next poll tries again. */
        FAILED
    }
}
