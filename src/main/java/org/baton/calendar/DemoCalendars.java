package org.baton.calendar;

import java.util.List;
import java.util.Map;
import org.baton.calendar.CalendarInput.IntervalInput;
import org.baton.shared.DemoMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo desk's calendars besides the built-in 24×7: office hours in Berlin with Bavarian holidays and a lunch
 * break, and a London night shift. Loaded only in demo mode and only while the built-in calendar is the only one.
 */
@Component
@Order(20)
class DemoCalendars implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCalendars.class);
    private static final List<String> WEEKDAYS = List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY");

    private final DemoMode demo;
    private final Calendars calendars;
    private final CalendarAdministration administration;

    DemoCalendars(DemoMode demo, Calendars calendars, CalendarAdministration administration) {
        this.demo = demo;
        this.calendars = calendars;
        this.administration = administration;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demo.enabled() || calendars.count() > 1) {
            return;
        }
        administration.create(new CalendarInput("Office hours (Berlin)", "Europe/Berlin", false, "DE", "by",
                weekdays(new IntervalInput("08:00", "12:00"), new IntervalInput("13:00", "17:00")),
                List.of(new CalendarInput.ClosedDayInput("2026-12-24", "Christmas Eve"),
                        new CalendarInput.ClosedDayInput("2026-12-31", "New Year's Eve"))));
        administration.create(new CalendarInput("Night shift (London)", "Europe/London", false, "GB", "eng",
                weekdays(new IntervalInput("22:00", "06:00")), List.of()));
        log.info("Demo mode: added the calendars Office hours (Berlin) and Night shift (London)");
    }

    private static Map<String, List<IntervalInput>> weekdays(IntervalInput... intervals) {
        Map<String, List<IntervalInput>> week = new java.util.LinkedHashMap<>();
        WEEKDAYS.forEach(day -> week.put(day, List.of(intervals)));
        return week;
    }
}
