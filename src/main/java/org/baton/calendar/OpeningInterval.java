package org.baton.calendar;

import java.time.Duration;
import java.time.LocalTime;

/**
 * One stretch of opening hours on a weekday, in local time. An {@code end} before {@code start} is an
 * overnight shift that ends on the next day; an {@code end} of {@code 00:00} means until midnight. The interval
 * includes its start and excludes its end. {@code start == end} is empty and refused by {@link CalendarRules}.
 */
record OpeningInterval(LocalTime start, LocalTime end) {

    static final int SECONDS_PER_DAY = 24 * 60 * 60;

    /** Whether the interval ends on the next day (an overnight shift, or one that runs until midnight). */
    boolean endsNextDay() {
        return !end.isAfter(start);
    }

    /** The length in local time (on a day without a clock change). */
    int lengthSeconds() {
        int s = start.toSecondOfDay();
        int e = end.toSecondOfDay();
        return e > s ? e - s : SECONDS_PER_DAY - s + e;
    }

    Duration length() {
        return Duration.ofSeconds(lengthSeconds());
    }

    /** As typed in the admin form: {@code 08:00-12:00}, {@code 22:00-06:00}, {@code 17:00-24:00}. */
    @Override
    public String toString() {
        return start + "-" + (end.equals(LocalTime.MIDNIGHT) ? "24:00" : end.toString());
    }
}
