package org.baton.ticket;

import java.time.Instant;
import java.util.List;

/**
 * The service-level countdowns of a ticket, for its pages. Declared here and implemented by the SLA module
 * (which depends on this one), so the ticket's pages show SLA countdowns without the ticket module knowing how
 * service levels are measured. With no implementation there are simply no countdowns.
 */
public interface TicketServiceLevels {

    /** The ticket's targets at {@code now}, running ones first (nearest due first), then the finished ones. */
    List<Countdown> countdowns(TicketId ticket, Instant now);
}
