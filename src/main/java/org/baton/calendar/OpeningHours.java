package org.baton.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Business time on weekly opening hours with public holidays and closed days. The rules:
 *
 * <ul>
 *   <li>Business time is real elapsed time (seconds on the wall clock) inside open intervals.
 *   <li>An interval's local bounds become instants as {@link ZonedDateTime#of} makes them: a bound inside a DST
 *       gap moves forward by the length of the gap, a bound inside an overlap takes the earlier offset. So a
 *       22:00–06:00 shift across spring-forward is 7 hours long, across fall-back 9 hours.
 *   <li>A shift belongs to the day it starts on. A holiday or closed day on D closes every interval that starts on
 *       D, including the part of an overnight shift after midnight, and leaves alone a shift that started on D−1
 *       and runs into D. (With 22:00–06:00 shifts and Christmas Day a holiday: the shift of the 24th runs until
 *       06:00 on the 25th; there is no shift from the 25th to the 26th.)
 *   <li>A start outside opening hours or on a closed day counts from the next opening. An amount that runs out
 *       exactly at a closing time is due at that closing instant. A zero amount is due at the start; the
 *       nanoseconds of the start are kept.
 * </ul>
 *
 * <p>Long amounts skip whole weeks that hold no closed day and no clock change (their open time is the sum of
 * the weekly intervals), so 200 business hours cost about as much as five weeks, not 35 days. A calendar with
 * no open time for ten years after a start fails with {@link CalendarNeverOpens} rather than looping. Instances
 * are immutable apart from a cache of closed days per year, and thread-safe.
 */
final class OpeningHours implements CalendarTime {

    private record ClosedYear(int year, Set<LocalDate> dates) {}

    private final CalendarId id;
    private final CalendarDefinition definition;
    private final ZoneId zone;
    private final ZoneRules rules;
    private final OpeningInterval[][] byDay = new OpeningInterval[7][];
    private final Duration weekly;
    private final @Nullable HolidayRegion region;
    private final PublicHolidays holidays;
    private final Map<Integer, Set<LocalDate>> closedByYear = new ConcurrentHashMap<>();
    private volatile @Nullable ClosedYear lastYear;

    OpeningHours(CalendarId id, CalendarDefinition definition, PublicHolidays holidays) {
        this.id = id;
        this.definition = definition;
        this.zone = definition.zone();
        this.rules = zone.getRules();
        for (DayOfWeek day : DayOfWeek.values()) {
            byDay[day.ordinal()] = definition.on(day).toArray(OpeningInterval[]::new);
        }
        this.weekly = definition.weeklyOpenTime();
        this.region = definition.holidays();
        this.holidays = holidays;
    }

    @Override
    public CalendarId calendarId() {
        return id;
    }

    @Override
    public ZoneId zone() {
        return zone;
    }

    @Override
    public CalendarDefinition definition() {
        return definition;
    }

