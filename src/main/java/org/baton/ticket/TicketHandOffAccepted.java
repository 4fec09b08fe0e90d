package org.baton.ticket;

import java.time.Instant;
import org.baton.identity.SupportGroupId;
import org.baton.identity.UserId;

/** The working group accepted a hand-off: one of its members (or a team lead or coordinator) has taken the work. */
public record TicketHandOffAccepted(TicketId ticketId, TicketNumber number, SupportGroupId groupId, UserId acceptedBy, Instant occurredAt) implements TicketChanged {}
