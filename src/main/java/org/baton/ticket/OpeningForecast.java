package org.baton.ticket;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What another module works out about a ticket before its first save, so that the row is written once: the service-level
 * module tells when the new ticket's nearest target will be due. It must agree with what that module records when it
 * handles {@link TicketOpened} in the same transaction (the ticket is then left as it is).
 */
public interface OpeningForecast {

    /** When the nearest service-level target of {@code opening} (not stored yet) will be due; null: none will run. */
    @Nullable Instant nearestDue(Ticket opening);
}
