package org.baton.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** A 24×7 calendar: always open, no holidays; business time is plain elapsed time. */
record RoundTheClock(CalendarId calendarId, CalendarDefinition definition) implements CalendarTime {

    @Override
    public ZoneId zone() {
        return definition.zone();
    }

    @Override
    public Instant addTo(Instant start, Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("A business-time amount cannot be negative: " + amount);
        }
        return start.plus(amount);
    }

    @Override
    public Duration between(Instant from, Instant to) {
        return to.isAfter(from) ? Duration.between(from, to) : Duration.ZERO;
    }

    @Override
    public boolean isOpen(Instant instant) {
        return true;
    }

    @Override
    public List<OpenPeriod> openPeriods(Instant from, int max) {
        return max <= 0 ? List.of() : List.of(new OpenPeriod(from, Instant.MAX));
    }
}
