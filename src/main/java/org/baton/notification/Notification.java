package org.baton.notification;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One thing a member of staff was told about a ticket; unread while {@code readAt} is null. */
record Notification(UUID id, NotificationKind kind, String ticketNumber, String text, Instant createdAt, @Nullable Instant readAt) {

    public boolean unread() {
        return readAt == null;
    }
}
