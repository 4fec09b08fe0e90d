package org.baton.calendar;

import java.util.Optional;

/** The business calendars Baton measures service levels on, for every module. */
public interface BusinessCalendars {

    /** The arithmetic of one calendar as it is now; empty when there is no such calendar. */
    Optional<BusinessTime> businessTime(CalendarId id);

    /** The calendar's name, for display; empty when there is no such calendar. */
    Optional<String> name(CalendarId id);

    /** Every calendar's name by id, ordered by name (at most 1,000), for choosing one. */
    java.util.Map<CalendarId, String> names();
}
