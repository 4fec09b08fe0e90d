package org.baton.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What an administrator defines for a business calendar: a name, an IANA time zone, weekly opening hours (any
 * number of intervals per weekday, overnight shifts allowed), public holidays of one region and custom closed
 * days; or {@code twentyFourSeven}, always open with no holidays. The values are well-formed but not necessarily
 * valid: {@link CalendarRules#problems} says what breaks a rule.
 */
record CalendarDefinition(
        String name,
        ZoneId zone,
        boolean twentyFourSeven,
        Map<DayOfWeek, List<OpeningInterval>> week,
        @Nullable HolidayRegion holidays,
        List<ClosedDay> closedDays) {

    CalendarDefinition {
        EnumMap<DayOfWeek, List<OpeningInterval>> sorted = new EnumMap<>(DayOfWeek.class);
        week.forEach((day, intervals) -> {
            if (!intervals.isEmpty()) {
                sorted.put(day, intervals.stream().sorted(Comparator.comparing(OpeningInterval::start)).toList());
            }
        });
        week = java.util.Collections.unmodifiableMap(sorted);
        closedDays = closedDays.stream().sorted(Comparator.comparing(ClosedDay::date)).toList();
    }

    static CalendarDefinition twentyFourSeven(String name, ZoneId zone) {
        return new CalendarDefinition(name, zone, true, Map.of(), null, List.of());
    }

    List<OpeningInterval> on(DayOfWeek day) {
        return week.getOrDefault(day, List.of());
    }

    /** The open time of a week without holidays or clock changes. */
    Duration weeklyOpenTime() {
        return Duration.ofSeconds(week.values().stream().flatMap(List::stream).mapToLong(OpeningInterval::lengthSeconds).sum());
    }

    CalendarDefinition named(String newName) {
        return new CalendarDefinition(newName, zone, twentyFourSeven, week, holidays, closedDays);
    }
}
