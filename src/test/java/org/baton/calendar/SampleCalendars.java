package org.baton.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The calendars the hand-worked tables use, named as in {@code calendar/due-instants.csv}, built in the words
 * of the desk: {@code calendar("Europe/Berlin").weekdays("09:00-17:00").holidays("DE", "by")}.
 */
final class SampleCalendars {

    private SampleCalendars() {}

    static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
    static final Set<DayOfWeek> EVERY_DAY = EnumSet.allOf(DayOfWeek.class);

    static Builder calendar(String zone) {
        return new Builder(zone);
    }

    static CalendarDefinition named(String name) {
        return switch (name) {
            case "office-berlin" -> calendar("Europe/Berlin").on(WEEKDAYS, "09:00-17:00").holidays("DE", "by").build(name);
            case "lunch-berlin" -> calendar("Europe/Berlin").on(WEEKDAYS, "08:00-12:00", "13:00-17:00").holidays("DE", "by").build(name);
            case "night-london" -> calendar("Europe/London").on(WEEKDAYS, "22:00-06:00").holidays("GB", "eng").build(name);
            case "night-berlin" -> calendar("Europe/Berlin").on(EVERY_DAY, "22:00-06:00").build(name);
            case "night-ny" -> calendar("America/New_York").on(EVERY_DAY, "22:00-06:00").build(name);
            case "office-ny" -> calendar("America/New_York").on(WEEKDAYS, "09:00-17:00").holidays("US", null).build(name);
            case "early-sunday-berlin" -> calendar("Europe/Berlin").on(EnumSet.of(DayOfWeek.SUNDAY), "01:00-05:00").build(name);
            case "early-sunday-ny" -> calendar("America/New_York").on(EnumSet.of(DayOfWeek.SUNDAY), "00:00-04:00").build(name);
            case "gap-sunday-berlin" -> calendar("Europe/Berlin").on(EnumSet.of(DayOfWeek.SUNDAY), "02:30-06:00").build(name);
            case "closed-days-berlin" -> calendar("Europe/Berlin").on(WEEKDAYS, "09:00-17:00")
                    .closed("2026-12-24", "Christmas Eve").closed("2026-12-31", "New Year's Eve").build(name);
            case "24x7" -> CalendarDefinition.twentyFourSeven(name, ZoneId.of("UTC"));
            default -> throw new IllegalArgumentException("no sample calendar " + name);
        };
    }

    static CalendarTime time(String name) {
        return CalendarTime.of(CalendarId.random(), named(name), PublicHolidays.SHARED);
    }

    static final class Builder {
        private final ZoneId zone;
        private final Map<DayOfWeek, List<OpeningInterval>> week = new EnumMap<>(DayOfWeek.class);
        private @Nullable HolidayRegion region;
        private final List<ClosedDay> closed = new ArrayList<>();

        private Builder(String zone) {
            this.zone = ZoneId.of(zone);
        }

        Builder on(Set<DayOfWeek> days, String... intervals) {
            for (DayOfWeek day : days) {
                for (String text : intervals) {
                    String[] bounds = text.split("-");
                    LocalTime end = bounds[1].equals("24:00") ? LocalTime.MIDNIGHT : LocalTime.parse(bounds[1]);
                    week.computeIfAbsent(day, d -> new ArrayList<>()).add(new OpeningInterval(LocalTime.parse(bounds[0]), end));
                }
            }
            return this;
        }

        Builder weekdays(String... intervals) {
            return on(WEEKDAYS, intervals);
        }

        Builder holidays(String country, @Nullable String subdivision) {
            region = new HolidayRegion(country, subdivision);
            return this;
        }

        Builder closed(String date, String name) {
            closed.add(new ClosedDay(LocalDate.parse(date), name));
            return this;
        }

        CalendarDefinition build(String name) {
            return new CalendarDefinition(name, zone, false, week, region, closed);
        }
    }
}