    @Override
    public Instant addTo(Instant start, Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("A business-time amount cannot be negative: " + amount);
        }
        if (amount.isZero()) {
            return start;
        }
        LocalDate startDate = LocalDate.ofInstant(start, zone);
        LocalDate date = startDate.minusDays(1);
        LocalDate lastOpen = date;
        Instant cursor = start;
        Duration remaining = amount;
        while (true) {
            if (date.isAfter(startDate) && remaining.compareTo(weekly) > 0 && plainWeek(date)) {
                remaining = remaining.minus(weekly);
                date = date.plusDays(7);
                cursor = later(cursor, date.atStartOfDay(zone).toInstant());
                lastOpen = date;
                continue;
            }
            if (!closed(date)) {
                for (OpeningInterval interval : byDay[date.getDayOfWeek().ordinal()]) {
                    Instant end = end(date, interval);
                    if (!end.isAfter(cursor)) {
                        continue;
                    }
                    Instant from = later(start(date, interval), cursor);
                    if (!end.isAfter(from)) {
                        continue;
                    }
                    lastOpen = date;
                    Duration open = Duration.between(from, end);
                    if (open.compareTo(remaining) >= 0) {
                        return from.plus(remaining);
                    }
                    remaining = remaining.minus(open);
                    cursor = end;
                }
            }
            date = date.plusDays(1);
            if (date.toEpochDay() - lastOpen.toEpochDay() > HORIZON_DAYS) {
                throw new CalendarNeverOpens(definition.name(), start);
            }
        }
    }

    @Override
    public Duration between(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        LocalDate fromDate = LocalDate.ofInstant(from, zone);
        LocalDate date = fromDate.minusDays(1);
        Instant cursor = from;
        Duration total = Duration.ZERO;
        while (true) {
            if (date.isAfter(fromDate) && !date.plusDays(8).atStartOfDay(zone).toInstant().isAfter(to) && plainWeek(date)) {
                total = total.plus(weekly);
                date = date.plusDays(7);
                cursor = later(cursor, date.atStartOfDay(zone).toInstant());
                continue;
            }
            if (!closed(date)) {
                for (OpeningInterval interval : byDay[date.getDayOfWeek().ordinal()]) {
                    Instant start = later(start(date, interval), cursor);
                    Instant end = end(date, interval);
                    Instant until = end.isAfter(to) ? to : end;
                    if (until.isAfter(start)) {
                        total = total.plus(Duration.between(start, until));
                    }
                    cursor = later(cursor, end);
                }
            }
            date = date.plusDays(1);
            if (!date.atStartOfDay(zone).toInstant().isBefore(to)) {
                return total;
            }
        }
    }

    @Override
    public boolean isOpen(Instant instant) {
        LocalDate date = LocalDate.ofInstant(instant, zone);
        for (LocalDate day = date.minusDays(1); !day.isAfter(date); day = day.plusDays(1)) {
            if (closed(day)) {
                continue;
            }
            for (OpeningInterval interval : byDay[day.getDayOfWeek().ordinal()]) {
                if (!instant.isBefore(start(day, interval)) && instant.isBefore(end(day, interval))) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public List<OpenPeriod> openPeriods(Instant from, int max) {
        List<OpenPeriod> periods = new ArrayList<>();
        if (max <= 0) {
            return periods;
        }
        LocalDate first = LocalDate.ofInstant(from, zone).minusDays(1);
        for (LocalDate date = first; periods.size() <= max && date.isBefore(first.plusDays(367)); date = date.plusDays(1)) {
            if (closed(date)) {
                continue;
            }
            for (OpeningInterval interval : byDay[date.getDayOfWeek().ordinal()]) {
                Instant start = later(start(date, interval), from);
                Instant end = end(date, interval);
                if (!end.isAfter(start)) {
                    continue;
                }
                OpenPeriod last = periods.isEmpty() ? null : periods.getLast();
                if (last != null && !start.isAfter(last.end())) {
                    periods.set(periods.size() - 1, new OpenPeriod(last.start(), later(last.end(), end)));
                } else {
                    periods.add(new OpenPeriod(start, end));
                }
            }
        }
        return periods.size() > max ? List.copyOf(periods.subList(0, max)) : List.copyOf(periods);
    }

    /** Whether the calendar is closed on {@code date}: a public holiday of its region or one of its closed days. */
    boolean closed(LocalDate date) {
        int year = date.getYear();
        ClosedYear cached = lastYear;
        if (cached == null || cached.year() != year) {
            cached = new ClosedYear(year, closedByYear.computeIfAbsent(year, this::closedIn));
            lastYear = cached;
        }
        return cached.dates().contains(date);
    }

    private Set<LocalDate> closedIn(int year) {
        Set<LocalDate> dates = new HashSet<>();
        for (ClosedDay day : definition.closedDays()) {
            if (day.date().getYear() == year) {
                dates.add(day.date());
            }
        }
        if (region != null) {
            // a holiday may be observed in the year before or after its own (New Year's Day on a Saturday)
            for (int y = year - 1; y <= year + 1; y++) {
                for (LocalDate date : holidays.of(region, y).keySet()) {
                    if (date.getYear() == year) {
                        dates.add(date);
                    }
                }
            }
        }
        return Set.copyOf(dates);
    }

    /**
     * Whether the seven days from {@code date} are an ordinary week: no closed day, and no clock change from the
     * day before until the day after (intervals of the last day may run into the next one).
     */
    private boolean plainWeek(LocalDate date) {
        for (int i = 0; i < 7; i++) {
            if (closed(date.plusDays(i))) {
                return false;
            }
        }
        if (rules.isFixedOffset()) {
            return true;
        }
        Instant from = date.minusDays(1).atStartOfDay(zone).toInstant();
        ZoneOffsetTransition next = rules.nextTransition(from);
        return next == null || next.getInstant().isAfter(date.plusDays(9).atStartOfDay(zone).toInstant());
    }

    private Instant start(LocalDate date, OpeningInterval interval) {
        return at(date, interval.start());
    }

    private Instant end(LocalDate date, OpeningInterval interval) {
        return at(interval.endsNextDay() ? date.plusDays(1) : date, interval.end());
    }

    private Instant at(LocalDate date, LocalTime time) {
        return ZonedDateTime.of(date, time, zone).toInstant();
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    @Override
    public String toString() {
        return "OpeningHours[" + definition.name() + " " + zone + "]";
    }
}
