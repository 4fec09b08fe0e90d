package org.baton.calendar;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.baton.calendar.CalendarInput.ClosedDayInput;
import org.baton.calendar.CalendarInput.IntervalInput;
import org.baton.shared.FieldProblem;
import org.baton.shared.InvalidInput;
import org.jspecify.annotations.Nullable;

/**
 * The calendar form as typed, every value kept as text so that a page with errors shows exactly what was entered.
 * Each weekday is one line of comma-separated ranges ({@code 08:00-12:00, 13:00-17:00}; {@code 22:00-06:00} is a
 * night shift); closed days are one per line, a date and a name ({@code 2026-12-24 Christmas Eve}).
 */
record CalendarForm(
        @Nullable String name,
        @Nullable String timeZone,
        @Nullable Boolean twentyFourSeven,
        @Nullable String holidayCountry,
        @Nullable String holidaySubdivision,
        @Nullable String monday,
        @Nullable String tuesday,
        @Nullable String wednesday,
        @Nullable String thursday,
        @Nullable String friday,
        @Nullable String saturday,
        @Nullable String sunday,
        @Nullable String closedDays,
        @Nullable Long version) {

    private static final Pattern RANGE = Pattern.compile("\\s*([^\\s\\-–]+)\\s*[-–]\\s*([^\\s\\-–]+)\\s*");

    static CalendarForm blank() {
        return new CalendarForm("", "Europe/Berlin", false, "", "", "", "", "", "", "", "", "", "", 0L);
    }

    static CalendarForm of(BusinessCalendar calendar) {
        CalendarDefinition d = calendar.definition();
        HolidayRegion region = d.holidays();
        return new CalendarForm(d.name(), d.zone().getId(), d.twentyFourSeven(), region == null ? "" : region.country(),
                region == null || region.subdivision() == null ? "" : region.subdivision(), ranges(d, DayOfWeek.MONDAY),
                ranges(d, DayOfWeek.TUESDAY), ranges(d, DayOfWeek.WEDNESDAY), ranges(d, DayOfWeek.THURSDAY), ranges(d, DayOfWeek.FRIDAY),
                ranges(d, DayOfWeek.SATURDAY), ranges(d, DayOfWeek.SUNDAY),
                d.closedDays().stream().map(c -> c.date() + " " + c.name()).collect(Collectors.joining("\n")), calendar.version());
    }

    private static String ranges(CalendarDefinition d, DayOfWeek day) {
        return d.on(day).stream().map(OpeningInterval::toString).collect(Collectors.joining(", "));
    }

    /** The text typed for {@code day}. */
    public @Nullable String hours(DayOfWeek day) {
        return switch (day) {
            case MONDAY -> monday;
            case TUESDAY -> tuesday;
            case WEDNESDAY -> wednesday;
            case THURSDAY -> thursday;
            case FRIDAY -> friday;
            case SATURDAY -> saturday;
            case SUNDAY -> sunday;
        };
    }

    long expectedVersion() {
        return version == null ? -1 : version;
    }

    /** The calendar this form describes, as the API would receive it; ranges that cannot be split are left out. */
    CalendarInput input() {
        return read(new ArrayList<>());
    }

    /** The weekday ranges that cannot even be split into a start and an end ({@code 'nine to five'}). */
    List<FieldProblem> malformedRanges() {
        List<FieldProblem> problems = new ArrayList<>();
        read(problems);
        return problems;
    }

    private CalendarInput read(List<FieldProblem> problems) {
        Map<String, List<IntervalInput>> week = new LinkedHashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            String text = hours(day);
            if (text == null || text.isBlank()) {
                continue;
            }
            List<IntervalInput> intervals = new ArrayList<>();
            for (String item : text.split("[,;]")) {
                if (item.isBlank()) {
                    continue;
                }
                Matcher m = RANGE.matcher(item);
                if (m.matches()) {
                    intervals.add(new IntervalInput(m.group(1), m.group(2)));
                } else {
                    problems.add(new FieldProblem("weeklyHours." + day, "'" + item.strip() + "' is not a range such as 08:00-12:00"));
                }
            }
            week.put(day.name(), intervals);
        }
        List<ClosedDayInput> closed = new ArrayList<>();
        if (closedDays != null) {
            for (String line : closedDays.split("\\R")) {
                if (line.isBlank()) {
                    continue;
                }
                String[] parts = line.strip().split("\\s+", 2);
                closed.add(new ClosedDayInput(parts[0], parts.length > 1 ? parts[1] : ""));
            }
        }
        return new CalendarInput(name, timeZone, Boolean.TRUE.equals(twentyFourSeven), holidayCountry, holidaySubdivision, week, closed);
    }

    /**
     * Field errors for this page: problems with one interval are shown at its weekday's field, problems with a closed
     * day at the closed-days box with its line number.
     */
    static Map<String, String> errors(InvalidInput invalid) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldProblem problem : invalid.problems()) {
            String field = problem.field();
            String message = problem.message();
            Matcher day = Pattern.compile("weeklyHours\\.([A-Za-z]+).*").matcher(field);
            Matcher line = Pattern.compile("closedDays\\[(\\d+)].*").matcher(field);
            if (day.matches()) {
                field = "weeklyHours." + day.group(1).toUpperCase(java.util.Locale.ROOT);
            } else if (line.matches()) {
                field = "closedDays";
                message = "line " + (Integer.parseInt(line.group(1)) + 1) + ": " + message;
            }
            errors.merge(field, message, (a, b) -> a + "; " + b);
        }
        return errors;
    }
}
