package org.baton.ticket;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A ticket moved from one status to another (resolving, closing and reopening included). */
public record TicketStatusChanged(TicketId ticketId, TicketNumber number, TicketStatus from, TicketStatus to, @Nullable PendingReason pendingReason, Instant occurredAt) implements TicketChanged {}
