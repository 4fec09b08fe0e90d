package org.baton.outbox;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A message in the outbox, delivered or not; {@code payload} is the JSON text of the message's payload.
 *
 * @param attempts failed delivery attempts so far
 * @param nextAttemptAt when a channel tries it next (while neither delivered nor dead)
 * @param lastError why the last attempt failed
 * @param deadAt when a channel gave up on it (a permanent failure); it stays until retried
 */
public record PendingMessage(
        UUID id,
        String kind,
        @Nullable UUID aggregateId,
        String recipient,
        String subject,
        String payload,
        Instant createdAt,
        int attempts,
        @Nullable Instant deliveredAt,
        Instant nextAttemptAt,
        @Nullable String lastError,
        @Nullable Instant deadAt) {

    /** Given up on after permanent failures. */
    public boolean dead() {
        return deadAt != null;
    }
}
