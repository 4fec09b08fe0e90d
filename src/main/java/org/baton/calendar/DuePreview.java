package org.baton.calendar;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.baton.shared.FieldProblem;
import org.baton.shared.InvalidInput;
import org.jspecify.annotations.Nullable;

/**
 * What an administrator checks before a contract relies on a calendar: when {@code duration} of business time
 * from {@code start} falls due, how much business time lies between the two (the duration again, as a check),
 * and the next few open periods from the start.
 */
record DuePreview(
        @Nullable CalendarId calendarId,
        String calendarName,
        ZoneId zone,
        Instant start,
        Duration duration,
        Instant dueAt,
        Duration businessTimeBetween,
        boolean openAtStart,
        boolean alwaysOpen,
        List<OpenPeriod> nextOpenPeriods) {

    /** At most ten years of business time: beyond that a typo is far likelier than a contract. */
    static final Duration MAX_DURATION = Duration.ofDays(3650);
    static final int OPEN_PERIODS = 5;

    static DuePreview of(@Nullable CalendarId id, CalendarTime time, Instant start, Duration duration) {
        Instant due;
        try {
            due = time.addTo(start, duration);
        } catch (CalendarNeverOpens never) {
            throw InvalidInput.of("duration", never.getMessage());
        }
        boolean always = time.definition().twentyFourSeven();
        return new DuePreview(id, time.definition().name(), time.zone(), start, duration, due, time.between(start, due),
                time.isOpen(start), always, always ? List.of() : time.openPeriods(start, OPEN_PERIODS));
    }

    /** An RFC 3339 instant with an offset ({@code 2026-12-01T09:00:00Z}, {@code 2026-12-01T10:00:00+01:00}). */
    static @Nullable Instant start(String field, @Nullable String text, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            if (problems.stream().noneMatch(p -> p.field().equals(field))) {
                problems.add(new FieldProblem(field, "is required, e.g. 2026-12-01T09:00:00Z"));
            }
            return null;
        }
        try {
            OffsetDateTime parsed = OffsetDateTime.parse(text.strip().toUpperCase(Locale.ROOT).replace(' ', 'T'));
            if (parsed.getYear() < 1900 || parsed.getYear() > 2999) {
                problems.add(new FieldProblem(field, "must lie between the years 1900 and 2999"));
                return null;
            }
            return parsed.toInstant();
        } catch (DateTimeException e) {
            problems.add(new FieldProblem(field, "'" + text.strip() + "' is not an RFC 3339 instant with offset such as 2026-12-01T09:00:00Z"));
            return null;
        }
    }

    /** An ISO-8601 duration ({@code PT8H}, {@code PT1H30M}), not negative, at most ten years. */
    static @Nullable Duration duration(String field, @Nullable String text, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            if (problems.stream().noneMatch(p -> p.field().equals(field))) {
                problems.add(new FieldProblem(field, "is required, e.g. PT8H"));
            }
            return null;
        }
        Duration parsed;
        try {
            parsed = Duration.parse(text.strip().toUpperCase(Locale.ROOT));
        } catch (DateTimeException | ArithmeticException e) {
            problems.add(new FieldProblem(field, "'" + text.strip() + "' is not an ISO-8601 duration such as PT8H or PT1H30M"));
            return null;
        }
        if (parsed.isNegative()) {
            problems.add(new FieldProblem(field, "must not be negative"));
            return null;
        }
        if (parsed.compareTo(MAX_DURATION) > 0) {
            problems.add(new FieldProblem(field, "must be at most ten years (PT87600H)"));
            return null;
        }
        return parsed;
    }

    static OffsetDateTime local(Instant instant, ZoneId zone) {
        return instant.atZone(zone).toOffsetDateTime();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
