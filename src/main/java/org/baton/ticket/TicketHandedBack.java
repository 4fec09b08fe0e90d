package org.baton.ticket;

import java.time.Instant;
import org.baton.identity.SupportGroupId;

/** The working group handed the work back to the ticket's owner. */
public record TicketHandedBack(TicketId ticketId, TicketNumber number, SupportGroupId groupId, Instant occurredAt) implements TicketChanged {}
