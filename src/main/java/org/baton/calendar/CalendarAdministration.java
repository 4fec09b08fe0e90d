package org.baton.calendar;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.baton.shared.FieldProblem;
import org.baton.shared.InvalidInput;
import org.baton.shared.NotFound;
import org.baton.shared.Refused;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating, changing and deleting calendars. Every rule is checked before anything is written and all problems
 * are reported at once ({@link InvalidInput}, each naming its field); a change made by someone else in the
 * meantime is refused with {@link org.baton.shared.StaleVersion}. The built-in 24×7 calendar may be renamed but
 * stays 24×7 and cannot be deleted; a calendar that a {@link CalendarUsage} reports in use cannot be deleted either.
 */
@Service
@Transactional
class CalendarAdministration {

    private final Calendars calendars;
    private final JdbcBusinessCalendars businessCalendars;
    private final ObjectProvider<CalendarUsage> usages;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CalendarAdministration(Calendars calendars, JdbcBusinessCalendars businessCalendars, ObjectProvider<CalendarUsage> usages,
            ApplicationEventPublisher events, Clock clock) {
        this.calendars = calendars;
        this.businessCalendars = businessCalendars;
        this.usages = usages;
        this.events = events;
        this.clock = clock;
    }

    BusinessCalendar create(CalendarInput input) {
        CalendarDefinition definition = checked(input, null);
        BusinessCalendar calendar = new BusinessCalendar(CalendarId.random(), definition, clock.instant(), 0);
        calendars.insert(calendar);
        changed(calendar.id());
        return calendar;
    }

    BusinessCalendar update(CalendarId id, long expectedVersion, CalendarInput input) {
        BusinessCalendar current = calendars.byId(id).orElseThrow(() -> new NotFound("calendar", id));
        CalendarDefinition definition = checked(input, current);
        calendars.update(id, definition, expectedVersion);
        changed(id);
        return calendars.byId(id).orElseThrow();
    }

    /** Deletes the calendar if it is at {@code expectedVersion} (any version when null). */
    void delete(CalendarId id, @Nullable Long expectedVersion) {
        BusinessCalendar current = calendars.byId(id).orElseThrow(() -> new NotFound("calendar", id));
        if (current.builtIn()) {
            throw new Refused("built-in-calendar", "The built-in calendar " + current.name()
                    + " cannot be deleted: service levels that run around the clock are measured on it.");
        }
        List<String> uses = usages.orderedStream().flatMap(usage -> usage.usesOf(id).stream()).toList();
        if (!uses.isEmpty()) {
            throw inUse(current, String.join(", ", uses));
        }
        try {
            calendars.delete(id, expectedVersion);
        } catch (DataIntegrityViolationException referenced) {
            throw inUse(current, "a service level");
        }
        changed(id);
    }

    private static Refused inUse(BusinessCalendar calendar, String uses) {
        return new Refused("calendar-in-use", "Calendar " + calendar.name() + " is in use (" + uses
                + "); move those to another calendar first.");
    }

    /** Everything that would make {@link #create} (or {@link #update} of {@code current}) refuse {@code input}; saves nothing. */
    @Transactional(readOnly = true)
    List<FieldProblem> problems(CalendarInput input, @Nullable CalendarId current) {
        try {
            checked(input, current == null ? null : calendars.byId(current).orElse(null));
            return List.of();
        } catch (InvalidInput invalid) {
            return invalid.problems();
        }
    }

    private CalendarDefinition checked(CalendarInput input, @Nullable BusinessCalendar current) {
        List<FieldProblem> problems = new ArrayList<>();
        CalendarDefinition definition = null;
        try {
            definition = CalendarRules.definition(input, PublicHolidays.SHARED);
        } catch (InvalidInput invalid) {
            problems.addAll(invalid.problems());
        }
        String name = input.name() == null ? "" : input.name().strip();
        if (!name.isEmpty() && calendars.nameTaken(name, current == null ? null : current.id())) {
            problems.add(new FieldProblem("name", "another calendar is already called " + name));
        }
        if (current != null && current.builtIn() && !Boolean.TRUE.equals(input.twentyFourSeven())) {
            problems.add(new FieldProblem("twentyFourSeven", "the built-in calendar " + current.name()
                    + " is always open; create a new calendar for opening hours"));
        }
        if (!problems.isEmpty() || definition == null) {
            throw new InvalidInput(problems);
        }
        return definition;
    }

    private void changed(CalendarId id) {
        businessCalendars.forget(id);
        events.publishEvent(new CalendarChanged(id));
    }
}
