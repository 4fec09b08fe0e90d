package org.baton.outbox;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A message in the outbox, delivered or not; {@code payload} is the JSON text of the message's payload. */
public record PendingMessage(
        UUID id,
        String kind,
        @Nullable UUID aggregateId,
        String recipient,
        String subject,
        String payload,
        Instant createdAt,
        int attempts,
        @Nullable Instant deliveredAt) {}
