package org.baton.ticket;

import java.time.Instant;
import org.baton.identity.SupportGroupId;
import org.baton.identity.UserId;
import org.jspecify.annotations.Nullable;

/** Work on a ticket passed to a support group (and maybe a person); the owner stays. */
public record TicketHandedOff(TicketId ticketId, TicketNumber number, SupportGroupId groupId, @Nullable UserId assigneeId, Instant eta, Instant occurredAt) {}
