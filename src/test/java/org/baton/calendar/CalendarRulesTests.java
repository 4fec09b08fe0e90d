package org.baton.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.baton.calendar.CalendarInput.ClosedDayInput;
import org.baton.calendar.CalendarInput.IntervalInput;
import org.baton.shared.FieldProblem;
import org.baton.shared.InvalidInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CalendarRulesTests {

    private static CalendarInput office(Map<String, List<IntervalInput>> week) {
        return new CalendarInput("Office", "Europe/Berlin", false, "DE", "by", week, List.of());
    }

    private static Map<String, List<IntervalInput>> week(String... dayAndRange) {
        Map<String, List<IntervalInput>> week = new LinkedHashMap<>();
        for (String entry : dayAndRange) {
            String[] parts = entry.split(" ");
            String[] bounds = parts[1].split("-", -1);
            week.computeIfAbsent(parts[0], d -> new ArrayList<>()).add(new IntervalInput(bounds[0], bounds[1]));
        }
        return week;
    }

    private static List<FieldProblem> problems(CalendarInput input) {
        InvalidInput invalid = catchThrowableOfType(InvalidInput.class, () -> CalendarRules.definition(input, PublicHolidays.SHARED));
        assertThat(invalid).as("refused").isNotNull();
        return invalid.problems();
    }

    @ParameterizedTest(name = "{0}: refused on {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            MONDAY 09:00-09:00|weeklyHours.MONDAY[0]|is empty
            MONDAY 09:00-13:00,MONDAY 12:00-17:00|weeklyHours.MONDAY[1]|Monday 12:00-17:00 overlaps Monday 09:00-13:00
            MONDAY 22:00-06:00,TUESDAY 05:00-12:00|weeklyHours.TUESDAY[0]|Tuesday 05:00-12:00 overlaps Monday 22:00-06:00 (a shift that ends after midnight
            SUNDAY 20:00-02:00,MONDAY 01:00-09:00|weeklyHours.MONDAY[0]|Monday 01:00-09:00 overlaps Sunday 20:00-02:00
            MONDAY 25:00-26:00|weeklyHours.MONDAY[0].start|'25:00' is not a time of day
            MONDAY 08:00-8pm|weeklyHours.MONDAY[0].end|'8pm' is not a time of day
            MONDAY 24:00-08:00|weeklyHours.MONDAY[0].start|'24:00' is not a time of day
            MONDAY -17:00|weeklyHours.MONDAY[0].start|is required
            FUNDAY 08:00-17:00|weeklyHours.FUNDAY|is not a day of the week
            """)
    void refusesBadOpeningHoursNamingTheInterval(String intervals, String field, String message) {
        assertThat(problems(office(week(intervals.split(","))))).anySatisfy(problem -> {
            assertThat(problem.field()).isEqualTo(field);
            assertThat(problem.message()).contains(message);
        });
    }

    @Test
    void acceptsTouchingIntervalsAnOvernightShiftEndingWhereTheNextDayStartsAndAnEndOf2400() {
        CalendarDefinition definition = CalendarRules.definition(office(week("MONDAY 22:00-06:00", "TUESDAY 06:00-12:00",
                "TUESDAY 12:00-24:00", "SUNDAY 18:00-00:00")), PublicHolidays.SHARED);

        assertThat(definition.on(DayOfWeek.TUESDAY)).extracting(OpeningInterval::end).containsExactly(LocalTime.NOON, LocalTime.MIDNIGHT);
        assertThat(definition.weeklyOpenTime()).hasHours(8 + 6 + 12 + 6);
    }

    @ParameterizedTest(name = "{0}/{1}/{2}: refused on {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', nullValues = "null", textBlock = """
            Mars/Olympus|DE|by|timeZone|'Mars/Olympus' is not an IANA time zone
            +02:00|DE|by|timeZone|is not an IANA time zone
            null|DE|by|timeZone|is required
            Europe/Berlin|XX|null|holidayCountry|'XX' is not a country with known public holidays
            Europe/Berlin|DE|zz|holidaySubdivision|'zz' is not a subdivision of DE; known: bb, be, bw, by
            Europe/Berlin|null|by|holidaySubdivision|needs a holiday country
            """)
    void refusesUnknownZonesAndHolidayRegions(String zone, String country, String subdivision, String field, String message) {
        CalendarInput input = new CalendarInput("Office", zone, false, country, subdivision, week("MONDAY 09:00-17:00"), List.of());

        assertThat(problems(input)).containsExactly(new FieldProblem(field, problems(input).getFirst().message()))
                .first().extracting(FieldProblem::message).asString().contains(message);
    }

    @Test
    void refusesACalendarWithoutOpeningHoursThatIsNot24x7() {
        assertThat(problems(office(Map.of()))).extracting(FieldProblem::field).containsExactly("weeklyHours");
        assertThat(problems(office(Map.of()))).first().extracting(FieldProblem::message).asString().contains("no opening hours");
    }

    @Test
    void refusesA24x7CalendarWithHoursHolidaysOrClosedDays() {
        CalendarInput input = new CalendarInput("Always", "UTC", true, "DE", null, week("MONDAY 09:00-17:00"),
                List.of(new ClosedDayInput("2026-12-24", "Christmas Eve")));

        assertThat(problems(input)).extracting(FieldProblem::field).containsExactly("weeklyHours", "holidayCountry", "closedDays");
    }

    @Test
    void refusesABlankOrOverlongNameAndReportsEveryProblemAtOnce() {
        CalendarInput input = new CalendarInput("  ", "Nowhere/City", false, null, null, week("MONDAY 09:00-09:00"),
                List.of(new ClosedDayInput("2026-02-30", "No such day"), new ClosedDayInput("2026-12-24", ""),
                        new ClosedDayInput("2026-12-24", "Again")));

        assertThat(problems(input)).extracting(FieldProblem::field).containsExactlyInAnyOrder("name", "timeZone", "weeklyHours.MONDAY[0]",
                "closedDays[0].date", "closedDays[2].date");
        assertThat(problems(new CalendarInput("x".repeat(121), "UTC", true, null, null, null, null)))
                .containsExactly(new FieldProblem("name", "must be at most 120 characters"));
    }

    @Test
    void aValidCalendarBecomesItsDefinitionWithIntervalsInOrder() {
        CalendarInput input = new CalendarInput(" Office hours (Berlin) ", "Europe/Berlin", false, "de", "BY",
                week("monday 13:00-17:00", "monday 08:00-12:00"), List.of(new ClosedDayInput("2026-12-24", "")));

        CalendarDefinition definition = CalendarRules.definition(input, PublicHolidays.SHARED);

        assertThat(definition.name()).isEqualTo("Office hours (Berlin)");
        assertThat(definition.holidays()).isEqualTo(new HolidayRegion("DE", "by"));
        assertThat(definition.on(DayOfWeek.MONDAY)).extracting(OpeningInterval::toString).containsExactly("08:00-12:00", "13:00-17:00");
        assertThat(definition.closedDays()).extracting(ClosedDay::name).containsExactly("Closed");
        assertThat(CalendarRules.problems(definition, PublicHolidays.SHARED)).isEmpty();
    }
}
