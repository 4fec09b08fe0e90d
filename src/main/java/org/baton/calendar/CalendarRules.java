package org.baton.calendar;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.baton.calendar.CalendarInput.ClosedDayInput;
import org.baton.calendar.CalendarInput.IntervalInput;
import org.baton.shared.FieldProblem;
import org.baton.shared.InvalidInput;
import org.jspecify.annotations.Nullable;

/**
 * The rules a business calendar must keep, checked all at once so that every problem is reported with its field:
 * a name (at most {@value #MAX_NAME} characters), an IANA time zone, well-formed times ({@code HH:MM}, an end may
 * be {@code 24:00}), no empty interval, no two intervals that overlap (an overnight shift spilling into the next
 * day's hours counts, Sunday night into Monday too), a holiday country and subdivision that jollyday knows, some
 * opening hours unless the calendar is 24×7, and nothing but a name and zone for a 24×7 calendar. Whether the name
 * is already taken is for {@link CalendarAdministration} to say.
 */
final class CalendarRules {

    static final int MAX_NAME = 120;
    static final int MAX_INTERVALS_PER_DAY = 12;
    static final int MAX_CLOSED_DAYS = 1000;
    private static final int WEEK = 7 * OpeningInterval.SECONDS_PER_DAY;
    private static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{2})");
    private static final Set<String> ZONES = ZoneId.getAvailableZoneIds();

    private CalendarRules() {}

    /** An interval as it was entered, with the field that names it. */
    private record Placed(String field, DayOfWeek day, OpeningInterval interval) {}

    /**
     * The definition {@code input} describes.
     *
     * @throws InvalidInput naming every field that is malformed or breaks a rule
     */
    static CalendarDefinition definition(CalendarInput input, PublicHolidays holidays) {
        List<FieldProblem> problems = new ArrayList<>();
        String name = input.name() == null ? "" : input.name().strip();
        ZoneId zone = zone(input.timeZone(), problems);
        boolean twentyFourSeven = Boolean.TRUE.equals(input.twentyFourSeven());
        List<Placed> placed = new ArrayList<>();
        if (input.weeklyHours() != null) {
            input.weeklyHours().forEach((dayName, intervals) -> {
                DayOfWeek day = day(dayName);
                String field = "weeklyHours." + dayName;
                if (day == null) {
                    problems.add(new FieldProblem(field, "is not a day of the week (MONDAY … SUNDAY)"));
                    return;
                }
                List<IntervalInput> list = intervals == null ? List.of() : intervals;
                for (int i = 0; i < list.size(); i++) {
                    IntervalInput in = list.get(i);
                    String at = field + "[" + i + "]";
                    if (in == null) {
                        problems.add(new FieldProblem(at, "must be an interval such as {\"start\": \"08:00\", \"end\": \"17:00\"}"));
                        continue;
                    }
                    LocalTime start = time(at + ".start", in.start(), false, problems);
                    LocalTime end = time(at + ".end", in.end(), true, problems);
                    if (start != null && end != null) {
                        placed.add(new Placed(at, day, new OpeningInterval(start, end)));
                    }
                }
            });
        }
        List<ClosedDay> closed = new ArrayList<>();
        Map<LocalDate, Integer> seen = new HashMap<>();
        List<ClosedDayInput> closedInput = input.closedDays() == null ? List.of() : input.closedDays();
        for (int i = 0; i < closedInput.size(); i++) {
            ClosedDayInput in = closedInput.get(i);
            String at = "closedDays[" + i + "]";
            if (in == null || in.date() == null || in.date().isBlank()) {
                problems.add(new FieldProblem(at + ".date", "is required, e.g. 2026-12-24"));
                continue;
            }
            try {
                LocalDate date = LocalDate.parse(in.date().strip());
                String dayName = in.name() == null || in.name().isBlank() ? "Closed" : in.name().strip();
                Integer earlier = seen.putIfAbsent(date, i);
                if (earlier != null) {
                    problems.add(new FieldProblem(at + ".date", date + " is already listed as closedDays[" + earlier + "]"));
                } else if (dayName.length() > 200) {
                    problems.add(new FieldProblem(at + ".name", "must be at most 200 characters"));
                } else {
                    closed.add(new ClosedDay(date, dayName));
                }
            } catch (DateTimeException e) {
                problems.add(new FieldProblem(at + ".date", "'" + in.date() + "' is not a date such as 2026-12-24"));
            }
        }
        HolidayRegion region = null;
        String country = blankToNull(input.holidayCountry());
        String subdivision = blankToNull(input.holidaySubdivision());
        if (country != null) {
            region = new HolidayRegion(country, subdivision);
        } else if (subdivision != null) {
            problems.add(new FieldProblem("holidaySubdivision", "needs a holiday country"));
        }
        boolean hoursEntered = input.weeklyHours() != null
                && input.weeklyHours().values().stream().anyMatch(list -> list != null && !list.isEmpty());
        problems.addAll(rules(name, twentyFourSeven, placed, region, closed, hoursEntered && placed.isEmpty(), holidays));
        if (!problems.isEmpty() || zone == null) {
            throw new InvalidInput(problems);
        }
        Map<DayOfWeek, List<OpeningInterval>> week = new EnumMap<>(DayOfWeek.class);
        placed.forEach(p -> week.computeIfAbsent(p.day(), d -> new ArrayList<>()).add(p.interval()));
        return new CalendarDefinition(name, zone, twentyFourSeven, week, region, closed);
    }

    /** What breaks a rule in a definition made in code (the demo calendars, tests); fields are named as in the API. */
    static List<FieldProblem> problems(CalendarDefinition definition, PublicHolidays holidays) {
        List<Placed> placed = new ArrayList<>();
        definition.week().forEach((day, intervals) -> {
            for (int i = 0; i < intervals.size(); i++) {
                placed.add(new Placed("weeklyHours." + day + "[" + i + "]", day, intervals.get(i)));
            }
        });
        return rules(definition.name(), definition.twentyFourSeven(), placed, definition.holidays(), definition.closedDays(), false,
                holidays);
    }

    private static List<FieldProblem> rules(String name, boolean twentyFourSeven, List<Placed> placed, @Nullable HolidayRegion region,
            List<ClosedDay> closed, boolean hoursMalformed, PublicHolidays holidays) {
        List<FieldProblem> problems = new ArrayList<>();
        if (name.isBlank()) {
            problems.add(new FieldProblem("name", "is required"));
        } else if (name.length() > MAX_NAME) {
            problems.add(new FieldProblem("name", "must be at most " + MAX_NAME + " characters"));
        }
        if (twentyFourSeven) {
            if (!placed.isEmpty()) {
                problems.add(new FieldProblem("weeklyHours", "must be empty for a 24×7 calendar, which is always open"));
            }
            if (region != null) {
                problems.add(new FieldProblem("holidayCountry", "must be empty for a 24×7 calendar, which has no holidays"));
            }
            if (!closed.isEmpty()) {
                problems.add(new FieldProblem("closedDays", "must be empty for a 24×7 calendar, which is never closed"));
            }
            return problems;
        }
        if (placed.isEmpty() && !hoursMalformed) {
            problems.add(new FieldProblem("weeklyHours", "has no opening hours: add at least one interval, or make the calendar 24×7"));
        }
        Map<DayOfWeek, Integer> perDay = new EnumMap<>(DayOfWeek.class);
        List<Placed> usable = new ArrayList<>();
        for (Placed p : placed) {
            if (perDay.merge(p.day(), 1, Integer::sum) == MAX_INTERVALS_PER_DAY + 1) {
                problems.add(new FieldProblem("weeklyHours." + p.day(), "has more than " + MAX_INTERVALS_PER_DAY + " intervals"));
            }
            if (p.interval().start().equals(p.interval().end())) {
                problems.add(new FieldProblem(p.field(), "is empty: it starts and ends at " + p.interval().start()
                        + " (for a whole day write 00:00-12:00 and 12:00-24:00, or make the calendar 24×7)"));
            } else {
                usable.add(p);
            }
        }
        for (int i = 0; i < usable.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (overlap(usable.get(i), usable.get(j))) {
                    Placed other = usable.get(j);
                    problems.add(new FieldProblem(usable.get(i).field(), label(usable.get(i)) + " overlaps " + label(other)
                            + (other.day() != usable.get(i).day() ? " (a shift that ends after midnight runs into the next day)" : "")));
                    break;
                }
            }
        }
        if (region != null) {
            if (!holidays.knowsCountry(region.country())) {
                problems.add(new FieldProblem("holidayCountry", "'" + region.country()
                        + "' is not a country with known public holidays; use a two-letter code such as DE, GB or US"));
            } else if (region.subdivision() != null && !holidays.subdivisions(region.country()).containsKey(region.subdivision())) {
                problems.add(new FieldProblem("holidaySubdivision", "'" + region.subdivision() + "' is not a subdivision of "
                        + region.country() + "; known: " + String.join(", ", holidays.subdivisions(region.country()).keySet())));
            }
        }
        if (closed.size() > MAX_CLOSED_DAYS) {
            problems.add(new FieldProblem("closedDays", "must list at most " + MAX_CLOSED_DAYS + " days"));
        }
        return problems;
    }

    /** Whether two intervals share any moment of the week; the week wraps from Sunday night into Monday. */
    private static boolean overlap(Placed a, Placed b) {
        long aStart = weekSecond(a);
        long aEnd = aStart + a.interval().lengthSeconds();
        long bStart = weekSecond(b);
        long bEnd = bStart + b.interval().lengthSeconds();
        for (long shift = -WEEK; shift <= WEEK; shift += WEEK) {
            if (aStart < bEnd + shift && bStart + shift < aEnd) {
                return true;
            }
        }
        return false;
    }

    private static long weekSecond(Placed p) {
        return (long) p.day().ordinal() * OpeningInterval.SECONDS_PER_DAY + p.interval().start().toSecondOfDay();
    }

    private static String label(Placed p) {
        return p.day().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + p.interval();
    }

    private static @Nullable ZoneId zone(@Nullable String text, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            problems.add(new FieldProblem("timeZone", "is required, e.g. Europe/Berlin"));
            return null;
        }
        String id = text.strip();
        if (!ZONES.contains(id)) {
            problems.add(new FieldProblem("timeZone", "'" + id + "' is not an IANA time zone such as Europe/Berlin or America/New_York"));
            return null;
        }
        return ZoneId.of(id);
    }

    private static @Nullable DayOfWeek day(String name) {
        try {
            return DayOfWeek.valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** {@code HH:MM} from 00:00 to 23:59; an end may also be 24:00, meaning midnight. */
    static @Nullable LocalTime time(String field, @Nullable String text, boolean end, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            problems.add(new FieldProblem(field, "is required, e.g. " + (end ? "17:00" : "08:00")));
            return null;
        }
        Matcher m = TIME.matcher(text.strip());
        if (m.matches()) {
            int hour = Integer.parseInt(m.group(1));
            int minute = Integer.parseInt(m.group(2));
            if (end && hour == 24 && minute == 0) {
                return LocalTime.MIDNIGHT;
            }
            if (hour < 24 && minute < 60) {
                return LocalTime.of(hour, minute);
            }
        }
        problems.add(new FieldProblem(field, "'" + text.strip() + "' is not a time of day such as " + (end ? "17:00" : "08:00")));
        return null;
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
