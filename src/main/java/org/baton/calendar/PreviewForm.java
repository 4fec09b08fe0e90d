package org.baton.calendar;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.baton.shared.FieldProblem;
import org.baton.shared.InvalidInput;
import org.jspecify.annotations.Nullable;

/**
 * The preview box on a calendar's page: a start in the calendar's local time ({@code 2026-12-01T09:00}) and an
 * amount of business time, ISO-8601 ({@code PT8H}) or as people write it ({@code 8h}, {@code 1h 30m}, {@code 45m}).
 */
record PreviewForm(@Nullable String start, @Nullable String duration) {

    private static final Pattern HUMAN = Pattern.compile("(?:(\\d+)\\s*d)?\\s*(?:(\\d+)\\s*h)?\\s*(?:(\\d+)\\s*m(?:in)?)?\\s*(?:(\\d+)\\s*s)?");

    static PreviewForm startingAt(Instant now, ZoneId zone) {
        return new PreviewForm(LocalDateTime.ofInstant(now, zone).withSecond(0).withNano(0).toString(), "PT8H");
    }

    Instant startIn(ZoneId zone, List<FieldProblem> problems) {
        if (start == null || start.isBlank()) {
            problems.add(new FieldProblem("start", "is required"));
            return Instant.EPOCH;
        }
        try {
            return ZonedDateTime.of(LocalDateTime.parse(start.strip()), zone).toInstant();
        } catch (DateTimeException e) {
            problems.add(new FieldProblem("start", "'" + start.strip() + "' is not a date and time such as 2026-12-01T09:00"));
            return Instant.EPOCH;
        }
    }

    @Nullable Duration amount(List<FieldProblem> problems) {
        String text = duration == null ? "" : duration.strip().toLowerCase(Locale.ROOT);
        Matcher m = HUMAN.matcher(text);
        if (!text.isEmpty() && !text.startsWith("p") && !text.startsWith("-") && m.matches()) {
            try {
                Duration d = Duration.ofDays(number(m.group(1))).plusHours(number(m.group(2))).plusMinutes(number(m.group(3)))
                        .plusSeconds(number(m.group(4)));
                return DuePreview.duration("duration", d.toString(), problems);
            } catch (NumberFormatException | ArithmeticException tooLong) {
                problems.add(new FieldProblem("duration", "must be at most ten years"));
                return null;
            }
        }
        return DuePreview.duration("duration", text, problems);
    }

    /** The preview on {@code time}, or the problems with what was typed. */
    DuePreview on(@Nullable CalendarId id, CalendarTime time) {
        List<FieldProblem> problems = new ArrayList<>();
        Instant from = startIn(time.zone(), problems);
        Duration amount = amount(problems);
        if (!problems.isEmpty() || amount == null) {
            throw new InvalidInput(problems);
        }
        return DuePreview.of(id, time, from, amount);
    }

    private static long number(@Nullable String digits) {
        return digits == null ? 0 : Long.parseLong(digits);
    }
}
