package org.baton.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.baton.shared.Durations;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Instants as people read them, in the viewer's time zone: {@code ${@times.format(t, me.timeZone())}}
 * gives "23 Nov 2026 14:05", {@code ${@times.relative(t)}} gives "3 h 10 min ago" or "in 2 h 10 min".
 */
@Component("times")
class DisplayTimes {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH);

    private final Clock clock;

    DisplayTimes(Clock clock) {
        this.clock = clock;
    }

    public String format(@Nullable Instant instant, ZoneId zone) {
        return instant == null ? "—" : FORMAT.format(instant.atZone(zone));
    }

    /** The ISO-8601 form, for a {@code <time datetime>} attribute. */
    public String iso(@Nullable Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    public String relative(@Nullable Instant instant) {
        if (instant == null) {
            return "never";
        }
        Duration between = Duration.between(clock.instant(), instant);
        boolean past = between.isNegative();
        String span = Durations.span(between);
        if (span.isEmpty()) {
            return "just now";
        }
        return past ? span + " ago" : "in " + span;
    }
}
