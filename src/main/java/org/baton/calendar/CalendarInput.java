package org.baton.calendar;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A calendar as a client or a form sends it, every value still text so that each mistake can be named by its
 * field ({@code weeklyHours.MONDAY[1].end}). {@link CalendarRules#definition} turns it into a
 * {@link CalendarDefinition} or says everything that is wrong at once.
 */
@Schema(name = "CalendarInput", description = "A business calendar: opening hours in a time zone, holidays and closed days, or 24×7.")
record CalendarInput(
        @Schema(example = "Office hours (Berlin)") @Nullable String name,
        @Schema(example = "Europe/Berlin", description = "An IANA time zone name.") @Nullable String timeZone,
        @Schema(description = "Always open: no opening hours, no holidays, no closed days.", example = "false")
                @Nullable Boolean twentyFourSeven,
        @Schema(example = "DE", description = "Public holidays of this country (ISO 3166 code), or null for none.")
                @Nullable String holidayCountry,
        @Schema(example = "by", description = "A subdivision of the country, e.g. by (Bavaria), eng (England); null for the "
                + "national holidays only.") @Nullable String holidaySubdivision,
        @Schema(description = "Opening hours per weekday (MONDAY … SUNDAY) in local time. An end before the start is an "
                + "overnight shift ending the next day; an end of 00:00 or 24:00 means until midnight. A shift belongs to the "
                + "day it starts on.", example = "{\"MONDAY\": [{\"start\": \"08:00\", \"end\": \"12:00\"}, "
                + "{\"start\": \"13:00\", \"end\": \"17:00\"}]}") @Nullable Map<String, List<IntervalInput>> weeklyHours,
        @Schema(description = "Dates on which the calendar is closed besides public holidays.") @Nullable List<ClosedDayInput> closedDays) {

    /** One opening interval, e.g. {@code {"start": "22:00", "end": "06:00"}}. */
    @Schema(name = "OpeningInterval")
    record IntervalInput(@Schema(example = "08:00") @Nullable String start, @Schema(example = "12:00") @Nullable String end) {}

    /** One closed day, e.g. {@code {"date": "2026-12-24", "name": "Christmas Eve"}}. */
    @Schema(name = "ClosedDay")
    record ClosedDayInput(@Schema(example = "2026-12-24") @Nullable String date, @Schema(example = "Christmas Eve") @Nullable String name) {}

    /** The input that describes {@code definition}, for forms and merge patches. */
    static CalendarInput of(CalendarDefinition definition) {
        Map<String, List<IntervalInput>> week = new LinkedHashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            List<OpeningInterval> intervals = definition.on(day);
            if (!intervals.isEmpty()) {
                week.put(day.name(), intervals.stream().map(i -> new IntervalInput(i.start().toString(), i.end().toString())).toList());
            }
        }
        List<ClosedDayInput> closed = new ArrayList<>();
        definition.closedDays().forEach(d -> closed.add(new ClosedDayInput(d.date().toString(), d.name())));
        HolidayRegion region = definition.holidays();
        return new CalendarInput(definition.name(), definition.zone().getId(), definition.twentyFourSeven(),
                region == null ? null : region.country(), region == null ? null : region.subdivision(), week, closed);
    }
}
