package io.clair.core.notify;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A page of a notification's entries in id order. {@code next} is the id to continue after, present only when
 * more entries follow (keyset paging: stable while entries are neither added nor removed, which they never are).
 */
public record NotificationPage(List<Notification> notifications, Optional<UUID> next) {
    public NotificationPage {
        notifications = List.copyOf(notifications);
        next = next == null ? Optional.empty() : next;
    }
}
