package org.baton.ticket;

import java.util.UUID;

/** Identifies one ticket internally (an opaque UUID); people and the API use its {@link TicketNumber}. */
public record TicketId(UUID value) {

    public static TicketId random() {
        return new TicketId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
