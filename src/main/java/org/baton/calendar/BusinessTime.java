package org.baton.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Business-time arithmetic on one calendar. Pure and thread-safe: no clock, no database. Business time
 * is real elapsed time (seconds on the wall clock, so an overnight shift across a DST change is one hour
 * shorter or longer) inside the calendar's open intervals.
 *
 * <p>The rules (docs/calendars.md has worked examples):
 * <ul>
 *   <li>Local interval bounds become instants as {@link java.time.ZonedDateTime#of} makes them: a bound in a DST
 *       gap moves forward by the gap, a bound in an overlap takes the earlier offset.
 *   <li>A shift belongs to the day it starts on: a holiday or closed day on D closes every interval that starts on
 *       D (also the part of an overnight shift after midnight) and leaves alone the shift that started on D−1.
 *   <li>Public holidays are jollyday's observed dates; a 24×7 calendar has none and is always open.
 *   <li>{@code between(start, addTo(start, d))} is {@code d}.
 * </ul>
 */
public interface BusinessTime {

    CalendarId calendarId();

    /** The calendar's time zone, in which its opening hours are local times. */
    ZoneId zone();

    /**
     * The instant at which {@code amount} of business time, counted from {@code start}, has passed. A start
     * outside opening hours counts from the next opening; an amount that runs out exactly at a closing time is
     * due at that closing instant; a zero amount is due at {@code start}. The nanoseconds of {@code start} are kept.
     *
     * @throws IllegalArgumentException when {@code amount} is negative
     * @throws IllegalStateException when the calendar has no open time at all in the ten years after {@code start}
     */
    Instant addTo(Instant start, Duration amount);

    /** The business time between two instants; zero when {@code to} is not after {@code from}. */
    Duration between(Instant from, Instant to);

    /** Whether the calendar is open at {@code instant} (an interval includes its start, excludes its end). */
    boolean isOpen(Instant instant);
}
