package org.baton.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One due instant per operation on a built calendar, as the SLA module computes them: 8 and 200 business hours on
 * an office calendar (Europe/Berlin, Mon-Fri 08:00-12:00 and 13:00-17:00, Bavarian holidays, two closed days), a
 * night-shift calendar, and 24×7. Starts cycle through 1024 instants spread over 2026 and 2027 (outside hours,
 * weekends and holidays included), so no single path is measured; the holiday cache of each year is warm, as it is
 * in a running Baton. Run with bench/calendar-jmh.sh.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class BusinessTimeBenchmark {

    private static final Duration EIGHT_HOURS = Duration.ofHours(8);
    private static final Duration TWO_HUNDRED_HOURS = Duration.ofHours(200);

    private BusinessTime office;
    private BusinessTime night;
    private BusinessTime alwaysOpen;
    private final Instant[] starts = new Instant[1024];
    private int next;

    @Setup
    public void build() {
        Map<DayOfWeek, List<OpeningInterval>> week = new EnumMap<>(DayOfWeek.class);
        Map<DayOfWeek, List<OpeningInterval>> nights = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            week.put(day, List.of(new OpeningInterval(LocalTime.of(8, 0), LocalTime.of(12, 0)),
                    new OpeningInterval(LocalTime.of(13, 0), LocalTime.of(17, 0))));
            nights.put(day, List.of(new OpeningInterval(LocalTime.of(22, 0), LocalTime.of(6, 0))));
        }
        office = CalendarTime.of(CalendarId.random(), new CalendarDefinition("Office hours (Berlin)", ZoneId.of("Europe/Berlin"), false,
                week, new HolidayRegion("DE", "by"), List.of(new ClosedDay(LocalDate.of(2026, 12, 24), "Christmas Eve"),
                        new ClosedDay(LocalDate.of(2026, 12, 31), "New Year's Eve"))), PublicHolidays.SHARED);
        night = CalendarTime.of(CalendarId.random(), new CalendarDefinition("Night shift (London)", ZoneId.of("Europe/London"), false,
                nights, new HolidayRegion("GB", "eng"), List.of()), PublicHolidays.SHARED);
        alwaysOpen = CalendarTime.of(CalendarId.TWENTY_FOUR_SEVEN,
                CalendarDefinition.twentyFourSeven("24×7", ZoneId.of("UTC")), PublicHolidays.SHARED);
        Instant first = Instant.parse("2026-01-01T00:00:00Z");
        long span = Duration.ofDays(2 * 365).toSeconds();
        for (int i = 0; i < starts.length; i++) {
            starts[i] = first.plusSeconds((span / starts.length) * i + (i * 7919L) % 86_400);
        }
        for (Instant start : starts) {
            office.addTo(start, TWO_HUNDRED_HOURS);
            night.addTo(start, TWO_HUNDRED_HOURS);
        }
    }

    private Instant start() {
        next = (next + 1) & (starts.length - 1);
        return starts[next];
    }

    @Benchmark
    public Instant office8BusinessHours() {
        return office.addTo(start(), EIGHT_HOURS);
    }

    @Benchmark
    public Instant office200BusinessHours() {
        return office.addTo(start(), TWO_HUNDRED_HOURS);
    }

    @Benchmark
    public Instant nightShift8BusinessHours() {
        return night.addTo(start(), EIGHT_HOURS);
    }

    @Benchmark
    public Duration officeBusinessTimeBetweenFourWeeks() {
        Instant from = start();
        return office.between(from, from.plus(Duration.ofDays(28)));
    }

    @Benchmark
    public Instant twentyFourSeven8Hours() {
        return alwaysOpen.addTo(start(), EIGHT_HOURS);
    }
}
