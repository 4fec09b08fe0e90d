package org.baton.shared;

import java.time.Duration;

/**
 * Durations as the pages say them, in the same words as the browser's countdowns ({@code /js/countdowns.js}):
 * "3 days", "1 day 4 h", "2 h 10 min", "5 min".
 */
public final class Durations {

    private Durations() {}

    /** The length of {@code d} (its sign ignored) in words, to the minute; empty under a minute. */
    public static String span(Duration d) {
        Duration length = d.abs();
        long days = length.toDays();
        long hours = length.toHoursPart();
        long minutes = length.toMinutesPart();
        if (days >= 2) {
            return days + " days";
        }
        if (days == 1) {
            return hours == 0 ? "1 day" : "1 day " + hours + " h";
        }
        if (hours > 0) {
            return minutes == 0 ? hours + " h" : hours + " h " + minutes + " min";
        }
        return minutes > 0 ? minutes + " min" : "";
    }
}
