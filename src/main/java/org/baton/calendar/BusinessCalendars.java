package org.baton.calendar;

import java.util.Optional;

/** The business calendars Baton measures service levels on, for every module. */
public interface BusinessCalendars {

    /** The arithmetic of one calendar as it is now; empty when there is no such calendar. */
    Optional<BusinessTime> businessTime(CalendarId id);

    /** The calendar's name, for display; empty when there is no such calendar. */
    Optional<String> name(CalendarId id);
}
