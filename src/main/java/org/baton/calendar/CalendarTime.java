package org.baton.calendar;

import java.time.Instant;
import java.util.List;

/** The business time of one calendar, with what the preview pages show besides due instants. */
interface CalendarTime extends BusinessTime {

    /** Look this far for open time before giving up: a calendar closed for ten years is a mistake. */
    int HORIZON_DAYS = 3653;

    CalendarDefinition definition();

    /**
     * The next {@code max} open periods at or after {@code from} (a period that is open at {@code from} starts
     * there); touching periods (a night shift followed by an early shift) are joined. Looks one year ahead.
     */
    List<OpenPeriod> openPeriods(Instant from, int max);

    static CalendarTime of(CalendarId id, CalendarDefinition definition, PublicHolidays holidays) {
        return definition.twentyFourSeven() ? new RoundTheClock(id, definition) : new OpeningHours(id, definition, holidays);
    }
}
