package org.baton.ticket;

import java.time.Instant;

/**
 * What every event about one ticket says: which ticket, and when the change happened. Listeners that
 * care only that a ticket changed (live pages, cached queue counts) listen for this instead of each event.
 */
public interface TicketChanged {

    TicketId ticketId();

    TicketNumber number();

    Instant occurredAt();
}
