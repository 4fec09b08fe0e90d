package org.baton.sla;

import java.time.Instant;
import java.util.List;
import org.baton.ticket.TicketId;

/** A ticket's service-level targets, for every module (the agent console, reporting). */
public interface ServiceLevels {

    /** Every target the ticket has been measured against, as it stands at {@code now}, in the order they started. */
    List<TargetStatus> of(TicketId ticket, Instant now);
}
