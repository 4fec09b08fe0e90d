package org.baton.ticket;

import java.time.Instant;
import org.baton.identity.OrganizationId;
import org.baton.identity.UserId;
import org.jspecify.annotations.Nullable;

/** A ticket was opened. */
public record TicketOpened(TicketId ticketId, TicketNumber number, TicketType type, Priority priority, OrganizationId organizationId, @Nullable UserId ownerId, Instant occurredAt) implements TicketChanged {}
