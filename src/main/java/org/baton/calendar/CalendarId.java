package org.baton.calendar;

import java.util.UUID;

/** Identifies one business calendar (an opaque UUID). */
public record CalendarId(UUID value) {

    /** The built-in 24×7 calendar, created by the schema migration; it cannot be deleted. */
    public static final CalendarId TWENTY_FOUR_SEVEN = new CalendarId(UUID.fromString("00000000-0000-0000-0000-000000000247"));

    public static CalendarId random() {
        return new CalendarId(UUID.randomUUID());
    }

    /** @throws IllegalArgumentException when {@code text} is not a UUID */
    public static CalendarId parse(String text) {
        return new CalendarId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
