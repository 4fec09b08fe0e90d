package org.baton.sla;

import java.time.Instant;
import org.baton.ticket.TicketId;
import org.baton.ticket.TicketNumber;

/** A ticket's target was not met by its due instant. */
public record SlaBreached(TicketId ticketId, TicketNumber number, ServiceTarget target, Instant dueAt, Instant occurredAt) {}
