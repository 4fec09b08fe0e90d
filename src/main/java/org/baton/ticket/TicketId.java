package org.baton.ticket;

import java.time.Instant;
import java.util.UUID;
import org.baton.shared.Uuids;

/** Identifies one ticket internally (an opaque UUID); people and the API use its {@link TicketNumber}. */
public record TicketId(UUID value) {

    /** A new ticket's id: time-ordered, so that new tickets and their events are written at the end of their indexes. */
    public static TicketId newId(Instant at) {
        return new TicketId(Uuids.timeOrdered(at));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
