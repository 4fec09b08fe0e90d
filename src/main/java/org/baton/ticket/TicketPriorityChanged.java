package org.baton.ticket;

import java.time.Instant;

/** A ticket's priority changed (through impact or urgency). */
public record TicketPriorityChanged(TicketId ticketId, TicketNumber number, Priority from, Priority to, Instant occurredAt) implements TicketChanged {}
