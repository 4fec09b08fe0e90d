package org.baton.sla;

import java.time.Instant;
import java.util.Set;
import org.baton.identity.UserId;
import org.baton.ticket.TicketId;
import org.baton.ticket.TicketNumber;

/**
 * A ticket's target reached a warning threshold ({@code percent} of its business time) before being met.
 *
 * @param notified the members of staff who were told (the assignee and working group, or the owner)
 */
public record SlaWarningReached(TicketId ticketId, TicketNumber number, ServiceTarget target, int percent, Instant dueAt,
        Instant occurredAt, Set<UserId> notified) {

    public SlaWarningReached {
        notified = Set.copyOf(notified);
    }
}
