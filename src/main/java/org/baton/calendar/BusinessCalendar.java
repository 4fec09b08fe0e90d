package org.baton.calendar;

import java.time.Instant;

/** A stored business calendar: its definition, when it was created and its version (for optimistic locking). */
record BusinessCalendar(CalendarId id, CalendarDefinition definition, Instant createdAt, long version) {

    public String name() {
        return definition.name();
    }

    /** The built-in 24×7 calendar: it is always open and cannot be deleted. */
    public boolean builtIn() {
        return id.equals(CalendarId.TWENTY_FOUR_SEVEN);
    }
}
