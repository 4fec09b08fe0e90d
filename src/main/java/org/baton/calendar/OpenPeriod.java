package org.baton.calendar;

import java.time.Duration;
import java.time.Instant;

/** A stretch of time during which a calendar is open: from {@code start} (included) to {@code end} (excluded). */
record OpenPeriod(Instant start, Instant end) {

    Duration length() {
        return Duration.between(start, end);
    }
}
