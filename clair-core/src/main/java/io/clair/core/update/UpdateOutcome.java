package io.clair.core.update;

import java.time.Duration;

/**
 * What one updater did in one run.
 *
 * @param vulnerabilities records in the new operation (UPDATED), else 0
 * @param error           why it failed (FAILED), else {@code ""}
 */
public record UpdateOutcome(String updater, Result result, int vulnerabilities, String error, Duration took) {
    public enum Result {
        /** New data recorded as a new update operation. */
        UPDATED,
        /** The source had not changed since the last successful run. */
        UNCHANGED,
        /** Fetching or parsing failed; the previous data is untouched. */
        FAILED,
        /** Another replica holds this updater's lock and is running it. */
        SKIPPED
    }
}
