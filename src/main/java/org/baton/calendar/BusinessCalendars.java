package org.baton.calendar;

import java.util.Optional;

/**
 * The business calendars Baton measures service levels on, for every module.
 *
 * <p>The implementation remembers each built calendar on the node for five seconds (by the application's
 * {@code Clock}). A change made through this node is seen at once; a change made on another node is seen here
 * within those five seconds. Listen for {@link CalendarChanged} to recompute due instants after a change, and
 * implement {@link CalendarUsage} to keep a calendar you measure on from being deleted.
 */
public interface BusinessCalendars {

    /** The arithmetic of one calendar as it is now; empty when there is no such calendar. */
    Optional<BusinessTime> businessTime(CalendarId id);

    /** The calendar's name, for display; empty when there is no such calendar. */
    Optional<String> name(CalendarId id);

    /** Every calendar's name by id, ordered by name (at most 1,000), for choosing one. */
    java.util.Map<CalendarId, String> names();
}
