package org.baton.ticket;

import java.util.Optional;
import org.baton.identity.CurrentUser;

/** Read-only access to tickets for other modules (SLA clocks, notifications, reporting). */
public interface TicketQueries {

    /** The ticket with this number, whoever may see it: for system work, never for answering a user. */
    Optional<Ticket> find(TicketNumber number);

    Optional<Ticket> find(TicketId id);

    /** The ticket with this number if {@code viewer} may see it: for answering a user. */
    Optional<Ticket> visible(TicketNumber number, CurrentUser viewer);
}
