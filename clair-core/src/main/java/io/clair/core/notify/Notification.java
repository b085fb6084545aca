package io.clair.core.notify;

import io.clair.core.manifest.Digest;
import java.util.Objects;
import java.util.UUID;

/**
 * One entry of a notification: a manifest whose exposure changed with an update operation, why, and the
 * vulnerability concerned (in summary mode the most severe one of that manifest and reason).
 *
 * @param id the entry's own id; pages are keyed on it
 */
public record Notification(UUID id, Digest manifest, Reason reason, VulnSummary vulnerability) {
    public Notification {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(vulnerability, "vulnerability");
    }
}
