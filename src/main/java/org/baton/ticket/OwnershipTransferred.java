package org.baton.ticket;

import java.time.Instant;
import org.baton.identity.UserId;
import org.jspecify.annotations.Nullable;

/** A ticket's accountable owner changed (or was first assigned, when {@code from} is null). */
public record OwnershipTransferred(TicketId ticketId, TicketNumber number, @Nullable UserId from, UserId to, Instant occurredAt) implements TicketChanged {}
