package org.baton.calendar;

import java.util.List;

/**
 * Implemented by a module that measures on calendars (service levels), as a Spring bean, so that a calendar in
 * use is not deleted: deleting is refused (409) while any implementation names a use. The dependency stays
 * one-way: the calendar module declares this, the using module implements it.
 */
public interface CalendarUsage {

    /** What uses {@code calendar}, for the refusal message (e.g. {@code "SLA policy Gold support"}); empty when nothing does. */
    List<String> usesOf(CalendarId calendar);
}
