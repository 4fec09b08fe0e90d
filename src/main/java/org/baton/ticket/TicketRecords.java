package org.baton.ticket;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules write about a ticket without changing it: service-level entries on its timeline (by
 * Baton, not by a person) and the nearest service-level due instant that queues sort by. Neither changes the
 * ticket's version, so no agent's edit is ever refused because a clock ticked.
 */
@Service
public class TicketRecords {

    private final Timeline timeline;
    private final Tickets tickets;

    TicketRecords(Timeline timeline, Tickets tickets) {
        this.timeline = timeline;
        this.tickets = tickets;
    }

    /**
     * Appends a service-level entry (a target met or breached, a warning sent) to the ticket's timeline, in the
     * caller's transaction. Internal entries are for staff; public ones the customer sees too.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void appendServiceLevelEntry(TicketId ticket, Instant at, boolean internal, String body, Map<String, ?> details) {
        timeline.append(ticket, Actor.BATON, at,
                List.of(new Timeline.Entry(EntryKind.SERVICE_LEVEL, internal ? Visibility.INTERNAL : Visibility.PUBLIC, body, details)));
    }

    /** Records when the ticket's nearest running service-level target is due (null: none running), for sorting queues. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordNearestDue(TicketId ticket, @Nullable Instant due) {
        tickets.recordNearestDue(ticket, due);
    }
}
