package org.baton.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Business-time arithmetic on one calendar. Pure and thread-safe: no clock, no database. Business time
 * is real elapsed time (seconds on the wall clock, so an overnight shift across a DST change is one hour
 * shorter or longer) inside the calendar's open intervals.
 */
public interface BusinessTime {

    CalendarId calendarId();

    ZoneId zone();

    /**
     * The instant at which {@code amount} of business time, counted from {@code start}, has passed. A start
     * outside opening hours counts from the next opening; an amount that runs out exactly at a closing time is
     * due at that closing instant; a zero amount is due at {@code start}.
     *
     * @throws IllegalArgumentException when {@code amount} is negative
     */
    Instant addTo(Instant start, Duration amount);

    /** The business time between two instants; zero when {@code to} is not after {@code from}. */
    Duration between(Instant from, Instant to);

    /** Whether the calendar is open at {@code instant} (an interval includes its start, excludes its end). */
    boolean isOpen(Instant instant);
}
