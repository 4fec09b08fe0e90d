package org.baton.sla;

import java.time.Instant;
import java.util.Set;
import org.baton.identity.UserId;
import org.baton.ticket.TicketId;
import org.baton.ticket.TicketNumber;

/**
 * A ticket's target was not met by its due instant.
 *
 * @param notified the members of staff who were told (the owner, team leads and coordinators)
 */
public record SlaBreached(TicketId ticketId, TicketNumber number, ServiceTarget target, Instant dueAt, Instant occurredAt,
        Set<UserId> notified) {

    public SlaBreached {
        notified = Set.copyOf(notified);
    }
}
