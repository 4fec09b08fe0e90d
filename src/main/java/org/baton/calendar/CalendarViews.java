package org.baton.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** How calendars read on the admin pages: opening hours in one line, holiday regions by name, due instants in two zones. */
final class CalendarViews {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm:ss zzz", Locale.ENGLISH);
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    private CalendarViews() {}

    /** One row of the calendar list. */
    record CalendarRow(String id, String name, String timeZone, String hours, String holidays, int closedDays, boolean builtIn,
            boolean twentyFourSeven) {}

    /** A preview as the page shows it. */
    record PreviewView(String dueLocal, String dueUtc, String businessTime, String elapsed, boolean openAtStart, boolean alwaysOpen,
            String startLocal, List<String> openPeriods) {}

    /** A country jollyday has holidays for, by name. */
    record Country(String code, String name) {}

    static CalendarRow row(BusinessCalendar calendar) {
        CalendarDefinition d = calendar.definition();
        return new CalendarRow(calendar.id().toString(), d.name(), d.zone().getId(), hours(d), holidays(d.holidays()),
                d.closedDays().size(), calendar.builtIn(), d.twentyFourSeven());
    }

    /** {@code Mon–Fri 08:00-12:00, 13:00-17:00 · Sat 09:00-13:00}; days with the same hours in a row are joined. */
    static String hours(CalendarDefinition d) {
        if (d.twentyFourSeven()) {
            return "Always open";
        }
        List<String> parts = new ArrayList<>();
        DayOfWeek[] days = DayOfWeek.values();
        int i = 0;
        while (i < days.length) {
            List<OpeningInterval> intervals = d.on(days[i]);
            int j = i;
            while (j + 1 < days.length && d.on(days[j + 1]).equals(intervals)) {
                j++;
            }
            if (!intervals.isEmpty()) {
                String label = abbreviated(days[i]) + (j > i ? "–" + abbreviated(days[j]) : "");
                parts.add(label + " " + intervals.stream().map(OpeningInterval::toString).collect(Collectors.joining(", ")));
            }
            i = j + 1;
        }
        return String.join(" · ", parts);
    }

    static String holidays(@Nullable HolidayRegion region) {
        if (region == null) {
            return "None";
        }
        String country = countryName(region.country());
        if (region.subdivision() == null) {
            return country + " (national)";
        }
        String sub = PublicHolidays.SHARED.subdivisions(region.country()).get(region.subdivision());
        return country + " – " + (sub == null ? region.subdivision() : sub);
    }

    static String countryName(String code) {
        String name = Locale.of("", code).getDisplayCountry(Locale.ENGLISH);
        return name.isBlank() || name.equals(code) ? code : name;
    }

    static List<Country> countries() {
        return PublicHolidays.SHARED.countries().stream().map(code -> new Country(code, countryName(code)))
                .sorted(java.util.Comparator.comparing(Country::name)).toList();
    }

    static PreviewView preview(DuePreview p) {
        ZoneId zone = p.zone();
        List<String> periods = p.nextOpenPeriods().stream().map(period -> period(period, zone)).toList();
        return new PreviewView(LOCAL.format(p.dueAt().atZone(zone)), UTC.format(p.dueAt().atZone(ZoneId.of("UTC"))),
                words(p.businessTimeBetween(), false), words(Duration.between(p.start(), p.dueAt()), true), p.openAtStart(), p.alwaysOpen(),
                LOCAL.format(p.start().atZone(zone)), periods);
    }

    private static String period(OpenPeriod period, ZoneId zone) {
        ZonedDateTime start = period.start().atZone(zone);
        ZonedDateTime end = period.end().atZone(zone);
        String until = end.toLocalDate().equals(start.toLocalDate()) ? TIME.format(end) : DAY.format(end) + " " + TIME.format(end);
        return DAY.format(start) + " " + TIME.format(start) + " – " + until + " (" + words(period.length(), false) + ")";
    }

    /** {@code 8 h}, {@code 1 h 0 min 7 s}, {@code 200 h}; with {@code days}, {@code 5 d 3 h}. */
    static String words(Duration d, boolean days) {
        List<String> parts = new ArrayList<>();
        long seconds = d.getSeconds();
        if (days && seconds >= 86_400) {
            parts.add(seconds / 86_400 + " d");
            seconds %= 86_400;
        }
        long h = seconds / 3600;
        long m = seconds % 3600 / 60;
        long s = seconds % 60;
        if (h > 0 || !parts.isEmpty()) {
            parts.add(h + " h");
        }
        if (m > 0 || (s > 0 && !parts.isEmpty())) {
            parts.add(m + " min");
        }
        if (s > 0) {
            parts.add(s + " s");
        }
        return parts.isEmpty() ? "0 min" : String.join(" ", parts);
    }

    static String dayName(DayOfWeek day) {
        return day.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }

    private static String abbreviated(DayOfWeek day) {
        return day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
    }

}
