package org.baton.ticket;

import java.time.Instant;

/** A public reply or an internal note was added; {@code byCustomer} when the customer wrote it. */
public record CommentAdded(TicketId ticketId, TicketNumber number, Visibility visibility, boolean byCustomer, Instant occurredAt) implements TicketChanged {}
