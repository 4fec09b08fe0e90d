package org.baton.ticket;

import java.time.Instant;

/** A customer-visible status update was posted; the next one is due at {@code nextUpdateDueAt}. */
public record StatusUpdatePosted(TicketId ticketId, TicketNumber number, Instant nextUpdateDueAt, Instant occurredAt) implements TicketChanged {}
