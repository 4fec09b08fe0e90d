package org.baton.ticket;

import java.time.Instant;
import org.baton.identity.SupportGroupId;
import org.baton.identity.UserId;
import org.jspecify.annotations.Nullable;

/**
 * Work on a ticket passed to a support group (and maybe a person); the owner stays.
 *
 * @param handedOffBy who passed it on (null for the system), so that they are not told of their own hand-off
 */
public record TicketHandedOff(TicketId ticketId, TicketNumber number, SupportGroupId groupId, @Nullable UserId assigneeId, Instant eta,
        @Nullable UserId handedOffBy, Instant occurredAt) implements TicketChanged {}
