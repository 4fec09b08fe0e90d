package org.baton.calendar;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Where a calendar's public holidays come from: a jollyday country code ({@code DE}, {@code GB}, {@code US})
 * and optionally one subdivision of it ({@code by} for Bavaria, {@code eng} for England).
 */
record HolidayRegion(String country, @Nullable String subdivision) {

    HolidayRegion {
        country = country.toUpperCase(Locale.ROOT);
        subdivision = subdivision == null || subdivision.isBlank() ? null : subdivision.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return subdivision == null ? country : country + "-" + subdivision;
    }
}
