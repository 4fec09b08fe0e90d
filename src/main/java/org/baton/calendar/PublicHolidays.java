package org.baton.calendar;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.LocalDate;
import java.time.Year;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Public holidays from jollyday, by region and year. Making a jollyday {@code HolidayManager} reads and parses
 * the country's XML file (about 0.4 s for the first country), so there is one per country for the life of the
 * process, and the holidays of each (country, subdivision, year) are computed once. Jollyday reports the
 * observed date where a holiday moves (US Independence Day 2026 on Fri 07-03, GB Boxing Day 2026 on Mon 12-28);
 * observances are not closing days and are left out. Thread-safe.
 */
final class PublicHolidays {

    /** The one instance the application uses: holidays never change while it runs. */
    static final PublicHolidays SHARED = new PublicHolidays();

    private record Key(String country, @Nullable String subdivision, int year) {}

    private final Map<String, HolidayManager> managers = new ConcurrentHashMap<>();
    private final Map<Key, Map<LocalDate, String>> holidays = new ConcurrentHashMap<>();
    private volatile @Nullable Set<String> countries;

    /** The holidays of {@code region} in {@code year}, date to name; empty for a region jollyday does not know. */
    Map<LocalDate, String> of(HolidayRegion region, int year) {
        return holidays.computeIfAbsent(new Key(region.country(), region.subdivision(), year), this::load);
    }

    /** The two-letter country codes jollyday has holidays for, e.g. {@code DE}. */
    Set<String> countries() {
        Set<String> known = countries;
        if (known == null) {
            Set<String> codes = new TreeSet<>();
            for (String code : HolidayManager.getSupportedCalendarCodes()) {
                if (code.length() == 2) {
                    codes.add(code.toUpperCase(Locale.ROOT));
                }
            }
            known = Collections.unmodifiableSet(codes);
            countries = known;
        }
        return known;
    }

    boolean knowsCountry(String country) {
        return countries().contains(country.toUpperCase(Locale.ROOT));
    }

    /** The subdivision codes of a country, lowercase, with their names; empty for an unknown country. */
    Map<String, String> subdivisions(String country) {
        if (!knowsCountry(country)) {
            return Map.of();
        }
        Map<String, String> result = new TreeMap<>();
        manager(country).getCalendarHierarchy().getChildren()
                .forEach((code, hierarchy) -> result.put(code.toLowerCase(Locale.ROOT), hierarchy.getDescription(Locale.ENGLISH)));
        return result;
    }

    /** The country's name in English, for display. */
    Optional<String> countryName(String country) {
        return knowsCountry(country) ? Optional.ofNullable(manager(country).getCalendarHierarchy().getDescription(Locale.ENGLISH))
                : Optional.empty();
    }

    private Map<LocalDate, String> load(Key key) {
        if (!knowsCountry(key.country())) {
            return Map.of();
        }
        HolidayManager manager = manager(key.country());
        String[] args = key.subdivision() == null ? new String[0] : new String[] {key.subdivision()};
        Set<Holiday> found;
        synchronized (manager) {
            found = manager.getHolidays(Year.of(key.year()), args);
        }
        Map<LocalDate, String> dates = new TreeMap<>();
        for (Holiday holiday : found) {
            if (holiday.getType() != HolidayType.OBSERVANCE) {
                dates.merge(holiday.getDate(), holiday.getDescription(Locale.ENGLISH), (a, b) -> a + ", " + b);
            }
        }
        return Collections.unmodifiableMap(dates);
    }

    private HolidayManager manager(String country) {
        return managers.computeIfAbsent(country.toUpperCase(Locale.ROOT),
                code -> HolidayManager.getInstance(ManagerParameters.create(code.toLowerCase(Locale.ROOT))));
    }

    /** Holidays between two dates (inclusive), in date order, for display. */
    List<ClosedDay> between(HolidayRegion region, LocalDate from, LocalDate to) {
        List<ClosedDay> days = new java.util.ArrayList<>();
        for (int year = from.getYear(); year <= to.getYear(); year++) {
            of(region, year).forEach((date, name) -> {
                if (!date.isBefore(from) && !date.isAfter(to)) {
                    days.add(new ClosedDay(date, name));
                }
            });
        }
        return days;
    }
}
