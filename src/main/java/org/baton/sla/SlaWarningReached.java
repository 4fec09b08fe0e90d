package org.baton.sla;

import java.time.Instant;
import org.baton.ticket.TicketId;
import org.baton.ticket.TicketNumber;

/** A ticket's target reached a warning threshold ({@code percent} of its business time) before being met. */
public record SlaWarningReached(TicketId ticketId, TicketNumber number, ServiceTarget target, int percent, Instant dueAt, Instant occurredAt) {}
